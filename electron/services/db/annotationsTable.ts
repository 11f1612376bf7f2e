import type Database from 'better-sqlite3';
import type { StoredAnnotation } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';

/** An annotation as the table holds it: everything but its comments. */
export type AnnotationRecord = Omit<Annotation, 'comments'>;

interface AnnotationRow {
  id: string;
  document_id: string;
  tag: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  attributes: string;
  created_at: string;
  updated_at: string;
}

/** The `annotations` table: tagged passages with their anchors and attributes. */
export class AnnotationsTable {
  private readonly upsertStatement: Database.Statement;
  private readonly insertStatement: Database.Statement<unknown[]>;
  private readonly removeStatement: Database.Statement<[string]>;
  private readonly getStatement: Database.Statement<[string], AnnotationRow>;
  private readonly byDocumentStatement: Database.Statement<[string], AnnotationRow>;
  private readonly storedStatement: Database.Statement<[string], unknown[]>;
  private readonly existingStatement: Database.Statement<[string], { id: string }>;
  private readonly valuesStatement: Database.Statement<[string, number], { value: string }>;

  constructor(db: Database.Database) {
    this.upsertStatement = db.prepare(`
      INSERT INTO annotations (id, document_id, tag, start_offset, end_offset, quote, prefix, suffix,
        attributes, created_at, updated_at)
      VALUES (@id, @documentId, @tag, @start, @end, @quote, @prefix, @suffix, @attributes, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET
        tag = excluded.tag, start_offset = excluded.start_offset, end_offset = excluded.end_offset,
        quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix,
        attributes = excluded.attributes, created_at = excluded.created_at, updated_at = excluded.updated_at
      WHERE annotations.document_id = excluded.document_id`);
    this.insertStatement = db.prepare(`
      INSERT INTO annotations (id, document_id, tag, start_offset, end_offset, quote, prefix, suffix,
        attributes, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.removeStatement = db.prepare('DELETE FROM annotations WHERE id = ?');
    this.getStatement = db.prepare('SELECT * FROM annotations WHERE id = ?');
    this.byDocumentStatement = db.prepare(
      'SELECT * FROM annotations WHERE document_id = ? ORDER BY start_offset, end_offset DESC, id',
    );
    this.storedStatement = db
      .prepare<[string], unknown[]>(
        `SELECT id, tag, start_offset, end_offset, attributes, created_at, updated_at FROM annotations
         WHERE document_id = ? ORDER BY start_offset, end_offset DESC, id`,
      )
      .raw(true);
    this.existingStatement = db.prepare(
      'SELECT id FROM annotations WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.valuesStatement = db.prepare(`
      SELECT value FROM (SELECT json_extract(attributes, ?) AS value FROM annotations)
      WHERE typeof(value) = 'text' AND trim(value) <> ''
      GROUP BY value ORDER BY count(*) DESC, value LIMIT ?`);
  }

  /** The text values an attribute has anywhere in the library, the most used first. */
  valuesOf(attributeKey: string, limit: number): string[] {
    // The key is bound into a JSON path; quoting it keeps any character from being read as path syntax.
    return this.valuesStatement.all(`$."${attributeKey.replaceAll('"', '')}"`, limit).map((row) => row.value);
  }

  /** Inserts an annotation, or updates the one with its id; returns false if that id belongs to another document. */
  upsert(record: AnnotationRecord): boolean {
    const result = this.upsertStatement.run({ ...record, attributes: JSON.stringify(record.attributes) });
    return result.changes === 1;
  }

  /**
   * Adds an annotation the library does not have yet (a unique id fails otherwise). Merging adds
   * thousands at once; this plain insert, with its values in order, takes half the time of
   * `upsert`.
   */
  insert(record: AnnotationRecord): void {
    this.insertStatement.run(
      record.id,
      record.documentId,
      record.tag,
      record.start,
      record.end,
      record.quote,
      record.prefix,
      record.suffix,
      JSON.stringify(record.attributes),
      record.createdAt,
      record.updatedAt,
    );
  }

  /** Deletes an annotation (its comments go with it); returns whether it existed. */
  remove(id: string): boolean {
    return this.removeStatement.run(id).changes === 1;
  }

  /** Which of these ids the library has, in any document: one query for a whole report. */
  existing(ids: readonly string[]): Set<string> {
    return new Set(this.existingStatement.all(JSON.stringify(ids)).map((row) => row.id));
  }

  /** The annotation with this id, or undefined. */
  get(id: string): AnnotationRecord | undefined {
    const row = this.getStatement.get(id);
    return row ? toRecord(row) : undefined;
  }

  /**
   * A document's annotations in text order as opening it sends them: without what follows from
   * the text (quote, prefix, suffix), without empty attributes and without an `updatedAt` equal to
   * `createdAt`. Rows come as arrays, which is
   * much faster than objects with better-sqlite3.
   */
  storedForDocument(documentId: string): StoredAnnotation[] {
    return this.storedStatement.all(documentId).map((row) => {
      const [id, tag, start, end, attributes, createdAt, updatedAt] = row as [
        string,
        string,
        number,
        number,
        string,
        string,
        string,
      ];
      const stored: StoredAnnotation = { id, tag, start, end, createdAt };
      if (updatedAt !== createdAt) stored.updatedAt = updatedAt;
      if (attributes !== '{}') stored.attributes = JSON.parse(attributes) as StoredAnnotation['attributes'];
      return stored;
    });
  }

  /** A document's annotations in text order. */
  listForDocument(documentId: string): AnnotationRecord[] {
    return this.byDocumentStatement.all(documentId).map(toRecord);
  }
}

function toRecord(row: AnnotationRow): AnnotationRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    tag: row.tag,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    attributes: JSON.parse(row.attributes) as AnnotationRecord['attributes'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
