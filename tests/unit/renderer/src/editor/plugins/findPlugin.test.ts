import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  clearFind,
  currentMatchOf,
  findNext,
  findPlugin,
  findPrevious,
  findQuery,
  findResultOf,
  findStateOf,
  MAX_FIND_MATCHES,
  setFind,
  textMatcher,
} from '../../../../../../renderer/src/editor/plugins/findPlugin';
import { offsetToPosition } from '../../../../../../renderer/src/editor/schema/articleSchema';
import { articleToDoc } from '../../../../../../renderer/src/editor/schema/articleToDoc';
import { placeBlocks } from '../../../../../../shared/anchoring';
import type { BlockDraft } from '../../../../../../shared/model';

const sample: BlockDraft[] = [
  { type: 'heading', level: 1, text: 'The coalition report', marks: [] },
  {
    type: 'paragraph',
    text: 'The coalition includes 66 countries. THE list grows, says the report.',
    marks: [{ type: 'emphasis', start: 4, end: 13 }],
  },
  { type: 'blockquote', text: 'ends with the', marks: [] },
  { type: 'paragraph', text: 'report of the week', marks: [] },
];

/**
 * The class an inline decoration puts on its text. ProseMirror keeps the attributes out of its
 * public API, and there is no DOM here to render them into, so this reads the internal field.
 */
function classOf(decoration: Decoration): string | undefined {
  return (decoration as unknown as { type: { attrs: { class?: string } } }).type.attrs.class;
}

/** An editor on some blocks, with a way to run find commands on it. */
function editor(drafts: readonly BlockDraft[] = sample) {
  const { text, blocks } = placeBlocks(drafts);
  let state = EditorState.create({ doc: articleToDoc({ blocks }), plugins: [findPlugin({ text })] });
  return {
    text,
    get state() {
      return state;
    },
    run: (command: typeof findNext) => command(state, (transaction) => (state = state.apply(transaction))),
    /** The text each match covers, read back from the editor document. */
    matchedTexts: () =>
      findStateOf(state).matches.map((match) =>
        state.doc.textBetween(offsetToPosition(match.start), offsetToPosition(match.end)),
      ),
    decorations: (): Decoration[] => findStateOf(state).decorations.find(),
  };
}

