import type Database from 'better-sqlite3';
import type { Tag } from '../../../shared/model';

interface TagRow {
  key: string;
  label: string;
  color: string;
  description: string;
  shortcut: string | null;
  underline: Tag['underline'];
}

/** The `tags` table: the codebook, in its display order. */
export class TagsTable {
  private readonly listStatement: Database.Statement<[], TagRow>;
  private readonly hasStatement: Database.Statement<[string], { key: string }>;
  private readonly insertStatement: Database.Statement;

  constructor(db: Database.Database) {
    this.listStatement = db.prepare(
      'SELECT key, label, color, description, shortcut, underline FROM tags ORDER BY position, key',
    );
    this.hasStatement = db.prepare('SELECT key FROM tags WHERE key = ?');
    this.insertStatement = db.prepare(`
      INSERT INTO tags (key, label, color, description, shortcut, underline, position)
      VALUES (@key, @label, @color, @description, @shortcut, @underline,
        (SELECT coalesce(max(position), 0) + 1 FROM tags))`);
  }

  /** Every tag, in codebook order. */
  list(): Tag[] {
    return this.listStatement.all();
  }

  /** Whether a tag with this key exists. */
  has(key: string): boolean {
    return this.hasStatement.get(key) !== undefined;
  }

  /** Adds a tag at the end of the codebook. */
  insert(tag: Tag): void {
    this.insertStatement.run(tag);
  }
}
