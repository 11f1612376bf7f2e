import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditContext } from '../../../../../renderer/src/editor/commands/editContext';
import {
  type AnnotationChange,
  annotationMetaOf,
} from '../../../../../renderer/src/editor/plugins/annotationChange';
import {
  annotationsOf,
  annotationsPlugin,
} from '../../../../../renderer/src/editor/plugins/annotationsPlugin';
import { historyPlugin } from '../../../../../renderer/src/editor/plugins/historyPlugin';
import { offsetToPosition } from '../../../../../renderer/src/editor/schema/articleSchema';
import { articleToDoc } from '../../../../../renderer/src/editor/schema/articleToDoc';
import { placeBlocks } from '../../../../../shared/anchoring';

/** The sample article's canonical text and blocks. */
export const { text, blocks } = placeBlocks([
  { type: 'heading', level: 1, text: 'Coalition report', marks: [] },
  {
    type: 'paragraph',
    text: 'The coalition includes 66 countries and is led by the United States.',
    marks: [{ type: 'emphasis', start: 4, end: 13 }],
  },
  { type: 'blockquote', text: '“A real and imminent danger.”', marks: [] },
]);

/** An editor state on the sample article, and a dispatcher that keeps every change it sees. */
export function editor(author = 'Ann') {
  let clock = 0;
  let ids = 0;
  const context: EditContext = {
    now: () => new Date(Date.UTC(2026, 10, 27, 10, 0, clock++)).toISOString(),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    author,
  };
  let state = EditorState.create({
    doc: articleToDoc({ blocks }),
    plugins: [annotationsPlugin({ documentId: crypto.randomUUID(), text, annotations: [] }), historyPlugin()],
  });
  const changes: AnnotationChange[] = [];
  const dispatch = (transaction: Transaction) => {
    changes.push(...(annotationMetaOf(transaction)?.changes ?? []));
    state = state.apply(transaction);
  };
  const select = (needle: string, from = 0, to = needle.length) => {
    const start = text.indexOf(needle) + from;
    const end = text.indexOf(needle) + to;
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, offsetToPosition(start), offsetToPosition(end))),
    );
  };
  return {
    context,
    changes,
    get state() {
      return state;
    },
    run: (command: (state: EditorState, dispatch?: (transaction: Transaction) => void) => boolean) =>
      command(state, dispatch),
    select,
    list: () => [...annotationsOf(state).byId.values()],
  };
}
