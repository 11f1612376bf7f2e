import type Database from 'better-sqlite3';

/** A deleted document as the trash keeps it: every row that belonged to it. */
interface TrashBundle {
  document: Record<string, unknown>;
  annotations: Record<string, unknown>[];
  comments: Record<string, unknown>[];
  orphans: Record<string, unknown>[];
}

/** What the trash holds of one deleted document. */
export interface TrashedDocument {
  documentId: string;
  title: string;
  deletedAt: string;
}

/**
 * The `trash` table: deleted documents with their annotations, comments and review state, kept as
 * they were so a deletion can be undone, and purged after a while. Moving a document in or out is
 * one transaction in the caller's hands.
 */
export class TrashTable {
  private readonly columns = new Map<string, Set<string>>();

  constructor(private readonly db: Database.Database) {
    for (const table of ['documents', 'annotations', 'comments', 'orphans']) {
      const names = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
      this.columns.set(table, new Set(names));
    }
  }

  /** Moves a document and everything of it into the trash; false when there is no such document. */
  moveIn(documentId: string, deletedAt: string): boolean {
    const document = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as
      | Record<string, unknown>
      | undefined;
    if (document === undefined) return false;
    const bundle: TrashBundle = {
      document,
      annotations: this.db
        .prepare('SELECT * FROM annotations WHERE document_id = ? ORDER BY rowid')
        .all(documentId) as Record<string, unknown>[],
      comments: this.db
        .prepare(
          `SELECT c.* FROM comments c JOIN annotations a ON a.id = c.annotation_id
           WHERE a.document_id = ? ORDER BY c.rowid`,
        )
        .all(documentId) as Record<string, unknown>[],
      orphans: this.db.prepare('SELECT * FROM orphans WHERE document_id = ?').all(documentId) as Record<
        string,
        unknown
      >[],
    };
    this.db
      .prepare(
        `INSERT INTO trash (document_id, title, deleted_at, bundle) VALUES (?, ?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET title = excluded.title, deleted_at = excluded.deleted_at, bundle = excluded.bundle`,
      )
      .run(documentId, String(document.title), deletedAt, JSON.stringify(bundle));
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    return true;
  }

  /** Puts a trashed document back as it was; false when the trash does not hold it. */
  moveOut(documentId: string): boolean {
    const row = this.db.prepare('SELECT bundle FROM trash WHERE document_id = ?').get(documentId) as
      | { bundle: string }
      | undefined;
    if (row === undefined) return false;
    const bundle = JSON.parse(row.bundle) as TrashBundle;
    this.insert('documents', bundle.document);
    for (const annotation of bundle.annotations) this.insert('annotations', annotation);
    for (const comment of bundle.comments) this.insert('comments', comment);
    for (const orphan of bundle.orphans) this.insert('orphans', orphan);
    this.db.prepare('DELETE FROM trash WHERE document_id = ?').run(documentId);
    return true;
  }

  /** Forgets the documents deleted before `time`, and the original files only they named. */
  purgeBefore(time: string): number {
    const purged = this.db.prepare('DELETE FROM trash WHERE deleted_at < ?').run(time).changes;
    if (purged > 0) {
      this.db
        .prepare(
          `DELETE FROM originals WHERE hash NOT IN (SELECT source_hash FROM documents WHERE source_hash IS NOT NULL)
             AND hash NOT IN (SELECT json_extract(bundle, '$.document.source_hash') FROM trash
               WHERE json_extract(bundle, '$.document.source_hash') IS NOT NULL)`,
        )
        .run();
    }
    return purged;
  }

  /** A row back into its table: only the table's own columns, each a bound value. */
  private insert(table: string, row: Record<string, unknown>): void {
    const known = this.columns.get(table)!;
    const names = Object.keys(row).filter((name) => known.has(name));
    this.db
      .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((name) => row[name]));
  }
}
