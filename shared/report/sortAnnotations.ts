import type { Annotation } from '../model';

/** The fields that decide an annotation's place in text order. */
export type TextOrdered = Pick<Annotation, 'id' | 'start' | 'end'>;

/**
 * Compares two annotations in text order: earlier start first, then the longer one (so an
 * enclosing passage comes before what it encloses), then by id so the order never depends on input.
 */
export function compareTextOrder(first: TextOrdered, second: TextOrdered): number {
  if (first.start !== second.start) return first.start - second.start;
  if (first.end !== second.end) return second.end - first.end;
  if (first.id === second.id) return 0;
  return first.id < second.id ? -1 : 1;
}

/** A copy of the annotations in text order: start ascending, then end descending, then id. */
export function sortAnnotations<T extends TextOrdered>(annotations: readonly T[]): T[] {
  return annotations.slice().sort(compareTextOrder);
}
