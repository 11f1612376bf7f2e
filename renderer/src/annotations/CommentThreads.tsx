import { type Ref, useId, useImperativeHandle, useRef, useState } from 'react';
import type { Comment } from '../../../shared/model';
import { formatDate } from '../app/formatDate';
import { canDelete } from '../editor/commands/changeThread';

/** What the thread's host can ask of it. */
export interface CommentThreadsHandle {
  /** Puts the cursor in the comment box, or in the reply box when the first comment is another's. */
  focus(): void;
}

/** Props of an annotation's comment threads. */
export interface CommentThreadsProps {
  comments: readonly Comment[];
  /** The current user's name: only their comments can be edited or deleted. */
  author: string;
  handleRef?: Ref<CommentThreadsHandle>;
  onComment: (body: string) => void;
  onReply: (threadId: string, body: string) => void;
  onEdit: (commentId: string, body: string) => void;
  onDelete: (commentId: string) => void;
  onResolve: (threadId: string, isResolved: boolean) => void;
}

/**
 * The annotation's comment and its replies. The user's own first comment is a box saved as they
 * type (no save button); replies are sent, can be edited and deleted by their authors, and a
 * thread can be resolved and reopened by anyone.
 */
export function CommentThreads(props: CommentThreadsProps) {
  const { comments, author, handleRef } = props;
  const commentId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [first, ...others] = comments;
  const isOwnFirst = !first || first.author === author;

  useImperativeHandle(handleRef, () => ({
    focus: () => (commentRef.current ?? replyRef.current)?.focus(),
  }));

  return (
    <div className="threads">
      {isOwnFirst ? (
        <>
          <label className="comment-label" htmlFor={commentId}>
            Comment
          </label>
          <textarea
            id={commentId}
            ref={commentRef}
            className="comment-box"
            rows={3}
            placeholder="Why this passage matters, what to check…"
            value={first?.body ?? ''}
            onChange={(event) => props.onComment(event.target.value)}
          />
        </>
      ) : null}
      {first ? <Thread {...props} root={first} isRootShown={!isOwnFirst} replyRef={replyRef} /> : null}
      {others.map((root) => (
        <Thread key={root.id} {...props} root={root} isRootShown />
      ))}
    </div>
  );
}

interface ThreadProps extends CommentThreadsProps {
  root: Comment;
  /** False when the root is the user's own comment, already shown as the comment box. */
  isRootShown: boolean;
  replyRef?: Ref<HTMLTextAreaElement>;
}

function Thread({ root, isRootShown, author, replyRef, onReply, onEdit, onDelete, onResolve }: ThreadProps) {
  const [reply, setReply] = useState('');
  const isResolved = Boolean(root.resolvedAt);
  const send = () => {
    if (reply.trim() === '') return;
    onReply(root.id, reply);
    setReply('');
  };
  return (
    <section className={isResolved ? 'thread is-resolved' : 'thread'} aria-label={`Thread by ${root.author}`}>
      {isRootShown ? (
        <CommentView comment={root} author={author} onEdit={onEdit} onDelete={onDelete} />
      ) : null}
      {root.replies.length > 0 ? (
        <ol className="replies">
          {root.replies.map((comment) => (
            <li key={comment.id}>
              <CommentView comment={comment} author={author} onEdit={onEdit} onDelete={onDelete} />
            </li>
          ))}
        </ol>
      ) : null}
      {isResolved ? (
        <p className="thread-state">
          Resolved by {root.resolvedBy ?? 'someone'}, {formatDate(root.resolvedAt ?? null)}
        </p>
      ) : null}
      <div className="reply-form">
        <textarea
          ref={replyRef}
          aria-label="Reply"
          rows={1}
          placeholder="Reply…"
          value={reply}
          onChange={(event) => setReply(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
        />
        <button type="button" onClick={send} disabled={reply.trim() === ''} aria-keyshortcuts="Control+Enter">
          Send reply
        </button>
        <button type="button" className="quiet" onClick={() => onResolve(root.id, !isResolved)}>
          {isResolved ? 'Reopen thread' : 'Resolve thread'}
        </button>
      </div>
    </section>
  );
}

interface CommentViewProps {
  comment: Comment;
  author: string;
  onEdit: (commentId: string, body: string) => void;
  onDelete: (commentId: string) => void;
}

function CommentView({ comment, author, onEdit, onDelete }: CommentViewProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const isOwn = comment.author === author;
  const isEdited = comment.updatedAt !== comment.createdAt;
  return (
    <article className="comment" aria-label={`Comment by ${comment.author}`}>
      <p className="comment-meta">
        <span className="comment-author">{comment.author}</span> · {formatDate(comment.createdAt)}
        {isEdited ? ' (edited)' : ''}
      </p>
      {draft === null ? (
        <p className="comment-body">{comment.body}</p>
      ) : (
        <textarea
          aria-label="Edit comment"
          value={draft}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this comment.
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setDraft(null);
            }
          }}
        />
      )}
      {isOwn ? (
        <div className="comment-actions">
          {draft === null ? (
            <>
              <button type="button" className="quiet" onClick={() => setDraft(comment.body)}>
                Edit
              </button>
              <button
                type="button"
                className="quiet"
                disabled={!canDelete(comment, author)}
                title={
                  canDelete(comment, author) ? undefined : 'Replies keep this comment; it cannot be deleted.'
                }
                onClick={() => onDelete(comment.id)}
              >
                Delete
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                disabled={draft.trim() === ''}
                onClick={() => {
                  onEdit(comment.id, draft);
                  setDraft(null);
                }}
              >
                Save
              </button>
              <button type="button" className="quiet" onClick={() => setDraft(null)}>
                Cancel
              </button>
            </>
          )}
        </div>
      ) : null}
    </article>
  );
}
