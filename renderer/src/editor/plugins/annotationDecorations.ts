import type { Node } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Annotation } from '../../../../shared/model';
import { offsetToPosition } from '../schema/articleSchema';

/** What a decoration remembers about its annotation. */
interface AnnotationSpec {
  id: string;
}

/**
 * The decoration of one annotation: its own span (`nodeName`), so overlapping annotations nest as
 * separate elements instead of merging, each keeping its tag, id and lane. The lane sets how far
 * below the text its underline sits, so stacked annotations stay visible.
 */
export function annotationDecoration(annotation: Annotation, lane: number, isSelected: boolean): Decoration {
  return Decoration.inline(
    offsetToPosition(annotation.start),
    offsetToPosition(annotation.end),
    {
      nodeName: 'span',
      class: isSelected ? 'annotation is-selected' : 'annotation',
      'data-tag': annotation.tag,
      'data-annotation-id': annotation.id,
      'data-lane': String(Math.min(lane, 3)),
    },
    { id: annotation.id } satisfies AnnotationSpec,
  );
}

/** The decorations of one annotation in a set (one, or none). */
export function findAnnotationDecorations(set: DecorationSet, annotation: Annotation): Decoration[] {
  return set.find(
    offsetToPosition(annotation.start),
    offsetToPosition(annotation.end),
    (spec) => (spec as AnnotationSpec).id === annotation.id,
  );
}

/** Ids of the annotations whose decorations overlap a range of offsets. */
export function overlappingIds(set: DecorationSet, start: number, end: number): string[] {
  return set
    .find(offsetToPosition(start), offsetToPosition(end))
    .filter(
      (decoration) => decoration.from < offsetToPosition(end) && decoration.to > offsetToPosition(start),
    )
    .map((decoration) => (decoration.spec as AnnotationSpec).id);
}

/** Lane of every annotation: the lowest lane not taken by an earlier annotation it overlaps. */
export function assignLanes(annotations: readonly Annotation[]): Map<string, number> {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const annotation of sorted) {
    let lane = laneEnds.findIndex((end) => end <= annotation.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = annotation.end;
    lanes.set(annotation.id, lane);
  }
  return lanes;
}

/** The whole decoration set for a document's annotations. */
export function buildDecorations(
  doc: Node,
  annotations: readonly Annotation[],
  lanes: ReadonlyMap<string, number>,
  selectedId: string | null,
): DecorationSet {
  return DecorationSet.create(
    doc,
    annotations.map((annotation) =>
      annotationDecoration(annotation, lanes.get(annotation.id) ?? 0, annotation.id === selectedId),
    ),
  );
}
