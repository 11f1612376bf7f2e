import type { Annotation, Tag } from '../../../shared/model';
import { attributeGlance } from '../annotations/AnnotationEntry';
import { excerpt } from '../annotations/excerpt';

/** Props of the hover card. */
export interface HoverCardProps {
  annotation: Annotation;
  tag: Tag | undefined;
  /** The highlight's box on screen; the card sits below it, or above near the window's bottom. */
  rect: DOMRect;
}

/**
 * A glance at a highlight under the pointer: its tag, its key attributes and its first comment.
 * It is a preview only (the pointer never reaches it); the Annotations region has it all.
 */
export function HoverCard({ annotation, tag, rect }: HoverCardProps) {
  const comment = annotation.comments[0];
  const glance = attributeGlance(annotation);
  const isBelow = rect.bottom + 160 < window.innerHeight;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 328));
  const position = isBelow
    ? { top: rect.bottom + 6, left }
    : { bottom: window.innerHeight - rect.top + 6, left };
  return (
    <div className="hover-card" role="tooltip" data-tag={annotation.tag} style={position}>
      <span className="tag-badge">{tag?.label ?? annotation.tag}</span>
      {glance ? <span className="hover-glance">{glance}</span> : null}
      {comment ? (
        <p className="hover-comment">
          <b>{comment.author}:</b> {excerpt(comment.body, 160)}
        </p>
      ) : (
        <p className="hover-comment is-empty">No comment yet</p>
      )}
    </div>
  );
}
