import type { Command } from 'prosemirror-state';
import { anchorAt } from '../../../../shared/anchoring';
import type { Annotation, AttributeValue } from '../../../../shared/model';
import { ANNOTATION_META } from '../plugins/annotationChange';
import { annotationsOf } from '../plugins/annotationsPlugin';
import type { EditContext } from './editContext';

/**
 * Builds a command that replaces one annotation by what `change` makes of it (the same object:
 * nothing to do; null: delete it). Changes sharing a coalesce key made close together undo as one.
 */
export function updateAnnotation(
  id: string,
  change: (annotation: Annotation) => Annotation | null,
  coalesceKey?: string,
): Command {
  return (state, dispatch) => {
    const before = annotationsOf(state).byId.get(id);
    if (!before) return false;
    const after = change(before);
    if (after === before) return false;
    dispatch?.(state.tr.setMeta(ANNOTATION_META, { changes: [{ before, after }], coalesceKey }));
    return true;
  };
}

/** Gives an annotation another tag. */
export function retagAnnotation(id: string, tag: string, context: EditContext): Command {
  return updateAnnotation(id, (annotation) =>
    annotation.tag === tag ? annotation : { ...annotation, tag, updatedAt: context.now() },
  );
}

/** Deletes an annotation (undo brings it back with its comments). */
export function removeAnnotation(id: string): Command {
  return updateAnnotation(id, () => null);
}

/**
 * Moves an annotation to another range of the text: its quote and context follow, so
 * `text.slice(start, end) === quote` keeps holding. Each step undoes on its own, so a user who
 * nudged an edge one word too far takes back just that word.
 */
export function resizeAnnotation(id: string, start: number, end: number, context: EditContext): Command {
  return (state, dispatch, view) => {
    const { text } = annotationsOf(state);
    if (!(start >= 0 && start < end && end <= text.length)) return false;
    return updateAnnotation(id, (annotation) =>
      annotation.start === start && annotation.end === end
        ? annotation
        : { ...annotation, start, end, ...anchorAt(text, start, end), updatedAt: context.now() },
    )(state, dispatch, view);
  };
}

/**
 * Sets one attribute (a speaker, a verdict, evidence …); an empty value removes it. Typing in
 * one field undoes as one step.
 */
export function setAttribute(
  id: string,
  key: string,
  value: AttributeValue | undefined,
  context: EditContext,
): Command {
  return updateAnnotation(
    id,
    (annotation) => {
      const isEmpty = value === undefined || value === null || value === '';
      if (isEmpty ? !(key in annotation.attributes) : annotation.attributes[key] === value) return annotation;
      const attributes = { ...annotation.attributes };
      if (isEmpty) delete attributes[key];
      else attributes[key] = value;
      return { ...annotation, attributes, updatedAt: context.now() };
    },
    `attribute:${id}:${key}`,
  );
}

/** Selects an annotation (null: none). */
export function selectAnnotation(id: string | null): Command {
  return (state, dispatch) => {
    if (annotationsOf(state).selectedId === id) return false;
    dispatch?.(state.tr.setMeta(ANNOTATION_META, { select: id }));
    return true;
  };
}
