import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/db/migrate';
import { initial } from '../../../../../../electron/services/db/migrations/001-initial';
import { useTemporaryFolder } from '../../../../support/temporaryFolder';

describe('migration 001 (initial)', () => {
  const temporaryFolder = useTemporaryFolder();

  it('creates the tables and seeds claim, quote and opinion with keys 1 to 3', () => {
    const db = new Database(join(temporaryFolder(), 'library.db'));
    migrate(db, [initial]);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['annotations', 'comments', 'documents', 'settings', 'tags']);
    expect(db.prepare('SELECT key, shortcut, underline FROM tags ORDER BY position').all()).toEqual([
      { key: 'claim', shortcut: '1', underline: 'solid' },
      { key: 'quote', shortcut: '2', underline: 'double' },
      { key: 'opinion', shortcut: '3', underline: 'wavy' },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('enforces the offset and reference rules in the schema itself', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [initial]);
    const insert =
      db.prepare(`INSERT INTO annotations (id, document_id, tag, start_offset, end_offset, quote, prefix,
      suffix, attributes, created_at, updated_at) VALUES ('a', 'missing', 'claim', ?, ?, 'q', '', '', '{}', 'now', 'now')`);
    expect(() => insert.run(5, 5)).toThrow(/CHECK/);
    expect(() => insert.run(0, 5)).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('runs once: migrating again changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, [initial]);
    migrate(db, [initial]);
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(3);
    db.close();
  });
});
