import { type Ref, useDeferredValue, useMemo } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { positionOf } from '../editor/textOrderedList';
import { AnnotationDetail } from './AnnotationDetail';
import { AnnotationFilters } from './AnnotationFilters';
import { AnnotationList } from './AnnotationList';
import type { AnnotationActions } from './annotationActions';
import type { CommentThreadsHandle } from './CommentThreads';
import { type AnnotationFilter, countByTag } from './filterAnnotations';

/** Props of the Annotations region. */
export interface AnnotationsPanelProps {
  /** Every annotation, in text order. */
  annotations: readonly Annotation[];
  /** The ones the filter lets through, in text order. */
  visible: readonly Annotation[];
  tags: readonly Tag[];
  selected: Annotation | undefined;
  author: string;
  filter: AnnotationFilter;
  onFilter: (filter: AnnotationFilter) => void;
  actions: AnnotationActions;
  threadsRef?: Ref<CommentThreadsHandle>;
  /** The page of the original a text offset falls on, for articles from PDFs. */
  pageOf?: (offset: number) => number | undefined;
}

/**
 * The Annotations region: the selected annotation's details (tag, attributes, comments, delete),
 * search and filters with counts per tag, and the annotations in text order; choosing one shows
 * its passage.
 */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { annotations, visible, tags, selected, filter, actions } = props;
  const labels = useMemo(() => new Map(tags.map((tag) => [tag.key, tag.label])), [tags]);
  // Counts and filter choices go over every annotation; they may trail a change by a frame, so
  // they are worked out from a deferred copy and never delay the highlight or the list.
  const settled = useDeferredValue(annotations);
  const counts = useMemo(() => countByTag(settled), [settled]);
  let selectedIndex = selected ? positionOf(visible, selected) : -1;
  if (selected && visible[selectedIndex]?.id !== selected.id) selectedIndex = -1;

  return (
    <section className="annotations" aria-label="Annotations">
      <h2 className="panel-heading">
        Annotations{' '}
        <span className="count" role="status">
          {visible.length === annotations.length
            ? annotations.length
            : `${visible.length} of ${annotations.length}`}
        </span>
      </h2>
      {selected ? (
        <AnnotationDetail
          key={selected.id}
          annotation={selected}
          tags={tags}
          author={props.author}
          actions={actions}
          threadsRef={props.threadsRef}
        />
      ) : null}
      {annotations.length === 0 ? (
        <p className="empty">
          Select a passage in the article and press a tag's button or key (1, 2, 3 …). Press ? for every
          shortcut.
        </p>
      ) : (
        <>
          <AnnotationFilters
            annotations={settled}
            tags={tags}
            counts={counts}
            filter={filter}
            onFilter={props.onFilter}
          />
          {visible.length === 0 ? (
            <p className="empty">No annotation matches these filters.</p>
          ) : (
            <AnnotationList
              annotations={visible}
              labels={labels}
              pageOf={props.pageOf}
              selectedIndex={selectedIndex}
              onChoose={actions.choose}
            />
          )}
        </>
      )}
    </section>
  );
}
