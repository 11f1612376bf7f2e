import { useId } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { formatDate } from '../app/formatDate';

/** Props of the selected annotation's details. */
export interface AnnotationDetailProps {
  annotation: Annotation;
  tags: readonly Tag[];
  onRetag: (tagKey: string) => void;
  onComment: (body: string) => void;
  onRemove: () => void;
}

/**
 * The selected annotation: its tag (change it here), its comment (saved as you type; there is
 * no save button), and a way to delete it.
 */
export function AnnotationDetail({ annotation, tags, onRetag, onComment, onRemove }: AnnotationDetailProps) {
  const commentId = useId();
  const comment = annotation.comments[0];
  return (
    <div className="annotation-detail" data-tag={annotation.tag}>
      <fieldset className="retag">
        <legend>Tag</legend>
        {tags.map((tag) => (
          <label key={tag.key} className="retag-option" data-tag={tag.key}>
            <input
              type="radio"
              name={`tag-${annotation.id}`}
              value={tag.key}
              checked={annotation.tag === tag.key}
              onChange={() => onRetag(tag.key)}
            />
            {tag.label}
          </label>
        ))}
      </fieldset>
      <label className="comment-label" htmlFor={commentId}>
        Comment
      </label>
      <textarea
        id={commentId}
        className="comment-box"
        rows={4}
        placeholder="Why this passage matters, what to check…"
        value={comment?.body ?? ''}
        onChange={(event) => onComment(event.target.value)}
      />
      <div className="detail-footer">
        <span className="detail-meta">
          {comment
            ? `${comment.author}, ${formatDate(comment.updatedAt)}`
            : `Created ${formatDate(annotation.createdAt)}`}
        </span>
        <button type="button" className="danger" onClick={onRemove} aria-keyshortcuts="Delete">
          Delete annotation
        </button>
      </div>
    </div>
  );
}
