import type Database from 'better-sqlite3';
import type { OpenedDocument } from '../../../shared/api';
import { Article, type ArticleSummary } from '../../../shared/model';

interface DocumentRow {
  id: string;
  title: string;
  byline: string | null;
  site_name: string | null;
  source: string;
  published_at: string | null;
  lang: string | null;
  dir: string;
  format: string;
  content_hash: string;
  text: string;
  blocks: string;
  imported_at: string;
  source_hash: string | null;
  source_file: string | null;
  lineage: string;
  version: number;
  version_reason: string;
}

interface SummaryRow {
  id: string;
  title: string;
  byline: string | null;
  site_name: string | null;
  source: string;
  published_at: string | null;
  imported_at: string;
  annotation_count: number;
  tag_counts: string;
  format: string;
  lineage: string;
  version: number;
  version_count: number;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.byline, d.site_name, d.source, d.published_at, d.imported_at,
  d.format, d.lineage, d.version,
  (SELECT count(*) FROM documents v WHERE v.lineage = d.lineage) AS version_count,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count,
  (SELECT coalesce(json_group_object(tag, n), '{}') FROM
    (SELECT tag, count(*) AS n FROM annotations a WHERE a.document_id = d.id GROUP BY tag)) AS tag_counts`;

/** A new document's place among the versions of its article. */
export interface DocumentPlacement {
  sourceHash: string | null;
  sourceFile: string | null;
  lineage: string;
  version: number;
  versionReason: 'imported' | 'new-version' | 'corrected';
}

/** The `documents` table: imported articles with their canonical text and blocks. */
export class DocumentsTable {
  private readonly insertStatement: Database.Statement;
  private readonly getStatement: Database.Statement<[string], DocumentRow>;
  private readonly placedStatement: Database.Statement<[string], DocumentRow>;
  private readonly textStatement: Database.Statement<[string], { text: string }>;
  private readonly byHashStatement: Database.Statement<[string], { id: string }>;
  private readonly summariesStatement: Database.Statement<[], SummaryRow>;
  private readonly summaryStatement: Database.Statement<[string], SummaryRow>;
  private readonly updateMetadataStatement: Database.Statement;

  constructor(db: Database.Database) {
    this.insertStatement = db.prepare(`
      INSERT INTO documents (id, title, byline, site_name, source, published_at, lang, dir, format,
        content_hash, text, blocks, imported_at, source_hash, source_file, lineage, version, version_reason)
      VALUES (@id, @title, @byline, @siteName, @source, @publishedAt, @lang, @dir, @format,
        @contentHash, @text, @blocks, @importedAt, @sourceHash, @sourceFile, @lineage, @version, @versionReason)`);
    this.getStatement = db.prepare('SELECT * FROM documents WHERE id = ?');
    // Blocks without their text, which is the article's text between their offsets: SQLite drops
    // it while it reads the JSON, so the bytes never reach JavaScript.
    this.placedStatement = db.prepare(`
      SELECT id, title, byline, site_name, source, published_at, lang, dir, format, content_hash,
        text, imported_at, source_hash, source_file, lineage, version, version_reason,
        (SELECT json_group_array(json_remove(value, '$.text')) FROM json_each(documents.blocks)) AS blocks
      FROM documents WHERE id = ?`);
    this.textStatement = db.prepare('SELECT text FROM documents WHERE id = ?');
    this.byHashStatement = db.prepare(
      'SELECT id FROM documents WHERE content_hash = ? ORDER BY imported_at LIMIT 1',
    );
    this.summariesStatement = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.imported_at DESC, d.rowid DESC`,
    );
    this.summaryStatement = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`);
    this.updateMetadataStatement = db.prepare(`
      UPDATE documents SET title = @title, byline = @byline, site_name = @siteName, published_at = @publishedAt
      WHERE id = @id`);
  }

  /** Changes a document's title, byline, outlet and publication date; false when there is no such document. */
  updateMetadata(
    id: string,
    metadata: { title: string; byline: string | null; siteName: string | null; publishedAt: string | null },
  ): boolean {
    return this.updateMetadataStatement.run({ id, ...metadata }).changes === 1;
  }

  /** Stores a new article; without a placement it is the first version of its own article. */
  insert(article: Article, placement?: Partial<DocumentPlacement>): void {
    this.insertStatement.run({
      ...article,
      blocks: JSON.stringify(article.blocks),
      sourceHash: placement?.sourceHash ?? null,
      sourceFile: placement?.sourceFile ?? null,
      lineage: placement?.lineage ?? article.id,
      version: placement?.version ?? 1,
      versionReason: placement?.versionReason ?? 'imported',
    });
  }

  /** The article with this id, or undefined. */
  get(id: string): Article | undefined {
    const row = this.getStatement.get(id);
    return row ? toArticle(row) : undefined;
  }

  /**
   * The article as opening it sends it: blocks without their text. Read as stored, without the
   * schema check `get` makes, since every row was checked when it was written.
   */
  placed(id: string): OpenedDocument['article'] | undefined {
    const row = this.placedStatement.get(id);
    return row ? (fromRow(row) as OpenedDocument['article']) : undefined;
  }

  /** Only the canonical text of a document, or undefined. */
  text(id: string): string | undefined {
    return this.textStatement.get(id)?.text;
  }

  /** The id of the first document imported with this content hash, if any. */
  findByContentHash(contentHash: string): string | undefined {
    return this.byHashStatement.get(contentHash)?.id;
  }

  /** Every document as a library row, newest import first. */
  summaries(): ArticleSummary[] {
    return this.summariesStatement.all().map(toSummary);
  }

  /** One document as a library row, or undefined. */
  summary(id: string): ArticleSummary | undefined {
    const row = this.summaryStatement.get(id);
    return row ? toSummary(row) : undefined;
  }
}

function toArticle(row: DocumentRow): Article {
  return Article.parse(fromRow(row));
}

/** A row's fields under the model's names, the blocks parsed from their JSON. */
function fromRow(row: DocumentRow): Partial<Record<keyof Article, unknown>> {
  return {
    id: row.id,
    title: row.title,
    byline: row.byline,
    siteName: row.site_name,
    source: row.source,
    publishedAt: row.published_at,
    lang: row.lang,
    dir: row.dir,
    format: row.format,
    contentHash: row.content_hash,
    text: row.text,
    blocks: JSON.parse(row.blocks),
    importedAt: row.imported_at,
    ...(row.source_hash === null ? {} : { sourceHash: row.source_hash }),
    ...(row.source_file === null ? {} : { sourceFile: row.source_file }),
    version: row.version,
    lineage: row.lineage,
    versionReason: row.version_reason,
  };
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    byline: row.byline,
    siteName: row.site_name,
    source: row.source,
    publishedAt: row.published_at,
    importedAt: row.imported_at,
    annotationCount: row.annotation_count,
    tagCounts: JSON.parse(row.tag_counts) as Record<string, number>,
    format: row.format as ArticleSummary['format'],
    version: row.version,
    lineage: row.lineage,
    versionCount: row.version_count,
  };
}
