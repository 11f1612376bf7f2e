import type { Annotation, ReportStats, Tag } from '../model';

/**
 * Figures over a document's annotations: how many there are, how many per tag (every tag listed,
 * 0 when unused, unknown tags counted under their own key) and the share of the text they cover.
 */
export function computeStats(
  text: string,
  tags: readonly Pick<Tag, 'key'>[],
  annotations: readonly Pick<Annotation, 'tag' | 'start' | 'end'>[],
): ReportStats {
  // A Map, not an object literal: a tag key such as "constructor" must not meet Object.prototype.
  const counts = new Map<string, number>();
  for (const tag of tags) counts.set(tag.key, 0);
  for (const annotation of annotations) counts.set(annotation.tag, (counts.get(annotation.tag) ?? 0) + 1);
  return {
    annotationCount: annotations.length,
    byTag: Object.fromEntries(counts),
    coverage: text.length === 0 ? 0 : coveredLength(text.length, annotations) / text.length,
  };
}

/** The number of characters inside at least one range: the length of the ranges' union. */
function coveredLength(textLength: number, ranges: readonly Pick<Annotation, 'start' | 'end'>[]): number {
  const clipped: [number, number][] = [];
  for (const range of ranges) {
    const start = Math.max(0, range.start);
    const end = Math.min(textLength, range.end);
    if (start < end) clipped.push([start, end]);
  }
  clipped.sort((first, second) => first[0] - second[0]);
  let covered = 0;
  let runStart = 0;
  let runEnd = 0;
  for (const [start, end] of clipped) {
    if (start > runEnd) {
      covered += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) {
      runEnd = end;
    }
  }
  return covered + (runEnd - runStart);
}
