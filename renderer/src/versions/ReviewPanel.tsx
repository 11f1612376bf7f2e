import { useCallback, useEffect, useState } from 'react';
import type { Api, VersionReview } from '../../../shared/api';
import type { Annotation, Article, Tag } from '../../../shared/model';
import { excerpt } from '../annotations/excerpt';
import type { EditorController } from '../editor/EditorController';
import { DiffDialog } from './DiffDialog';

/** Props of the review of a new version. */
export interface ReviewPanelProps {
  api: Api;
  article: Article;
  /** The open document's annotations, as the editor has them. */
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  controller: () => EditorController | null;
  /** Opens the document again after the library changed it (an annotation placed). */
  onReload: () => void;
  onError: (error: unknown) => void;
}

/**
 * For a version that has one before it: what changed (a word-by-word comparison), the carried
 * annotations whose words changed (old and new words; confirm, show or delete each) and those
 * that found no place (place each on the selected passage, or dismiss it).
 */
export function ReviewPanel({
  api,
  article,
  annotations,
  tags,
  controller,
  onReload,
  onError,
}: ReviewPanelProps) {
  const [review, setReview] = useState<VersionReview | null>(null);
  const [isComparing, setComparing] = useState(false);
  const load = useCallback(() => {
    api.versions.review({ id: article.id }).then(setReview, onError);
  }, [api, article.id, onError]);
  useEffect(() => {
    setReview(null);
    if ((article.version ?? 1) > 1) load();
    // The article object is new whenever the document is opened again (after an annotation was placed).
  }, [article, load]);
  const previous = review?.previous;
  const compare = useCallback(
    () => api.versions.diff({ fromId: previous?.id ?? article.id, toId: article.id }),
    [api, previous, article.id],
  );
  if (!review || !previous) return null;
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  const changed = review.changed.filter((entry) => byId.has(entry.annotationId));
  const label = (key: string) => tags.find((tag) => tag.key === key)?.label ?? key;
  const act = (work: () => Promise<unknown>) => work().then(load, onError);
  return (
    <section className="review" aria-label="Review">
      <header className="review-header">
        <h2>
          Version {article.version} {article.versionReason === 'corrected' ? '(corrected)' : ''}
        </h2>
        {review.carried ? (
          <p>
            From version {previous.version}: {review.carried.exact} exact, {review.carried.moved} moved,{' '}
            {review.carried.changed} on changed words, {review.carried.orphaned} without a place.
          </p>
        ) : null}
        <p>
          {changed.length + review.orphaned.length === 0
            ? 'Nothing is left to review.'
            : `To review: ${changed.length} on changed words, ${review.orphaned.length} without a place.`}
        </p>
        <span className="review-actions">
          <button type="button" className="small" onClick={() => setComparing(true)}>
            Compare with version {previous.version}
          </button>
          {article.versionReason === 'new-version' ? (
            <button
              type="button"
              className="small"
              title="Keep this document as an article of its own, without the annotations carried into it"
              onClick={() => api.versions.detach({ id: article.id }).then(onReload, onError)}
            >
              Not a new version
            </button>
          ) : null}
        </span>
      </header>
      {changed.length > 0 ? (
        <ul className="review-list" aria-label="Annotations on changed words">
          {changed.map(({ annotationId, previousQuote }) => {
            const annotation = byId.get(annotationId)!;
            return (
              <li key={annotationId} className="review-item" data-tag={annotation.tag}>
                <span className="tag-badge">{label(annotation.tag)}</span>
                <span className="review-was">
                  Was: <del>{excerpt(previousQuote, 160)}</del>
                </span>
                <span className="review-now">
                  Now: <ins>{excerpt(annotation.quote, 160)}</ins>
                </span>
                <span className="review-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => controller()?.select(annotationId, { reveal: true })}
                  >
                    Show
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => act(() => api.versions.confirm({ documentId: article.id, annotationId }))}
                  >
                    Confirm
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      if (!controller()?.moveToSelection(annotationId)) {
                        onError(
                          new Error(
                            'Select the passage to move this annotation to, then choose Move to selection.',
                          ),
                        );
                        return;
                      }
                      void act(() => api.versions.confirm({ documentId: article.id, annotationId }));
                    }}
                  >
                    Move to selection
                  </button>
                  <button
                    type="button"
                    className="small danger"
                    onClick={() => controller()?.remove(annotationId)}
                  >
                    Delete
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {review.orphaned.length > 0 ? (
        <ul className="review-list" aria-label="Annotations without a place">
          {review.orphaned.map((annotation) => (
            <li key={annotation.id} className="review-item" data-tag={annotation.tag}>
              <span className="tag-badge">{label(annotation.tag)}</span>
              <span className="review-was">
                Not found: <del>{excerpt(annotation.quote, 160)}</del>
              </span>
              <span className="review-actions">
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    const range = controller()?.selectedRange();
                    if (!range) {
                      onError(
                        new Error(
                          'Select the passage to place this annotation on, then choose Place on selection.',
                        ),
                      );
                      return;
                    }
                    api.versions
                      .place({ documentId: article.id, annotationId: annotation.id, ...range })
                      .then(onReload, onError);
                  }}
                >
                  Place on selection
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    act(() => api.versions.dismiss({ documentId: article.id, annotationId: annotation.id }))
                  }
                >
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {isComparing ? (
        <DiffDialog
          title={`Changes from version ${previous.version} to version ${article.version}`}
          load={compare}
          onClose={() => setComparing(false)}
        />
      ) : null}
    </section>
  );
}
