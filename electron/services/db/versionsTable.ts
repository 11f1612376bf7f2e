import type Database from 'better-sqlite3';

/** How an annotation carried into a new version was placed there. */
export type AnchorStatus = 'exact' | 'moved' | 'changed';

/** How many annotations came over exact, moved or changed, and how many found no place. */
export interface CarriedCounts {
  exact: number;
  moved: number;
  changed: number;
  orphaned: number;
}

/** One version of an article, as the versions list shows it. */
export interface VersionRow {
  id: string;
  version: number;
  versionReason: 'imported' | 'new-version' | 'corrected';
  importedAt: string;
  title: string;
}

/**
 * What the library knows about versions: which documents are versions of one article, how each
 * carried annotation was placed, and which annotations of an older version found no place in a
 * newer one (`orphans`).
 */
export class VersionsTable {
  private readonly latestBySourceStatement: Database.Statement<[string], { id: string }>;
  private readonly versionsStatement: Database.Statement<[string], VersionRow>;
  private readonly markStatement: Database.Statement<[string, AnchorStatus, string | null, string]>;
  private readonly reviewedStatement: Database.Statement<[string, string]>;
  private readonly orphanStatement: Database.Statement<[string, string]>;
  private readonly removeOrphanStatement: Database.Statement<[string, string]>;
  private readonly orphansStatement: Database.Statement<[string], { annotationId: string }>;
  private readonly changedStatement: Database.Statement<
    [string],
    { annotationId: string; previousQuote: string; status: AnchorStatus }
  >;
  private readonly detachStatement: Database.Statement<[string]>;
  private readonly carriedIdsStatement: Database.Statement<[string], { id: string }>;
  private readonly highestVersionStatement: Database.Statement<[string, string], { highest: number | null }>;
  private readonly setCarriedStatement: Database.Statement<[string, string]>;
  private readonly carriedStatement: Database.Statement<[string], { carried: string | null }>;

  constructor(db: Database.Database) {
    this.latestBySourceStatement = db.prepare(`
      SELECT id FROM documents WHERE lineage = (
        SELECT lineage FROM documents WHERE source = ? ORDER BY imported_at DESC, rowid DESC LIMIT 1
      ) ORDER BY version DESC LIMIT 1`);
    this.versionsStatement = db.prepare(`
      SELECT id, version, version_reason AS versionReason, imported_at AS importedAt, title
      FROM documents WHERE lineage = (SELECT lineage FROM documents WHERE id = ?) ORDER BY version`);
    this.markStatement = db.prepare(
      'UPDATE annotations SET carried_from = ?, anchor_status = ?, previous_quote = ? WHERE id = ?',
    );
    this.reviewedStatement = db.prepare(
      'UPDATE annotations SET anchor_status = NULL, previous_quote = NULL WHERE document_id = ? AND id = ?',
    );
    this.orphanStatement = db.prepare(
      'INSERT INTO orphans (document_id, annotation_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.removeOrphanStatement = db.prepare(
      'DELETE FROM orphans WHERE document_id = ? AND annotation_id = ?',
    );
    this.orphansStatement = db.prepare(
      'SELECT annotation_id AS annotationId FROM orphans WHERE document_id = ?',
    );
    this.changedStatement = db.prepare(`
      SELECT id AS annotationId, previous_quote AS previousQuote, anchor_status AS status
      FROM annotations WHERE document_id = ? AND anchor_status = 'changed' ORDER BY start_offset`);
    this.detachStatement = db.prepare(
      "UPDATE documents SET lineage = id, version = 1, version_reason = 'imported', carried = NULL WHERE id = ?",
    );
    this.setCarriedStatement = db.prepare('UPDATE documents SET carried = ? WHERE id = ?');
    // Versions in the trash keep their numbers: one brought back must not meet a namesake.
    this.highestVersionStatement = db.prepare(`
      SELECT max(version) AS highest FROM (
        SELECT version FROM documents WHERE lineage = (SELECT lineage FROM documents WHERE id = ?)
        UNION ALL
        SELECT json_extract(bundle, '$.document.version') FROM trash
        WHERE json_extract(bundle, '$.document.lineage') = (SELECT lineage FROM documents WHERE id = ?)
      )`);
    this.carriedIdsStatement = db.prepare(
      'SELECT id FROM annotations WHERE document_id = ? AND carried_from IS NOT NULL',
    );
    this.carriedStatement = db.prepare('SELECT carried FROM documents WHERE id = ?');
  }

  /** The newest version of the article last imported from this source (a page's address or a file name). */
  latestFromSource(source: string): string | undefined {
    return this.latestBySourceStatement.get(source)?.id;
  }

  /** Every version of the article this document is a version of, oldest first. */
  versionsOf(documentId: string): VersionRow[] {
    return this.versionsStatement.all(documentId);
  }

  /** Records where a carried annotation came from and how it was placed. */
  markCarried(annotationId: string, from: string, status: AnchorStatus, previousQuote: string | null): void {
    this.markStatement.run(from, status, previousQuote, annotationId);
  }

  /** A person has checked a changed annotation: it is no longer listed for review. */
  markReviewed(documentId: string, annotationId: string): boolean {
    return this.reviewedStatement.run(documentId, annotationId).changes === 1;
  }

  /** Records that an older version's annotation found no place in this document. */
  addOrphan(documentId: string, annotationId: string): void {
    this.orphanStatement.run(documentId, annotationId);
  }

  /** Forgets an orphan (placed by hand, or dismissed). */
  removeOrphan(documentId: string, annotationId: string): boolean {
    return this.removeOrphanStatement.run(documentId, annotationId).changes === 1;
  }

  /** The older annotations that found no place in this document. */
  orphansOf(documentId: string): string[] {
    return this.orphansStatement.all(documentId).map((row) => row.annotationId);
  }

  /** The carried annotations whose words changed, with the words they had, in text order. */
  changedOf(documentId: string): { annotationId: string; previousQuote: string }[] {
    return this.changedStatement
      .all(documentId)
      .map(({ annotationId, previousQuote }) => ({ annotationId, previousQuote }));
  }

  /** Records how the annotations of the version before were carried into this one. */
  setCarried(documentId: string, counts: CarriedCounts): void {
    this.setCarriedStatement.run(JSON.stringify(counts), documentId);
  }

  /** How the annotations of the version before were carried into this one, or null. */
  carriedInto(documentId: string): CarriedCounts | null {
    const carried = this.carriedStatement.get(documentId)?.carried;
    return carried ? (JSON.parse(carried) as CarriedCounts) : null;
  }

  /** The highest version number the article of this document has had, deleted versions included. */
  highestVersion(documentId: string): number {
    return this.highestVersionStatement.get(documentId, documentId)?.highest ?? 0;
  }

  /** The annotations of this document that were carried into it from another version. */
  carriedAnnotations(documentId: string): string[] {
    return this.carriedIdsStatement.all(documentId).map((row) => row.id);
  }

  /** Makes a document an article of its own again. */
  detach(documentId: string): void {
    this.detachStatement.run(documentId);
  }
}
