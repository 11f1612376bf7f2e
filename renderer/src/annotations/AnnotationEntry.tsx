import { memo } from 'react';
import { type Annotation, hasOpenThread } from '../../../shared/model';
import { excerpt } from './excerpt';
import { KEY_ATTRIBUTES } from './keyAttributes';

/** A one-line summary of the attributes that tell annotations apart at a glance. */
export function attributeGlance(annotation: Annotation): string {
  return KEY_ATTRIBUTES.map(({ key }) => annotation.attributes[key])
    .filter((value) => typeof value === 'string' && value !== '')
    .join(' · ');
}

/** Every entry is this tall (CSS clamps the quote and comment to fit), so rows need no measuring. */
export const ROW_HEIGHT = 92;

/** Props of one entry of the Annotations list. */
export interface AnnotationEntryProps {
  annotation: Annotation;
  label: string;
  /** The page of the original its passage starts on (PDF articles). */
  page?: number | undefined;
  isSelected: boolean;
  /** Its index in the whole list, which is virtualised. */
  position: number;
  count: number;
  onChoose: (id: string) => void;
}

/**
 * One annotation in the list: tag, quote and comment excerpt. Memoised, so a change to one
 * annotation re-renders one entry, not thousands.
 */
export const AnnotationEntry = memo(function AnnotationEntry({
  annotation,
  label,
  page,
  isSelected,
  position,
  count,
  onChoose,
}: AnnotationEntryProps) {
  const comment = annotation.comments[0];
  const glance = attributeGlance(annotation);
  return (
    <li
      aria-setsize={count}
      aria-posinset={position + 1}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <button
        type="button"
        className="annotation-entry"
        data-annotation-id={annotation.id}
        data-tag={annotation.tag}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => onChoose(annotation.id)}
      >
        <span className="entry-head">
          <span className="tag-badge">{label}</span>
          {glance ? <span className="entry-glance">{glance}</span> : null}
          {page === undefined ? null : <span className="entry-page">p. {page}</span>}
          {hasOpenThread(annotation) ? (
            <span className="entry-open" title="Unresolved thread">
              <span aria-hidden="true">●</span>
              <span className="visually-hidden">unresolved</span>
            </span>
          ) : null}
        </span>
        <span className="entry-quote">{excerpt(annotation.quote, 140)}</span>
        {comment ? <span className="entry-comment">{excerpt(comment.body, 100)}</span> : null}
      </button>
    </li>
  );
});
