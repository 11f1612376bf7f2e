import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolderOf, listBackups } from '../../../../electron/services/db/backups';
import { migrate } from '../../../../electron/services/db/migrate';
import { migrations, SCHEMA_VERSION } from '../../../../electron/services/db/migrations';
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
    const first = await workbench.library.importBytes('first.txt', referenceArticle());
    const snapshot = workbench.backups.take();
    const second = await workbench.library.importBytes(
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
    await other.workbench.library.importBytes('other.txt', referenceArticle());
    other.store.close();
    const { workbench, store } = openTestWorkbench(folder);
    const mine = await workbench.library.importBytes('mine.txt', referenceArticle());
    workbench.backups.take();
    for (const name of [join(folder, 'other.db'), '../other.db', 'other.db', 'margin-nope-manual.db']) {
      await expect(workbench.backups.restore({ name }), name).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(workbench.library.list().map((summary) => summary.id)).toEqual([mine.document.id]);
    store.close();
  });

  it('stops a restore, moving nothing, when the library as it is cannot be snapshotted first', async () => {
    const folder = temporaryFolder();
    const { workbench, store } = openTestWorkbench(folder);
    const first = await workbench.library.importBytes('first.txt', referenceArticle());
    const snapshot = workbench.backups.take();
    workbench.backups.list().length > 0 ? workbench.backups.list() : [workbench.backups.take()];
    const later = await workbench.library.importBytes(
      'later.md',
      new TextEncoder().encode('# Later\n\nWork after the snapshot.'),
    );
    // The undo snapshot cannot be written: a file already holds its name (as a full disk would fail it).
    const now = new Date('2026-12-01T09:00:00.000Z');
    writeFileSync(join(backupFolderOf(store.file), 'margin-20261201T090000000Z-before-restore.db'), 'taken');
    await expect(
      store.restore(listBackups(store.file).find((b) => b.name === snapshot.name)!, now),
    ).rejects.toThrow();
    expect(existsSync(store.file)).toBe(true);
    expect(
      workbench.library
        .list()
        .map((summary) => summary.id)
        .sort(),
    ).toEqual([first.document.id, later.document.id].sort());
    // And the open library still takes writes where it is.
    await workbench.library.importBytes('third.md', new TextEncoder().encode('# Third\n\nStill saved.'));
    store.close();
    const reopened = openTestWorkbench(folder);
    expect(reopened.workbench.library.list()).toHaveLength(3);
    reopened.store.close();
  });

  it('brings a snapshot from an older version up to this one as it restores it', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'margin.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old.close();
    // Opening upgrades the library, snapshotting it at version 1 first.
    const { workbench, store } = openTestWorkbench(folder);
    const beforeUpgrade = workbench.backups.list().find((backup) => backup.reason === 'before-upgrade')!;
    await workbench.library.importBytes('first.txt', referenceArticle());
    await workbench.backups.restore({ name: beforeUpgrade.name });
    expect(workbench.library.list()).toEqual([]);
    // The restored library works at this version through the same connection.
    await workbench.library.importBytes('again.txt', referenceArticle());
    expect(workbench.library.list()).toHaveLength(1);
    store.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('keeps seven snapshots of each kind, and never prunes the one being restored', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    await workbench.library.importBytes('first.txt', referenceArticle());
    store.close();
    const reopened = openTestWorkbench(dirname(store.file));
    const daily = reopened.workbench.backups.list().filter((backup) => backup.reason === 'daily');
    expect(daily).toHaveLength(1);
    for (let index = 0; index < 9; index += 1) reopened.workbench.backups.take();
    const kinds = reopened.workbench.backups.list().map((backup) => backup.reason);
    expect(kinds.filter((kind) => kind === 'manual')).toHaveLength(7);
    expect(kinds.filter((kind) => kind === 'daily')).toHaveLength(1);
    // Eight restores leave seven snapshots taken before a restore; restoring the oldest of those
    // takes an eighth, and the one being restored must not be the one pruned.
    const oldest = reopened.workbench.backups.list().find((backup) => backup.reason === 'manual')!;
    for (let index = 0; index < 8; index += 1) {
      await reopened.workbench.backups.restore({ name: oldest.name });
    }
    const undos = reopened.workbench.backups.list().filter((backup) => backup.reason === 'before-restore');
    expect(undos).toHaveLength(7);
    await reopened.workbench.backups.restore({ name: undos.at(-1)!.name });
    expect(reopened.workbench.backups.list().map((backup) => backup.name)).toContain(undos.at(-1)!.name);
    expect(reopened.workbench.backups.list().filter((backup) => backup.reason === 'manual')).toHaveLength(7);
    reopened.store.close();
  });
});
