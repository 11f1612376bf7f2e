import { useMemo } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { AnnotationDetail } from './AnnotationDetail';
import { AnnotationList } from './AnnotationList';

/** Props of the Annotations region. */
export interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  /** The selected annotation's index in `annotations`, or -1. */
  selectedIndex: number;
  onChoose: (id: string) => void;
  onRetag: (id: string, tagKey: string) => void;
  onComment: (id: string, body: string) => void;
  onRemove: (id: string) => void;
}

/**
 * The Annotations region: the selected annotation's details (comment, tag, delete) and every
 * annotation in text order; choosing one shows its passage.
 */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { annotations, tags, selectedIndex, onChoose } = props;
  const labels = useMemo(() => new Map(tags.map((tag) => [tag.key, tag.label])), [tags]);
  const selected = selectedIndex === -1 ? undefined : annotations[selectedIndex];

  return (
    <section className="annotations" aria-label="Annotations">
      <h2 className="panel-heading">
        Annotations <span className="count">{annotations.length}</span>
      </h2>
      {selected ? (
        <AnnotationDetail
          key={selected.id}
          annotation={selected}
          tags={tags}
          onRetag={(tagKey) => props.onRetag(selected.id, tagKey)}
          onComment={(body) => props.onComment(selected.id, body)}
          onRemove={() => props.onRemove(selected.id)}
        />
      ) : null}
      {annotations.length === 0 ? (
        <p className="empty">
          Select a passage in the article and press Claim, Quote or Opinion (keys 1, 2, 3).
        </p>
      ) : (
        <AnnotationList
          annotations={annotations}
          labels={labels}
          selectedIndex={selectedIndex}
          onChoose={onChoose}
        />
      )}
    </section>
  );
}
