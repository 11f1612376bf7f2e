import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KEPT_BACKUPS,
  listBackups,
  restoreBackup,
  takeBackup,
  takeDailyBackup,
} from '../../../../../electron/services/db/backups';
import { migrate } from '../../../../../electron/services/db/migrate';
import { migrations, SCHEMA_VERSION } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { ApiError } from '../../../../../shared/api';
import { bundleAnnotationWriter, startWriter } from '../../../support/annotationWriter';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../../support/library';
import { useTemporaryFolder } from '../../../support/temporaryFolder';

const day = (date: string) => new Date(`${date}T09:00:00.000Z`);

describe('backups', () => {
  const temporaryFolder = useTemporaryFolder();
  beforeAll(bundleAnnotationWriter);

  /** A library with the reference article in it, and that article's id. */
  async function libraryWithArticle(folder: string) {
    const opened = openTestWorkbench(folder);
    const { document } = await opened.workbench.library.importBytes(
      'ectc-terror-report.txt',
      referenceArticle(),
    );
    return { ...opened, file: join(folder, 'margin.db'), document };
  }

  it('takes one snapshot a day the library is used, and keeps the newest seven', async () => {
    const folder = temporaryFolder();
    const { store, file } = await libraryWithArticle(folder);
    store.close();
    // Opening the library again, now that it holds an article, takes today's snapshot.
    openTestWorkbench(folder).store.close();
    const db = openDatabase(file);
    // A day that has one gets no other.
    const today = listBackups(file);
    expect(today.map((backup) => backup.reason)).toEqual(['daily']);
    expect(takeDailyBackup(db, file, new Date())).toBeNull();
    for (let date = 1; date <= 9; date++) {
      expect(takeDailyBackup(db, file, day(`2026-12-0${date}`))?.reason).toBe('daily');
    }
    db.close();
    const kept = listBackups(file);
    expect(kept).toHaveLength(KEPT_BACKUPS);
    expect(kept[0]!.takenAt).toBe('2026-12-09T09:00:00.000Z');
    expect(kept.at(-1)!.takenAt).toBe('2026-12-03T09:00:00.000Z');
  });

  it('takes no snapshot of a library that holds nothing yet', () => {
    const folder = temporaryFolder();
    const { store } = openTestWorkbench(folder);
    store.close();
    expect(listBackups(join(folder, 'margin.db'))).toEqual([]);
  });

  it('snapshots a library before upgrading it, at the version it had', () => {
    const file = join(temporaryFolder(), 'old.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old.close();
    openDatabase(file).close();
    const [backup] = listBackups(file);
    expect(backup?.reason).toBe('before-upgrade');
    const snapshot = new Database(backup!.path, { readonly: true });
    expect(snapshot.pragma('user_version', { simple: true })).toBe(1);
    snapshot.close();
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
  });

  it('takes whole snapshots while another process keeps writing', async () => {
    const { store, file, document } = await libraryWithArticle(temporaryFolder());
    store.close();
    const writer = startWriter(file, document.id, 0, 'ack-after-commit');
    await writer.started;
    const reader = new Database(file);
    try {
      for (let index = 0; index < 10; index++) {
        const backup = takeBackup(reader, file, 'daily', new Date(Date.UTC(2026, 11, 1, 0, 0, index)));
        const snapshot = new Database(backup.path, { readonly: true });
        expect(snapshot.pragma('integrity_check', { simple: true })).toBe('ok');
        // Each annotation comes with both its comments: no write is caught halfway.
        const partial = snapshot
          .prepare(
            `SELECT count(*) FROM (SELECT annotations.id FROM annotations LEFT JOIN comments
             ON comments.annotation_id = annotations.id GROUP BY annotations.id HAVING count(comments.id) <> 2)`,
          )
          .pluck()
          .get();
        expect(partial).toBe(0);
        snapshot.close();
      }
    } finally {
      reader.close();
      await writer.kill();
    }
  });

  it('restores a snapshot, keeping the library as it was so the restore can be undone', async () => {
    const folder = temporaryFolder();
    const { workbench, store, file, document } = await libraryWithArticle(folder);
    const text = workbench.library.open({ id: document.id }).article.text;
    const before = annotationOn(document.id, text, '66 countries', 'claim');
    const after = annotationOn(document.id, text, 'See the pattern?', 'opinion');
    workbench.annotations.save(before);
    const connection = openDatabase(file);
    const snapshot = takeBackup(connection, file, 'daily', day('2026-12-01'));
    connection.close();
    workbench.annotations.save(after);
    store.close();

    const { undo, damagedCopy } = await restoreBackup(file, snapshot.name, day('2026-12-02'));
    expect(undo?.reason).toBe('before-restore');
    expect(damagedCopy).toBeNull();
    const restored = openTestWorkbench(folder);
    expect(restored.store.annotationsOf(document.id).map((annotation) => annotation.id)).toEqual([before.id]);
    restored.store.close();

    await restoreBackup(file, undo!.name, day('2026-12-03'));
    const undone = openTestWorkbench(folder);
    expect(
      undone.store
        .annotationsOf(document.id)
        .map((annotation) => annotation.id)
        .sort(),
    ).toEqual([before.id, after.id].sort());
    undone.store.close();
  });

  it('restores over a damaged library, moving the damaged files aside as they were', async () => {
    const folder = temporaryFolder();
    const { workbench, store, file, document } = await libraryWithArticle(folder);
    const text = workbench.library.open({ id: document.id }).article.text;
    const saved = annotationOn(document.id, text, '66 countries', 'claim');
    workbench.annotations.save(saved);
    store.close();
    openTestWorkbench(folder).store.close();
    const [daily] = listBackups(file);
    truncateSync(file, 8192);
    const damagedBytes = readFileSync(file);

    const { undo, damagedCopy } = await restoreBackup(file, daily!.name, day('2026-12-02'));
    expect(undo).toBeNull();
    expect(readFileSync(damagedCopy!)).toEqual(damagedBytes);
    const restored = openTestWorkbench(folder);
    expect(restored.store.annotationsOf(document.id).map((annotation) => annotation.id)).toEqual([saved.id]);
    restored.store.close();
  });

  it('restores where only the write-ahead log is left, moving the log aside rather than replaying it', async () => {
    const folder = temporaryFolder();
    const { workbench, store, file, document } = await libraryWithArticle(folder);
    const snapshot = store.backup('manual', day('2026-12-01'));
    const text = workbench.library.open({ id: document.id }).article.text;
    workbench.annotations.save(annotationOn(document.id, text, '66 countries', 'claim'));
    // A log with that annotation in it, whose database file is then lost.
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE documents SET title = 'From the log'").run();
    copyFileSync(`${file}-wal`, join(folder, 'kept.wal'));
    writer.close();
    store.close();
    rmSync(file);
    copyFileSync(join(folder, 'kept.wal'), `${file}-wal`);
    const logBytes = readFileSync(`${file}-wal`);

    const { undo, damagedCopy } = await restoreBackup(file, snapshot.name, day('2026-12-02'));
    expect(undo).toBeNull();
    expect(readFileSync(`${damagedCopy!}-wal`)).toEqual(logBytes);
    const restored = openTestWorkbench(folder);
    expect(restored.store.annotationsOf(document.id)).toEqual([]);
    expect(restored.workbench.library.list()[0]!.title).not.toBe('From the log');
    restored.store.close();
  });

  it('refuses, with one sentence, a backup that is not there, not whole or from a newer Margin', async () => {
    const folder = temporaryFolder();
    const { store, file } = await libraryWithArticle(folder);
    store.close();
    await expect(restoreBackup(file, 'margin-nothing.db', new Date())).rejects.toThrow(/no backup called/);
    const garbage = join(folder, 'garbage.db');
    writeFileSync(garbage, 'not a database '.repeat(100));
    await expect(restoreBackup(file, garbage, new Date())).rejects.toBeInstanceOf(ApiError);
    const newer = join(folder, 'newer.db');
    const future = new Database(newer);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    await expect(restoreBackup(file, newer, new Date())).rejects.toThrow(/newer version of Margin/);
  });
});
