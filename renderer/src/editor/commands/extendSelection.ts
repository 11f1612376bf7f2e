import { type Command, TextSelection } from 'prosemirror-state';
import { quotationRange, sentenceRange, type TextRange } from '../../../../shared/anchoring';
import { annotationsOf } from '../plugins/annotationsPlugin';
import { offsetToPosition, positionToOffset } from '../schema/articleSchema';

/** What a selection can be extended to. */
export type SelectionUnit = 'sentence' | 'quotation';

/**
 * Extends the text selection to the whole sentence around it, or to the quotation marks that
 * enclose it (pressing again widens to the next enclosing quotation). Without a text selection,
 * the selected annotation's passage is the starting point, so a tagged fragment grows in one key.
 */
export function extendSelection(unit: SelectionUnit): Command {
  return (state, dispatch) => {
    const { text, byId, selectedId } = annotationsOf(state);
    const { from, to, empty } = state.selection;
    const selected = selectedId ? byId.get(selectedId) : undefined;
    let range: TextRange | null = empty
      ? selected
        ? { start: selected.start, end: selected.end }
        : null
      : { start: positionToOffset(from), end: positionToOffset(to) };
    if (!range) return false;
    range = unit === 'sentence' ? sentenceRange(text, range) : quotationRange(text, range);
    if (!range || range.start >= range.end) return false;
    dispatch?.(
      state.tr
        .setSelection(
          TextSelection.create(state.doc, offsetToPosition(range.start), offsetToPosition(range.end)),
        )
        .scrollIntoView(),
    );
    return true;
  };
}
