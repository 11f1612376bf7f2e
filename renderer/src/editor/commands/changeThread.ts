import type { Command } from 'prosemirror-state';
import type { Annotation, Comment } from '../../../../shared/model';
import { updateAnnotation } from './changeAnnotation';
import type { EditContext } from './editContext';

/** Replaces the comment with `commentId` (at any depth) by what `change` makes of it; null drops it. */
function mapComments(
  comments: readonly Comment[],
  commentId: string,
  change: (comment: Comment) => Comment | null,
): Comment[] {
  const result: Comment[] = [];
  for (const comment of comments) {
    if (comment.id === commentId) {
      const changed = change(comment);
      if (changed) result.push(changed);
    } else {
      result.push({ ...comment, replies: mapComments(comment.replies, commentId, change) });
    }
  }
  return result;
}

/** Finds a comment at any depth. */
export function findComment(comments: readonly Comment[], commentId: string): Comment | undefined {
  for (const comment of comments) {
    if (comment.id === commentId) return comment;
    const inReplies = findComment(comment.replies, commentId);
    if (inReplies) return inReplies;
  }
  return undefined;
}

function changeThread(
  id: string,
  change: (annotation: Annotation) => Comment[] | null,
  context: EditContext,
  coalesceKey?: string,
): Command {
  return updateAnnotation(
    id,
    (annotation) => {
      const comments = change(annotation);
      return comments ? { ...annotation, comments, updatedAt: context.now() } : annotation;
    },
    coalesceKey,
  );
}

/**
 * Sets the text of the annotation's own comment, its first thread: it is created, edited, or —
 * when the text is emptied and nobody replied — removed. Keystrokes close together undo as one
 * step. Another author's first comment is never changed here.
 */
export function setComment(id: string, body: string, context: EditContext): Command {
  return changeThread(
    id,
    (annotation) => {
      const [first, ...rest] = annotation.comments;
      if ((first?.body ?? '') === body) return null;
      const now = context.now();
      if (!first) return [newComment(body, context)];
      if (first.author !== context.author) return null;
      if (body === '') return first.replies.length > 0 ? null : rest;
      return [{ ...first, body, updatedAt: now }, ...rest];
    },
    context,
    `comment:${id}`,
  );
}

/** Replies to a thread (the root comment `threadId`); reopens it, since it has news. */
export function replyTo(id: string, threadId: string, body: string, context: EditContext): Command {
  return changeThread(
    id,
    (annotation) => {
      if (body.trim() === '' || !annotation.comments.some((root) => root.id === threadId)) return null;
      return annotation.comments.map((root) =>
        root.id === threadId
          ? {
              ...root,
              resolvedAt: null,
              resolvedBy: null,
              replies: [...root.replies, newComment(body, context)],
            }
          : root,
      );
    },
    context,
  );
}

/** Edits one of the author's own comments or replies. */
export function editComment(id: string, commentId: string, body: string, context: EditContext): Command {
  return changeThread(
    id,
    (annotation) => {
      const comment = findComment(annotation.comments, commentId);
      if (!comment || comment.author !== context.author || body.trim() === '' || comment.body === body)
        return null;
      return mapComments(annotation.comments, commentId, (found) => ({
        ...found,
        body,
        updatedAt: context.now(),
      }));
    },
    context,
    `edit:${commentId}`,
  );
}

/** Deletes one of the author's own comments; a thread's first comment goes only if no one replied. */
export function deleteComment(id: string, commentId: string, context: EditContext): Command {
  return changeThread(
    id,
    (annotation) => {
      const comment = findComment(annotation.comments, commentId);
      if (!comment || !canDelete(comment, context.author)) return null;
      return mapComments(annotation.comments, commentId, () => null);
    },
    context,
  );
}

/** Whether `author` may delete a comment: it is theirs and has no replies to orphan. */
export function canDelete(comment: Comment, author: string): boolean {
  return comment.author === author && comment.replies.length === 0;
}

/** Resolves or reopens a thread; anyone may. */
export function setResolved(
  id: string,
  threadId: string,
  isResolved: boolean,
  context: EditContext,
): Command {
  return changeThread(
    id,
    (annotation) => {
      const root = annotation.comments.find((comment) => comment.id === threadId);
      if (!root || Boolean(root.resolvedAt) === isResolved) return null;
      return annotation.comments.map((comment) =>
        comment.id !== threadId
          ? comment
          : isResolved
            ? { ...comment, resolvedAt: context.now(), resolvedBy: context.author }
            : { ...comment, resolvedAt: null, resolvedBy: null },
      );
    },
    context,
  );
}

function newComment(body: string, context: EditContext): Comment {
  const now = context.now();
  return { id: context.newId(), author: context.author, body, createdAt: now, updatedAt: now, replies: [] };
}
