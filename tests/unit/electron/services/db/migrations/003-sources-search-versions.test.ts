import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/db/migrate';
import { initial } from '../../../../../../electron/services/db/migrations/001-initial';
import { codebookAndThreads } from '../../../../../../electron/services/db/migrations/002-codebook-and-threads';
import { sourcesSearchVersions } from '../../../../../../electron/services/db/migrations/003-sources-search-versions';

const BLOCKS = JSON.stringify([
  { type: 'heading', text: 'Der Bürgermeister', start: 0, end: 17, marks: [] },
  { type: 'paragraph', text: 'The council approved the bridge.', start: 19, end: 51, marks: [] },
]);

function versionTwo(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, codebookAndThreads]);
  db.prepare(
    `INSERT INTO documents VALUES ('d', 'Bridge vote', 'Ana', NULL, 'bridge.txt', NULL, NULL, 'ltr', 'text', 'h', ?, ?, 'now')`,
  ).run('Der Bürgermeister\n\nThe council approved the bridge.', BLOCKS);
  db.exec(`
    INSERT INTO annotations VALUES ('a', 'd', 'claim', 19, 51, 'The council approved the bridge.', '', '', '{"verdict":"true","evidence":[{"url":"https://example.org/minutes","note":"minutes"}]}', 'now', 'now');
    INSERT INTO comments (id, annotation_id, parent_id, position, author, body, created_at, updated_at)
      VALUES ('c', 'a', NULL, 0, 'Ann', 'Checked against the zoning record', 'now', 'now');`);
  return db;
}

/** What a query finds: kind, document, annotation and comment of each hit, in key order. */
function find(db: Database.Database, query: string) {
  return db
    .prepare(
      `SELECT keys.kind, keys.document_id AS documentId, keys.annotation_id AS annotationId,
         keys.comment_id AS commentId, keys.position
       FROM search JOIN search_keys AS keys ON keys.id = search.rowid
       WHERE search MATCH ? ORDER BY keys.id`,
    )
    .all(query);
}

describe('migration 003 (sources, search, versions)', () => {
  it('indexes what version 2 held: titles, text, quotes, attributes and comments', () => {
    const db = versionTwo();
    migrate(db, [initial, codebookAndThreads, sourcesSearchVersions]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT lineage, version, version_reason, source_hash FROM documents').get()).toEqual({
      lineage: 'd',
      version: 1,
      version_reason: 'imported',
      source_hash: null,
    });
    expect(find(db, 'bridge')).toEqual([
      { kind: 'title', documentId: 'd', annotationId: null, commentId: null, position: 0 },
      { kind: 'text', documentId: 'd', annotationId: null, commentId: null, position: 19 },
      { kind: 'quote', documentId: 'd', annotationId: 'a', commentId: null, position: 19 },
    ]);
    // Diacritics are folded: "burgermeister" finds "Bürgermeister".
    expect(find(db, 'burgermeister')).toMatchObject([{ kind: 'text', position: 0 }]);
    expect(find(db, 'minutes')).toMatchObject([{ kind: 'attribute', annotationId: 'a' }]);
    expect(find(db, 'zoning')).toMatchObject([
      { kind: 'comment', annotationId: 'a', commentId: 'c', position: 19 },
    ]);
    db.close();
  });

  it('keeps the index in step with every later write, whatever makes it', () => {
    const db = versionTwo();
    migrate(db, [initial, codebookAndThreads, sourcesSearchVersions]);
    db.exec(`UPDATE comments SET body = 'Checked against the planning record' WHERE id = 'c'`);
    expect(find(db, 'zoning')).toEqual([]);
    expect(find(db, 'planning')).toHaveLength(1);
    db.exec(
      `UPDATE annotations SET attributes = '{"verdict":"false"}', start_offset = 23, quote = 'council approved the bridge.' WHERE id = 'a'`,
    );
    expect(find(db, 'minutes')).toEqual([]);
    expect(find(db, 'planning')).toMatchObject([{ position: 23 }]);
    db.exec(`INSERT INTO comments (id, annotation_id, parent_id, position, author, body, created_at, updated_at)
      VALUES ('r', 'a', 'c', 1, 'Bo', 'Agreed, the record matches', 'now', 'now')`);
    expect(find(db, 'record')).toHaveLength(2);
    db.exec(`DELETE FROM annotations WHERE id = 'a'`);
    expect(find(db, 'record')).toEqual([]);
    expect(find(db, 'bridge').map((hit) => (hit as { kind: string }).kind)).toEqual(['title', 'text']);
    db.exec(`DELETE FROM documents WHERE id = 'd'`);
    expect(find(db, 'bridge')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS rows FROM search_keys').get()).toEqual({ rows: 0 });
    expect(db.prepare('SELECT count(*) AS rows FROM search').get()).toEqual({ rows: 0 });
    db.close();
  });

  it('refuses a version reason or anchor status it does not know', () => {
    const db = versionTwo();
    migrate(db, [initial, codebookAndThreads, sourcesSearchVersions]);
    expect(() => db.exec(`UPDATE documents SET version_reason = 'edited'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE annotations SET anchor_status = 'lost'`)).toThrow(/CHECK/);
    db.close();
  });
});
