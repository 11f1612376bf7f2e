import { Decoration } from 'prosemirror-view';
import type { Annotation } from '../../../../shared/model';
import type { BlockDecorations, BlockPiece } from './blockDecorations';

/** What a decoration remembers about its annotation. */
interface AnnotationSpec {
  id: string;
}

/**
 * The decorations of one annotation, a piece in each block it covers: each piece its own span
 * (`nodeName`), so overlapping annotations nest as separate elements instead of merging, each
 * keeping its tag, id and lane. The lane sets how far below the text its underline sits, so
 * stacked annotations stay visible.
 */
export function annotationPieces(
  blocks: BlockDecorations,
  annotation: Annotation,
  lane: number,
  isSelected: boolean,
): BlockPiece[] {
  const attributes = {
    nodeName: 'span',
    class: isSelected ? 'annotation is-selected' : 'annotation',
    'data-tag': annotation.tag,
    'data-annotation-id': annotation.id,
    'data-lane': String(Math.min(lane, 3)),
  };
  const spec: AnnotationSpec = { id: annotation.id };
  const pieces: BlockPiece[] = [];
  forEachBlock(blocks, annotation.start, annotation.end, (block, from, to) => {
    pieces.push({ block, decoration: Decoration.inline(from, to, attributes, spec) });
  });
  return pieces;
}

/** The decorations of one annotation, per block. */
export function findAnnotationDecorations(
  blocks: BlockDecorations,
  annotation: Annotation,
): { block: number; decorations: Decoration[] }[] {
  const found: { block: number; decorations: Decoration[] }[] = [];
  forEachBlock(blocks, annotation.start, annotation.end, (block, from, to) => {
    const decorations = blocks.findIn(
      block,
      from,
      to,
      (spec) => (spec as AnnotationSpec).id === annotation.id,
    );
    if (decorations.length > 0) found.push({ block, decorations });
  });
  return found;
}

/** Ids of the annotations whose decorations overlap a range of offsets. */
export function overlappingIds(blocks: BlockDecorations, start: number, end: number): string[] {
  const ids = new Set<string>();
  forEachBlock(blocks, start, end, (block, from, to) => {
    for (const decoration of blocks.findIn(block, from, to)) {
      if (decoration.from < to && decoration.to > from) ids.add((decoration.spec as AnnotationSpec).id);
    }
  });
  return [...ids];
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

/** The decorations of a document's annotations, block by block. */
export function buildDecorations(
  empty: BlockDecorations,
  annotations: readonly Annotation[],
  lanes: Pick<ReadonlyMap<string, number>, 'get'>,
  selectedId: string | null,
): BlockDecorations {
  const pieces: BlockPiece[] = [];
  for (const annotation of annotations) {
    for (const piece of annotationPieces(
      empty,
      annotation,
      lanes.get(annotation.id) ?? 0,
      annotation.id === selectedId,
    )) {
      pieces.push(piece);
    }
  }
  return empty.change([], pieces);
}

/** Calls `visit` for each block the offsets cover, with the covered part in the block's own offsets. */
function forEachBlock(
  blocks: BlockDecorations,
  start: number,
  end: number,
  visit: (block: number, from: number, to: number) => void,
): void {
  for (let block = blocks.blockAt(start); block < blocks.blockCount; block++) {
    const blockStart = blocks.blockStart(block);
    if (blockStart >= end) break;
    const from = Math.max(start, blockStart) - blockStart;
    const to = Math.min(end, blocks.blockEnd(block)) - blockStart;
    if (from < to) visit(block, from, to);
  }
}
