import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../../../../electron/services/createWorkbench';
import { LibraryStore } from '../../../../../electron/services/db/libraryStore';
import { ApiError } from '../../../../../shared/api';
import type { Annotation } from '../../../../../shared/model';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../../support/library';
import { useTemporaryFolder } from '../../../support/temporaryFolder';

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What opening `file` threw, or undefined when it opened. */
function openingError(file: string): unknown {
  try {
    LibraryStore.open(file).close();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** The storage error saving `annotation` fails with (the test fails if it saves). */
function saveError(workbench: Workbench, annotation: Annotation): ApiError {
  try {
    workbench.annotations.save(annotation);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('storage');
    return error as ApiError;
  }
  throw new Error('The annotation was saved.');
}

describe('a damaged or unwritable library', () => {
  const temporaryFolder = useTemporaryFolder();

  /** A library holding the reference article and a few annotations, closed, with its backup. */
  async function library(): Promise<{ folder: string; file: string; documentId: string }> {
    const folder = temporaryFolder();
    const { workbench, store } = openTestWorkbench(folder);
    const { document } = await workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
    const text = workbench.library.open({ id: document.id }).article.text;
    for (const needle of ['66 countries', 'See the pattern?', 'fairly obvious']) {
      workbench.annotations.save(annotationOn(document.id, text, needle, 'claim'));
    }
    store.close();
    // The day's snapshot is taken when a library holding an article is opened.
    openTestWorkbench(folder).store.close();
    return { folder, file: join(folder, 'margin.db'), documentId: document.id };
  }

  const damages: [string, (file: string) => void][] = [
    ['a file that is not a database', (file) => writeFileSync(file, 'notes, not a library\n'.repeat(400))],
    ['a truncated file', (file) => truncateSync(file, Math.floor(readFileSync(file).length / 3))],
    [
      'flipped bits in every page header',
      (file) => {
        const bytes = readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        for (let page = 1; page * pageSize < bytes.length; page++) {
          for (let offset = 0; offset < 8; offset++) bytes[page * pageSize + offset]! ^= 0x5a;
        }
        writeFileSync(file, bytes);
      },
    ],
    [
      'a garbled header',
      (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0x41, 0, 100);
        writeFileSync(file, bytes);
      },
    ],
  ];

  for (const [name, damage] of damages) {
    it(`refuses ${name} with one sentence, offers the backup, and leaves the file as it is`, async () => {
      const { file } = await library();
      damage(file);
      const before = hashOf(file);
      const error = openingError(file);
      expect(error).toBeInstanceOf(ApiError);
      const { code, message } = error as ApiError;
      expect(code).toBe('storage');
      expect(message).toMatch(
        /^The library at .* is damaged \(.+\) and was left as it is; restore its newest backup with `margin restore margin-\d{8}T\d{9}Z-daily\.db` \(1 kept\)/,
      );
      expect(message).not.toContain('\n');
      expect(hashOf(file)).toBe(before);
    });
  }

  it('opens an empty file as a new library: it held nothing to lose', () => {
    const file = join(temporaryFolder(), 'margin.db');
    writeFileSync(file, '');
    const store = LibraryStore.open(file);
    expect(store.documents.summaries()).toEqual([]);
    store.close();
  });

  it('refuses a write-ahead log whose library file is gone, and starts nothing in its place', async () => {
    const { folder, file } = await library();
    const { workbench, store } = openTestWorkbench(folder);
    workbench.settings.update({ authorName: 'Bea' });
    // A copy of the log while the library is open, as a crash would leave it; then the file goes.
    copyFileSync(`${file}-wal`, join(folder, 'log'));
    store.close();
    rmSync(file);
    copyFileSync(join(folder, 'log'), `${file}-wal`);
    const error = openingError(file);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(
      /^The library at .* is missing but its write-ahead log \(.*-wal\) is still there, so nothing was opened; restore its newest backup/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('says a full disk kept a change from being saved, saves nothing of it, and saves it once there is room', async () => {
    const { folder, documentId } = await library();
    const { workbench, store } = openTestWorkbench(folder);
    const text = workbench.library.open({ id: documentId }).article.text;
    const db = (store as unknown as { db: Database.Database }).db;
    // The disk is full: the library may not grow by a single page.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const annotation = annotationOn(documentId, text, 'ECTC', 'quote', {
      comments: [
        {
          id: crypto.randomUUID(),
          author: 'Ann',
          body: 'A long comment. '.repeat(2_000),
          createdAt: '2026-11-27T10:00:00.000Z',
          updatedAt: '2026-11-27T10:00:00.000Z',
          replies: [],
        },
      ],
    });
    expect(saveError(workbench, annotation).message).toMatch(
      /^The disk holding the library is full, so this change was not saved/,
    );
    expect(store.annotationsOf(documentId).map((each) => each.id)).not.toContain(annotation.id);

    db.pragma('max_page_count = 1073741823');
    workbench.annotations.save(annotation);
    expect(store.annotationsOf(documentId).map((each) => each.id)).toContain(annotation.id);
    store.close();
  });

  it('says a library it may not write kept a change from being saved, and saves it once it may', async () => {
    const { folder, documentId } = await library();
    const { workbench, store } = openTestWorkbench(folder);
    const text = workbench.library.open({ id: documentId }).article.text;
    const db = (store as unknown as { db: Database.Database }).db;
    // A read-only file cannot be had here (the tests may run as root, whom permissions do not
    // stop); query_only makes SQLite refuse writes with the same SQLITE_READONLY.
    const before = store.annotationsOf(documentId);
    db.pragma('query_only = ON');
    const annotation = annotationOn(documentId, text, 'ECTC', 'claim');
    expect(saveError(workbench, annotation).message).toMatch(
      /^Margin cannot write to the library at .*margin\.db \(attempt to write a readonly database\), so this change was not saved; make the file and its folder writable\.$/,
    );
    expect(store.annotationsOf(documentId)).toEqual(before);
    db.pragma('query_only = OFF');
    workbench.annotations.save(annotation);
    expect(store.annotationsOf(documentId).map((each) => each.id)).toContain(annotation.id);
    store.close();
  });
});
