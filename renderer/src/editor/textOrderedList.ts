import { lowerBound } from '../../../shared/collections/lowerBound';
import type { Annotation } from '../../../shared/model';
import { compareTextOrder } from '../../../shared/report';
import type { AnnotationChange } from './plugins/annotationChange';

/**
 * The annotations in text order after some changes, without sorting again: each change removes
 * the old version and inserts the new one where a binary search puts it. The list is new only
 * when something changed, so React can tell by identity.
 */
export function applyToTextOrder(
  list: readonly Annotation[],
  changes: readonly AnnotationChange[],
): readonly Annotation[] {
  let next = list;
  for (const { before, after } of changes) {
    const copy = next === list ? [...list] : (next as Annotation[]);
    if (before) {
      const index = positionOf(copy, before);
      if (copy[index]?.id === before.id) copy.splice(index, 1);
      else
        copy.splice(
          copy.findIndex((annotation) => annotation.id === before.id),
          1,
        );
    }
    if (after) copy.splice(positionOf(copy, after), 0, after);
    next = copy;
  }
  return next;
}

/** Where `annotation` stands, or would stand, in a list in text order (a binary search). */
export function positionOf(list: readonly Annotation[], annotation: Annotation): number {
  return lowerBound(list, annotation, compareTextOrder);
}

/**
 * The annotation after (1) or before (-1) `current` in a list in text order, wrapping around at
 * the ends; with nothing current, the first or the last. `current` need not be in the list (a
 * filter may hide it): the move starts from where it would stand.
 */
export function adjacentAnnotation(
  list: readonly Annotation[],
  current: Annotation | undefined,
  direction: 1 | -1,
): Annotation | undefined {
  if (list.length === 0) return undefined;
  if (!current) return direction === 1 ? list[0] : list.at(-1);
  const index = positionOf(list, current);
  const isInList = list[index]?.id === current.id;
  const next = direction === 1 ? (isInList ? index + 1 : index) : index - 1;
  return list[(next + list.length) % list.length];
}
