import type Database from 'better-sqlite3';
import type { Comment } from '../../../shared/model';

interface CommentRow {
  id: string;
  annotation_id: string;
  parent_id: string | null;
  author: string;
  body: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** The `comments` table: each annotation's comment thread, replies pointing at their parent. */
export class CommentsTable {
  private readonly insertStatement: Database.Statement;
  private readonly clearStatement: Database.Statement<[string]>;
  private readonly byAnnotationStatement: Database.Statement<[string], CommentRow>;
  private readonly byDocumentStatement: Database.Statement<[string], CommentRow>;

  constructor(db: Database.Database) {
    this.insertStatement = db.prepare(`
      INSERT INTO comments (id, annotation_id, parent_id, position, author, body, created_at, updated_at,
        resolved_at, resolved_by)
      VALUES (@id, @annotationId, @parentId, @position, @author, @body, @createdAt, @updatedAt,
        @resolvedAt, @resolvedBy)`);
    this.clearStatement = db.prepare('DELETE FROM comments WHERE annotation_id = ?');
    this.byAnnotationStatement = db.prepare(
      'SELECT * FROM comments WHERE annotation_id = ? ORDER BY position',
    );
    this.byDocumentStatement = db.prepare(`
      SELECT c.* FROM comments c JOIN annotations a ON a.id = c.annotation_id
      WHERE a.document_id = ? ORDER BY c.annotation_id, c.position`);
  }

  /** Replaces an annotation's whole thread; the caller runs it inside its transaction. */
  replaceThread(annotationId: string, thread: readonly Comment[]): void {
    this.clearStatement.run(annotationId);
    let position = 0;
    const insert = (comments: readonly Comment[], parentId: string | null): void => {
      for (const comment of comments) {
        this.insertStatement.run({
          id: comment.id,
          author: comment.author,
          body: comment.body,
          createdAt: comment.createdAt,
          updatedAt: comment.updatedAt,
          resolvedAt: parentId === null ? (comment.resolvedAt ?? null) : null,
          resolvedBy: parentId === null ? (comment.resolvedBy ?? null) : null,
          annotationId,
          parentId,
          position: position++,
        });
        insert(comment.replies, comment.id);
      }
    };
    insert(thread, null);
  }

  /** One annotation's thread. */
  threadOf(annotationId: string): Comment[] {
    return buildThreads(this.byAnnotationStatement.all(annotationId)).get(annotationId) ?? [];
  }

  /** The threads of every annotation of a document, by annotation id. */
  threadsOfDocument(documentId: string): Map<string, Comment[]> {
    return buildThreads(this.byDocumentStatement.all(documentId));
  }
}

/** Rebuilds reply trees from rows ordered by position (a parent always precedes its replies). */
function buildThreads(rows: readonly CommentRow[]): Map<string, Comment[]> {
  const threads = new Map<string, Comment[]>();
  const byId = new Map<string, Comment>();
  for (const row of rows) {
    const comment: Comment = {
      id: row.id,
      author: row.author,
      body: row.body,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      replies: [],
    };
    // Open threads carry no resolution fields at all, so they read back exactly as they were written.
    if (row.parent_id === null && row.resolved_at !== null) {
      comment.resolvedAt = row.resolved_at;
      comment.resolvedBy = row.resolved_by;
    }
    byId.set(row.id, comment);
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    if (parent) {
      parent.replies.push(comment);
    } else {
      const thread = threads.get(row.annotation_id) ?? [];
      thread.push(comment);
      threads.set(row.annotation_id, thread);
    }
  }
  return threads;
}
