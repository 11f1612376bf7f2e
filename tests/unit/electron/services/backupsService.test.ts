import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

describe('BackupsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('takes a snapshot on request and lists it', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    expect(workbench.backups.list()).toEqual([]);
    const taken = workbench.backups.take();
    expect(taken).toMatchObject({ reason: 'manual' });
    expect(taken.name).toMatch(/^margin-\d{8}T\d{6}\d{3}Z-manual\.db$/);
    expect(workbench.backups.list()).toEqual([taken]);
    store.close();
  });

  it('restores a snapshot into the open library, and the snapshot it returns undoes that', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const first = workbench.library.importBytes('first.txt', referenceArticle());
    const snapshot = workbench.backups.take();
    const second = workbench.library.importBytes(
      'second.md',
      new TextEncoder().encode('# Second\n\nMore text.'),
    );
    expect(workbench.library.list()).toHaveLength(2);

    const { undo } = await workbench.backups.restore({ name: snapshot.name });
    // The same workbench, over the same connection, reads the restored library.
    expect(workbench.library.list().map((summary) => summary.id)).toEqual([first.document.id]);
    expect(undo.reason).toBe('before-restore');

    await workbench.backups.restore({ name: undo.name });
    expect(
      workbench.library
        .list()
        .map((summary) => summary.id)
        .sort(),
    ).toEqual([first.document.id, second.document.id].sort());
    store.close();
  });

  it('restores only snapshots of its own backups folder, by name, never a path', async () => {
    const folder = temporaryFolder();
    const other = openTestWorkbench(folder, 'other.db');
    other.workbench.library.importBytes('other.txt', referenceArticle());
    other.store.close();
    const { workbench, store } = openTestWorkbench(folder);
    const mine = workbench.library.importBytes('mine.txt', referenceArticle());
    workbench.backups.take();
    for (const name of [join(folder, 'other.db'), '../other.db', 'other.db', 'margin-nope-manual.db']) {
      await expect(workbench.backups.restore({ name }), name).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(workbench.library.list().map((summary) => summary.id)).toEqual([mine.document.id]);
    store.close();
  });
});
