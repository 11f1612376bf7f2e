import type { Ref } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { formatDate } from '../app/formatDate';
import { AttributeFields } from './AttributeFields';
import type { AnnotationActions } from './annotationActions';
import { CommentThreads, type CommentThreadsHandle } from './CommentThreads';

/** Props of the selected annotation's details. */
export interface AnnotationDetailProps {
  annotation: Annotation;
  tags: readonly Tag[];
  author: string;
  actions: AnnotationActions;
  /** Lets the app put the cursor in the comment box (the Enter key). */
  threadsRef?: Ref<CommentThreadsHandle>;
}

/**
 * The selected annotation: its tag (change it here), the attributes its tag declares, its comment
 * threads, and a way to delete it. Everything is saved as it changes and can be undone.
 */
export function AnnotationDetail({ annotation, tags, author, actions, threadsRef }: AnnotationDetailProps) {
  const { id } = annotation;
  const tag = tags.find((candidate) => candidate.key === annotation.tag);
  // Archived tags are not offered, except the one this annotation still carries.
  const offered = tags.filter((candidate) => !candidate.archived || candidate.key === annotation.tag);
  return (
    <div className="annotation-detail" data-tag={annotation.tag}>
      <fieldset className="retag">
        <legend>Tag</legend>
        {offered.map((candidate) => (
          <label key={candidate.key} className="retag-option" data-tag={candidate.key}>
            <input
              type="radio"
              name={`tag-${id}`}
              value={candidate.key}
              checked={annotation.tag === candidate.key}
              onChange={() => actions.retag(id, candidate.key)}
            />
            {candidate.label}
          </label>
        ))}
      </fieldset>
      <AttributeFields
        definitions={tag?.attributes ?? []}
        values={annotation.attributes}
        onChange={(key, value) => actions.setAttribute(id, key, value)}
        suggestions={actions.suggestions}
      />
      <CommentThreads
        comments={annotation.comments}
        author={author}
        handleRef={threadsRef}
        onComment={(body) => actions.comment(id, body)}
        onReply={(threadId, body) => actions.reply(id, threadId, body)}
        onEdit={(commentId, body) => actions.editComment(id, commentId, body)}
        onDelete={(commentId) => actions.deleteComment(id, commentId)}
        onResolve={(threadId, isResolved) => actions.resolve(id, threadId, isResolved)}
      />
      <div className="detail-footer">
        <span className="detail-meta">
          Created {formatDate(annotation.createdAt)}
          {annotation.updatedAt !== annotation.createdAt
            ? `, changed ${formatDate(annotation.updatedAt)}`
            : ''}
        </span>
        <button
          type="button"
          className="danger"
          onClick={() => actions.remove(id)}
          aria-keyshortcuts="Delete"
        >
          Delete annotation
        </button>
      </div>
    </div>
  );
}
