import type { Node } from 'prosemirror-model';
import { type Command, type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { offsetToPosition } from '../schema/articleSchema';

/** One place the query was found, as canonical text offsets (`end` exclusive). */
export interface FindMatch {
  readonly start: number;
  readonly end: number;
}

/** The matches of one query in one text. */
export interface FindMatches {
  /** In text order, never overlapping. */
  readonly matches: readonly FindMatch[];
  /** Whether there were more matches than were kept. */
  readonly isCapped: boolean;
}

/** The find state of an editor. */
export interface FindState extends FindMatches {
  readonly query: string;
  /** The index of the current match in `matches`, or -1 when there is none. */
  readonly current: number;
  readonly decorations: DecorationSet;
}

/** What the host shows of a find: how many matches, which one is current. */
export interface FindResult {
  count: number;
  /** The index of the current match, or -1 when there is none. */
  current: number;
  /** Whether the count stopped at the limit (there are more than `count` matches). */
  isCapped: boolean;
}

/** What a find transaction asks for, carried as its meta. */
export interface FindRequest {
  /** Search for this query; a different query replaces every match. */
  query?: string;
  /**
   * With a new query: the first match at or after this text offset becomes current (wrapping to
   * the first match when none is), so a search starts where the reader is. Defaults to 0.
   */
  from?: number;
  /** Make this match current, by index; out of range indexes wrap around. */
  current?: number;
}

/** How to set the plugin up for one document. */
export interface FindConfig {
  /** The canonical text of the document; matches are offsets into it. */
  text: string;
}

/**
 * At most this many matches are kept: a one-letter query in a long article would otherwise make
 * hundreds of thousands of decorations, and a count that large tells the reader nothing more.
 */
export const MAX_FIND_MATCHES = 10_000;

/** The key of the find plugin, to read its state. */
export const findKey = new PluginKey<FindState>('find');

/** What a decoration remembers about its match, to find it again when the current match moves. */
interface FindSpec {
  findIndex: number;
}

const EMPTY: FindState = {
  query: '',
  matches: [],
  isCapped: false,
  current: -1,
  decorations: DecorationSet.empty,
};

/**
 * A search function for one text. Matching ignores case where that is safe: both sides are
 * lowercased, but only when lowercasing keeps the text's length, because match offsets are taken
 * from the lowercased text and must stay valid in the original (lowercasing "İ" gives two code
 * units, which would shift every later offset). Otherwise the search matches case exactly. The
 * text is lowercased once here, not on every keystroke.
 */
export function textMatcher(text: string): (query: string) => FindMatches {
  // Lowering a long article's case takes a while, so it waits for the first search.
  let lowered: string | undefined;
  return (query) => {
    lowered ??= text.toLocaleLowerCase();
    const ignoresCase = lowered.length === text.length;
    const haystack = ignoresCase ? lowered : text;
    const needle = ignoresCase ? query.toLocaleLowerCase() : query;
    // Blocks are joined by "\n\n", so a query without a line break can never match across blocks;
    // one with a line break could, and is not something a reader looks for in prose.
    if (needle === '' || needle.includes('\n')) return { matches: [], isCapped: false };
    const matches: FindMatch[] = [];
    let index = haystack.indexOf(needle);
    while (index !== -1 && matches.length < MAX_FIND_MATCHES) {
      matches.push({ start: index, end: index + needle.length });
      index = haystack.indexOf(needle, index + needle.length);
    }
    return { matches, isCapped: index !== -1 };
  };
}

/** The find state of an editor state. */
export function findStateOf(state: EditorState): FindState {
  const value = findKey.getState(state);
  if (!value) throw new Error('The find plugin is not installed in this editor.');
  return value;
}

/** What the host shows of the find state of an editor state. */
export function findResultOf(state: EditorState): FindResult {
  const { matches, current, isCapped } = findStateOf(state);
  return { count: matches.length, current, isCapped };
}

/** The current match of an editor state, or null. */
export function currentMatchOf(state: EditorState): FindMatch | null {
  const { matches, current } = findStateOf(state);
  return matches[current] ?? null;
}

/** Adds a find request to a transaction. */
export function setFind(transaction: Transaction, request: FindRequest): Transaction {
  return transaction.setMeta(findKey, request);
}

/**
 * Finds `query` in the text and highlights every match. With `from`, the first match at or after
 * that text offset becomes current; the same query again leaves the current match where it is.
 */
export function findQuery(query: string, options: { from?: number } = {}): Command {
  return (state, dispatch) => {
    dispatch?.(setFind(state.tr, { query, from: options.from }));
    return true;
  };
}

/** Moves to the next match, from the last back to the first. */
export const findNext: Command = (state, dispatch) => moveCurrent(state, 1, dispatch);

/** Moves to the previous match, from the first back to the last. */
export const findPrevious: Command = (state, dispatch) => moveCurrent(state, -1, dispatch);

/** Ends the find: no query, no matches, no highlights. */
export const clearFind: Command = (state, dispatch) => {
  if (findStateOf(state).query === '') return false;
  dispatch?.(setFind(state.tr, { query: '' }));
  return true;
};

function moveCurrent(state: EditorState, step: number, dispatch?: (transaction: Transaction) => void) {
  const { matches, current } = findStateOf(state);
  if (matches.length === 0) return false;
  dispatch?.(setFind(state.tr, { current: current + step }));
  return true;
}

/**
 * Find in the article: holds the query, its matches and the current one, and highlights them as
 * decorations. It does no DOM work; the host scrolls to the current match.
 */
export function findPlugin(config: FindConfig): Plugin<FindState> {
  const search = textMatcher(config.text);
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => EMPTY,
      apply: (transaction, value) => {
        // The article text never changes; were it to, matches against the text this plugin was
        // given would be wrong, so they are dropped rather than mapped.
        let next = transaction.docChanged ? EMPTY : value;
        const request = transaction.getMeta(findKey) as FindRequest | undefined;
        if (!request) return next;
        if (request.query !== undefined && request.query !== next.query) {
          next = withQuery(request.query, request.from ?? 0, search, transaction.doc);
        }
        if (request.current !== undefined) next = withCurrent(next, request.current, transaction.doc);
        return next;
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

function withQuery(
  query: string,
  from: number,
  search: (query: string) => FindMatches,
  doc: Node,
): FindState {
  const { matches, isCapped } = search(query);
  if (matches.length === 0) return { ...EMPTY, query, isCapped };
  const after = matches.findIndex((match) => match.start >= from);
  const current = after === -1 ? 0 : after;
  return {
    query,
    matches,
    isCapped,
    current,
    decorations: DecorationSet.create(
      doc,
      matches.map((match, index) => matchDecoration(match, index, index === current)),
    ),
  };
}

/** Moves the current match, redrawing only the two decorations that change. */
function withCurrent(value: FindState, requested: number, doc: Node): FindState {
  const count = value.matches.length;
  if (count === 0) return value;
  const current = ((requested % count) + count) % count;
  if (current === value.current) return value;
  let decorations = value.decorations;
  for (const index of [value.current, current]) {
    const match = value.matches[index];
    if (!match) continue;
    const stale = decorations.find(
      offsetToPosition(match.start),
      offsetToPosition(match.end),
      (spec) => (spec as FindSpec).findIndex === index,
    );
    decorations = decorations.remove(stale).add(doc, [matchDecoration(match, index, index === current)]);
  }
  return { ...value, current, decorations };
}

function matchDecoration(match: FindMatch, index: number, isCurrent: boolean): Decoration {
  return Decoration.inline(
    offsetToPosition(match.start),
    offsetToPosition(match.end),
    { class: isCurrent ? 'find-match is-current' : 'find-match' },
    { findIndex: index } satisfies FindSpec,
  );
}
