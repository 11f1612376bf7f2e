import type { Command } from 'prosemirror-state';
import type { Annotation } from '../../../../shared/model';
import { ANNOTATION_META } from '../plugins/annotationChange';
import { annotationsOf } from '../plugins/annotationsPlugin';
import type { EditContext } from './editContext';

/** Builds a command that replaces one annotation by what `change` makes of it. */
function updateAnnotation(
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
 * Sets the text of an annotation's comment: the first comment of its thread is created, edited,
 * or — when the text is emptied and it has no replies — removed. Keystrokes close together undo
 * as one step.
 */
export function setComment(id: string, body: string, context: EditContext): Command {
  return updateAnnotation(
    id,
    (annotation) => {
      const [first, ...rest] = annotation.comments;
      if ((first?.body ?? '') === body) return annotation;
      const now = context.now();
      let comments = annotation.comments;
      if (!first) {
        comments = [
          { id: context.newId(), author: context.author, body, createdAt: now, updatedAt: now, replies: [] },
        ];
      } else if (body === '') {
        // A comment with replies keeps its text: emptying it would orphan the thread.
        if (first.replies.length > 0) return annotation;
        comments = rest;
      } else {
        comments = [{ ...first, body, updatedAt: now }, ...rest];
      }
      return { ...annotation, comments, updatedAt: now };
    },
    `comment:${id}`,
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
