import type Database from 'better-sqlite3';

/** Where a search hit lies, as the index keeps it. */
export interface SearchRow {
  kind: 'title' | 'text' | 'quote' | 'attribute' | 'comment';
  documentId: string;
  title: string;
  annotationId: string | null;
  commentId: string | null;
  /** The text offset the hit points at: a block's start, or its annotation's. */
  position: number;
  /** The best few words of the row, the matched ones between the two marker characters. */
  snippet: string;
  /** The row's own text, to find where in it the words matched. */
  body: string;
}

/** What surrounds matched words in a snippet: two private-use characters no article relies on. */
export const MATCH_START = '\uE000';
/** See MATCH_START. */
export const MATCH_END = '\uE001';

/**
 * The full-text index (FTS5), which triggers keep in step with documents, annotations and
 * comments (see migration 003). Queries are FTS5 expressions; `searchQuery` makes one from words.
 */
export class SearchTable {
  private readonly searchStatement: Database.Statement<[string, string, string, number], SearchRow>;

  constructor(db: Database.Database) {
    this.searchStatement = db.prepare(`
      SELECT keys.kind, keys.document_id AS documentId, documents.title, keys.annotation_id AS annotationId,
        keys.comment_id AS commentId, keys.position,
        snippet(search, 0, ?, ?, '…', 16) AS snippet, search.body
      FROM search
      JOIN search_keys AS keys ON keys.id = search.rowid
      JOIN documents ON documents.id = keys.document_id
      WHERE search MATCH ?
      ORDER BY bm25(search), keys.id
      LIMIT ?`);
  }

  /** The best matches of an FTS5 query, best first. */
  search(query: string, limit: number): SearchRow[] {
    return this.searchStatement.all(MATCH_START, MATCH_END, query, limit);
  }
}

/**
 * An FTS5 query that finds rows holding every word typed (the last one also as the start of a
 * word, so results come while typing); quotes and operators typed are words like any other.
 * Null when nothing searchable was typed.
 */
export function searchQuery(typed: string): string | null {
  const words = typed.match(/[\p{L}\p{N}\p{M}]+/gu);
  if (!words) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
