import { ApiError } from '../../../shared/api/errors';
import { INLINE_ELEMENTS } from './htmlElements';
import { walkTree } from './walkTree';

/**
 * The deepest element nesting Margin reads in a page. Real pages stay within a few dozen levels;
 * Readability's work grows much faster than the depth (a few hundred levels of bare divs take it
 * seconds), and jsdom and Readability recurse over the tree, so deeper pages are refused.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * How far the estimate from the source may go before parsing is not tried at all. jsdom's work
 * grows with the depth of every insertion (ten thousand levels take it seconds), and sloppy markup
 * makes the estimate run high, so this bound is looser than the one checked after parsing.
 */
const MAX_ESTIMATED_DEPTH = 4 * MAX_NESTING_DEPTH;

const ELEMENT_NODE = 1;

// A comment, a raw-text element whose content is not markup, or a tag; quoted attribute values
// may hold '>'. Outside quotes a tag never spans a '<', so a run of unfinished tags cannot make
// each match scan on to the end of the page.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(?:script|style|textarea|title|xmp|iframe|noembed|noframes)\b(?:[^<>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/(?:script|style|textarea|title|xmp|iframe|noembed|noframes)\s*>|$)|<(\/?)([a-zA-Z][^\s/<>"']*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/gi;

const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose end tag pages often leave out: the next one of them closes the one before. */
const OPTIONAL_END_ELEMENTS: ReadonlySet<string> = new Set([
  'caption',
  'colgroup',
  'dd',
  'dt',
  'li',
  'optgroup',
  'option',
  'p',
  'rb',
  'rp',
  'rt',
  'rtc',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

/** The refusal for a page nested deeper than Margin reads. */
export function tooDeeplyNested(): ApiError {
  return new ApiError(
    'not-an-article',
    'This page is nested too deeply to read as an article; save the article text as a .txt file and open that.',
  );
}

/** Refuses page source whose elements plainly nest far too deeply, before it is parsed. */
export function checkMarkupDepth(html: string): void {
  if (estimateNestingDepth(html, MAX_ESTIMATED_DEPTH) > MAX_ESTIMATED_DEPTH) throw tooDeeplyNested();
}

/** Refuses a parsed page whose elements nest deeper than Margin reads. */
export function checkDocumentDepth(root: Node): void {
  if (nestingDepth(root) > MAX_NESTING_DEPTH) throw tooDeeplyNested();
}

/** How deeply elements nest under `root`, found without recursion. */
export function nestingDepth(root: Node): number {
  let depth = 0;
  let deepest = 0;
  walkTree(root, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    depth += 1;
    deepest = Math.max(deepest, depth);
    return () => {
      depth -= 1;
    };
  });
  return deepest;
}

/**
 * Formatting elements: closed by a new paragraph or cell only for the moment, since the parser
 * reopens them inside whatever comes next ("reconstructs the active formatting elements").
 */
const FORMATTING_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);

/** The parser keeps at most three identical formatting elements to reopen (its "Noah's Ark" rule). */
const MAX_IDENTICAL_FORMATTING = 3;

/**
 * How much a reopened formatting element weighs against an ordinary level: it is copied into every
 * block that follows, so the parser's work grows with their number times the page's length (500
 * distinct ones took jsdom 10 s). Sixty-four of them reach the bound; real pages leave a few.
 */
const REOPENED_WEIGHT = 16;

/**
 * How many reopened copies a page may make in all: past this, a handful of unclosed formatting
 * elements before thousands of paragraphs would make the parser build hundreds of thousands.
 */
const MAX_REOPENED_COPIES = 100_000;

/**
 * How deeply a page's elements nest, read from its tags in one pass without building a tree. An
 * end tag closes everything opened since its start tag; an end tag with no open start tag is
 * ignored; a start tag of an element whose end tag is optional first closes the elements of that
 * kind and the phrasing elements opened just before it, as "<p><font>…<p>" leaves one paragraph
 * open, not two. Formatting elements closed that way stay counted, heavily (REOPENED_WEIGHT), as
 * the parser reopens them inside the next block (so "<b id=1><p><b id=2><p>…" nests one level
 * deeper each time), up to three identical ones; a page whose blocks would get more than
 * MAX_REOPENED_COPIES of them in all reads as infinitely deep. Misnested markup can make it run high.
 */
export function estimateNestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const open: Array<{ name: string; attributes: string }> = [];
  const openCounts = new Map<string, number>();
  // Formatting elements a new block closed, which the parser reopens: their name and attributes.
  const reopened: Array<{ name: string; key: string }> = [];
  let deepest = 0;
  // Reopened elements copied into blocks so far.
  let copies = 0;
  const pop = (): { name: string; attributes: string } | undefined => {
    const element = open.pop();
    if (element !== undefined) openCounts.set(element.name, (openCounts.get(element.name) ?? 1) - 1);
    return element;
  };
  const keepToReopen = (name: string, attributes: string): void => {
    const key = `${name} ${attributes.trim()}`;
    const identical = reopened.filter((entry) => entry.key === key);
    if (identical.length >= MAX_IDENTICAL_FORMATTING) reopened.splice(reopened.indexOf(identical[0]!), 1);
    reopened.push({ name, key });
  };
  for (const [, endSlash, tagName, attributes = ''] of html.matchAll(MARKUP)) {
    if (tagName === undefined) continue;
    const name = tagName.toLowerCase();
    if (endSlash === '/') {
      if ((openCounts.get(name) ?? 0) === 0) {
        // An end tag for a formatting element the parser would have reopened closes that one.
        const index = reopened.findLastIndex((entry) => entry.name === name);
        if (index !== -1) reopened.splice(index, 1);
        continue;
      }
      while (open.length > 0 && open[open.length - 1]!.name !== name) pop();
      pop();
      continue;
    }
    if (VOID_ELEMENTS.has(name)) continue;
    const isForeign = (openCounts.get('svg') ?? 0) + (openCounts.get('math') ?? 0) > 0;
    if (isForeign && attributes.trimEnd().endsWith('/')) continue;
    if (OPTIONAL_END_ELEMENTS.has(name)) {
      copies += reopened.length;
      if (copies > MAX_REOPENED_COPIES) return Number.POSITIVE_INFINITY;
      while (open.length > 0 && isClosedByOptionalEnd(open[open.length - 1]!.name)) {
        const closed = pop()!;
        if (FORMATTING_ELEMENTS.has(closed.name)) keepToReopen(closed.name, closed.attributes);
      }
    }
    open.push({ name, attributes });
    openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
    deepest = Math.max(deepest, open.length + REOPENED_WEIGHT * reopened.length);
    // Deep enough to refuse: the rest of the page cannot make it shallower.
    if (deepest > stopAbove) return deepest;
  }
  return deepest;
}

function isClosedByOptionalEnd(name: string): boolean {
  return OPTIONAL_END_ELEMENTS.has(name) || INLINE_ELEMENTS.has(name);
}
