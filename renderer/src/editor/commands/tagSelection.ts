import { type Command, TextSelection } from 'prosemirror-state';
import { anchorAt, snapToWords } from '../../../../shared/anchoring';
import type { Annotation } from '../../../../shared/model';
import { ANNOTATION_META } from '../plugins/annotationChange';
import { annotationsOf } from '../plugins/annotationsPlugin';
import { positionToOffset } from '../schema/articleSchema';
import type { EditContext } from './editContext';

/**
 * Tags the selected text: the selection is snapped to whole words, becomes an annotation with the
 * given tag, and the new annotation is selected. Does nothing (returns false) without a selection.
 */
export function tagSelection(tag: string, context: EditContext): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    if (from === to) return false;
    const { documentId, text } = annotationsOf(state);
    const range = snapToWords(text, { start: positionToOffset(from), end: positionToOffset(to) });
    if (!range) return false;
    if (dispatch) {
      const now = context.now();
      const annotation: Annotation = {
        id: context.newId(),
        documentId,
        tag,
        start: range.start,
        end: range.end,
        ...anchorAt(text, range.start, range.end),
        attributes: {},
        comments: [],
        createdAt: now,
        updatedAt: now,
      };
      const transaction = state.tr
        .setSelection(TextSelection.create(state.doc, to))
        .setMeta(ANNOTATION_META, { changes: [{ before: null, after: annotation }], select: annotation.id });
      dispatch(transaction);
    }
    return true;
  };
}
