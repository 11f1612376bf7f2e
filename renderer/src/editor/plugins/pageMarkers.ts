import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { type Block, pageStarts } from '../../../../shared/model';
import { offsetToPosition } from '../schema/articleSchema';

/**
 * Shows where each page of a paged source (a PDF) begins, as "p. 12" in the margin beside the
 * line: a widget, so the text and every offset stay as they are.
 */
export function pageMarkersPlugin(blocks: readonly Pick<Block, 'start' | 'page' | 'pageBreaks'>[]): Plugin {
  return new Plugin({
    state: {
      init: (_config, state) =>
        DecorationSet.create(
          state.doc,
          pageStarts(blocks).map(({ offset, page }) =>
            Decoration.widget(offsetToPosition(offset), () => marker(page), {
              side: -1,
              ignoreSelection: true,
              key: `page-${page}`,
            }),
          ),
        ),
      apply: (transaction, set: DecorationSet) => set.map(transaction.mapping, transaction.doc),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}

function marker(page: number): HTMLElement {
  const element = document.createElement('span');
  element.className = 'page-marker';
  element.contentEditable = 'false';
  element.textContent = `p. ${page}`;
  element.title = `Page ${page} of the original`;
  return element;
}
