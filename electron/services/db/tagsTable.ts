import type Database from 'better-sqlite3';
import type { Tag } from '../../../shared/model';

interface TagRow {
  key: string;
  label: string;
  color: string;
  description: string;
  shortcut: string | null;
  underline: Tag['underline'];
  archived: number;
  attributes: string;
}

/** The `tags` table: the codebook, in its display order. */
export class TagsTable {
  private readonly listStatement: Database.Statement<[], TagRow>;
  private readonly hasStatement: Database.Statement<[string], { key: string }>;
  private readonly insertStatement: Database.Statement;
  private readonly updateStatement: Database.Statement;
  private readonly clearShortcutStatement: Database.Statement<[string, string]>;
  private readonly positionStatement: Database.Statement<[number, string]>;

  constructor(db: Database.Database) {
    this.listStatement = db.prepare(
      'SELECT key, label, color, description, shortcut, underline, archived, attributes FROM tags ORDER BY position, key',
    );
    this.hasStatement = db.prepare('SELECT key FROM tags WHERE key = ?');
    this.insertStatement = db.prepare(`
      INSERT INTO tags (key, label, color, description, shortcut, underline, archived, attributes, position)
      VALUES (@key, @label, @color, @description, @shortcut, @underline, @archived, @attributes,
        (SELECT coalesce(max(position), 0) + 1 FROM tags))`);
    this.updateStatement = db.prepare(`
      UPDATE tags SET label = @label, color = @color, description = @description, shortcut = @shortcut,
        underline = @underline, archived = @archived, attributes = @attributes
      WHERE key = @key`);
    this.clearShortcutStatement = db.prepare(
      'UPDATE tags SET shortcut = NULL WHERE shortcut = ? AND key <> ?',
    );
    this.positionStatement = db.prepare('UPDATE tags SET position = ? WHERE key = ?');
  }

  /** Every tag, in codebook order. */
  list(): Tag[] {
    return this.listStatement.all().map((row) => ({
      ...row,
      archived: row.archived === 1,
      attributes: JSON.parse(row.attributes) as Tag['attributes'],
    }));
  }

  /** Whether a tag with this key exists. */
  has(key: string): boolean {
    return this.hasStatement.get(key) !== undefined;
  }

  /** Adds a tag at the end of the codebook. */
  insert(tag: Tag): void {
    this.insertStatement.run(toRow(tag));
  }

  /** Changes everything about a tag but its key and place. */
  update(tag: Tag): void {
    this.updateStatement.run(toRow(tag));
  }

  /** Takes a shortcut key away from every tag but `keepKey`, so one key never means two tags. */
  releaseShortcut(shortcut: string, keepKey: string): void {
    this.clearShortcutStatement.run(shortcut, keepKey);
  }

  /** Puts the tags in this order; the caller runs it inside its transaction. */
  reorder(keys: readonly string[]): void {
    for (const [index, key] of keys.entries()) this.positionStatement.run(index + 1, key);
  }
}

function toRow(tag: Tag): TagRow {
  return { ...tag, archived: tag.archived ? 1 : 0, attributes: JSON.stringify(tag.attributes) };
}