describe('finding', () => {
  it('starts with nothing to find', () => {
    const session = editor();
    expect(findStateOf(session.state)).toMatchObject({
      query: '',
      matches: [],
      current: -1,
      isCapped: false,
    });
    expect(session.run(findNext)).toBe(false);
    expect(session.run(clearFind)).toBe(false);
  });

  it('finds every match, ignoring case, as offsets into the canonical text', () => {
    const session = editor();
    session.run(findQuery('the'));
    const { matches, current } = findStateOf(session.state);
    expect(matches.map((match) => session.text.slice(match.start, match.end))).toEqual([
      'The',
      'The',
      'THE',
      'the',
      'the',
      'the',
    ]);
    expect(session.matchedTexts()).toEqual(
      matches.map((match) => session.text.slice(match.start, match.end)),
    );
    expect(current).toBe(0);
    expect(findResultOf(session.state)).toEqual({ count: 6, current: 0, isCapped: false });
  });

  it('never matches across blocks', () => {
    const session = editor();
    // "the" ends one block and "report" starts the next.
    session.run(findQuery('the report'));
    expect(session.matchedTexts()).toEqual(['the report']);
    expect(findStateOf(session.state).matches[0]!.end).toBeLessThan(session.text.indexOf('ends with'));
    session.run(findQuery('the\n\nreport'));
    expect(findStateOf(session.state).matches).toEqual([]);
    session.run(findQuery('thereport'));
    expect(findStateOf(session.state).matches).toEqual([]);
  });

  it('does not count overlapping matches twice', () => {
    const session = editor([{ type: 'paragraph', text: 'aaaaa', marks: [] }]);
    session.run(findQuery('aa'));
    expect(findStateOf(session.state).matches).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('makes the first match at or after the given offset current, wrapping to the first', () => {
    const session = editor();
    const second = session.text.indexOf('report', session.text.indexOf('report') + 1);
    session.run(findQuery('report', { from: second }));
    expect(findStateOf(session.state).current).toBe(1);
    expect(currentMatchOf(session.state)?.start).toBe(second);
    session.run(clearFind);
    session.run(findQuery('report', { from: session.text.length }));
    expect(findStateOf(session.state).current).toBe(0);
  });

  it('keeps the current match when the same query comes again', () => {
    const session = editor();
    session.run(findQuery('the'));
    session.run(findNext);
    session.run(findQuery('the', { from: 0 }));
    expect(findStateOf(session.state).current).toBe(1);
  });

  it('matches case exactly when lowercasing would change the text length', () => {
    // "İ" lowercases to two code units, so lowercased offsets would no longer fit the text.
    const matcher = textMatcher('İstanbul and Ankara, ANKARA');
    expect(matcher('ankara').matches).toEqual([]);
    expect(matcher('Ankara').matches).toEqual([{ start: 13, end: 19 }]);
    expect(textMatcher('Istanbul and Ankara, ANKARA')('ankara').matches).toHaveLength(2);
  });
});

describe('moving between matches', () => {
  it('goes forward and back, wrapping around at both ends', () => {
    const session = editor();
    session.run(findQuery('report'));
    expect(findStateOf(session.state).matches).toHaveLength(3);
    const visited = [findStateOf(session.state).current];
    for (let step = 0; step < 3; step++) {
      expect(session.run(findNext)).toBe(true);
      visited.push(findStateOf(session.state).current);
    }
    expect(visited).toEqual([0, 1, 2, 0]);
    session.run(findPrevious);
    expect(findStateOf(session.state).current).toBe(2);
    session.run(findPrevious);
    session.run(findPrevious);
    session.run(findPrevious);
    expect(findStateOf(session.state).current).toBe(2);
  });

  it('marks only the current match as current', () => {
    const session = editor();
    session.run(findQuery('the'));
    session.run(findNext);
    session.run(findNext);
    const current = currentMatchOf(session.state)!;
    const decorations = session.decorations();
    expect(decorations).toHaveLength(6);
    const classes = decorations.map((decoration) => ({
      from: decoration.from,
      className: classOf(decoration),
    }));
    expect(classes.filter((entry) => entry.className === 'find-match is-current')).toEqual([
      { from: offsetToPosition(current.start), className: 'find-match is-current' },
    ]);
    expect(classes.filter((entry) => entry.className === 'find-match')).toHaveLength(5);
  });

  it('can jump to a match by index', () => {
    const session = editor();
    session.run(findQuery('the'));
    session.run((state, dispatch) => {
      dispatch?.(setFind(state.tr, { current: -1 }));
      return true;
    });
    expect(findStateOf(session.state).current).toBe(5);
  });
});

describe('clearing', () => {
  it('empties the matches and decorations when the query is emptied or the find ends', () => {
    const session = editor();
    session.run(findQuery('the'));
    session.run(findQuery(''));
    expect(findStateOf(session.state)).toMatchObject({ query: '', matches: [], current: -1 });
    expect(session.decorations()).toEqual([]);
    session.run(findQuery('report'));
    expect(session.run(clearFind)).toBe(true);
    expect(findResultOf(session.state)).toEqual({ count: 0, current: -1, isCapped: false });
    expect(session.decorations()).toEqual([]);
  });

  it('reports no matches for a query that is not in the text', () => {
    const session = editor();
    session.run(findQuery('zebra'));
    expect(findStateOf(session.state)).toMatchObject({ query: 'zebra', matches: [], current: -1 });
    expect(session.run(findNext)).toBe(false);
  });
});

describe('the limit', () => {
  it('keeps at most the limit of matches and says there were more', () => {
    const words = Array.from({ length: 25 }, () => 'ab '.repeat(500).trim());
    const session = editor(words.map((text) => ({ type: 'paragraph', text, marks: [] })));
    session.run(findQuery('ab'));
    expect(findResultOf(session.state)).toEqual({ count: MAX_FIND_MATCHES, current: 0, isCapped: true });
    session.run(findPrevious);
    expect(findStateOf(session.state).current).toBe(MAX_FIND_MATCHES - 1);
  });

  it('is not reached by exactly the limit of matches', () => {
    const matcher = textMatcher('x'.repeat(MAX_FIND_MATCHES));
    expect(matcher('x')).toMatchObject({ isCapped: false });
    expect(matcher('x').matches).toHaveLength(MAX_FIND_MATCHES);
  });
});
