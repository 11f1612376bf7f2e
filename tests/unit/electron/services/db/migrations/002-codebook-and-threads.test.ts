import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/db/migrate';
import { initial } from '../../../../../../electron/services/db/migrations/001-initial';
import { codebookAndThreads } from '../../../../../../electron/services/db/migrations/002-codebook-and-threads';
import { AttributeDefinition } from '../../../../../../shared/model';

describe('migration 002 (codebook and threads)', () => {
  it('gives the default tags their attributes and keeps tags, annotations and comments of version 1', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [initial]);
    db.exec(`
      INSERT INTO tags (key, label, color, description, shortcut, underline, position)
        VALUES ('source', 'Source', '#0e7490', '', '4', 'dotted', 4);
      INSERT INTO documents VALUES ('d', 'T', NULL, NULL, 's', NULL, NULL, 'ltr', 'txt', 'h', 'text', '[]', 'now');
      INSERT INTO annotations VALUES ('a', 'd', 'source', 0, 4, 'text', '', '', '{}', 'now', 'now');
      INSERT INTO comments VALUES ('c', 'a', NULL, 0, 'Ann', 'Hi', 'now', 'now');`);
    migrate(db, [initial, codebookAndThreads]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const tags = db.prepare('SELECT key, archived, attributes FROM tags ORDER BY position').all() as {
      key: string;
      archived: number;
      attributes: string;
    }[];
    expect(tags.map((tag) => [tag.key, tag.archived])).toEqual([
      ['claim', 0],
      ['quote', 0],
      ['opinion', 0],
      ['source', 0],
    ]);
    for (const tag of tags) {
      const definitions = JSON.parse(tag.attributes) as unknown[];
      for (const definition of definitions) AttributeDefinition.parse(definition);
      expect(definitions.length > 0).toBe(tag.key !== 'source');
    }
    expect(db.prepare('SELECT body, resolved_at, resolved_by FROM comments').get()).toEqual({
      body: 'Hi',
      resolved_at: null,
      resolved_by: null,
    });
    expect(() => db.exec("UPDATE tags SET archived = 2 WHERE key = 'claim'")).toThrow(/CHECK/);
    db.close();
  });
});
