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
  if (estimateNestingDepth(html) > MAX_ESTIMATED_DEPTH) throw tooDeeplyNested();
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
 * How deeply a page's elements nest, read from its tags in one pass without building a tree. An
 * end tag closes everything opened since its start tag; an end tag with no open start tag is
 * ignored; a start tag of an element whose end tag is optional first closes the elements of that
 * kind and the phrasing elements opened just before it, as "<p><font>…<p>" leaves one paragraph
 * open, not two. Misnested markup can make it run high; it runs low only where elements with
 * optional end tags nest, and never by more than a few times.
 */
export function estimateNestingDepth(html: string): number {
  const open: string[] = [];
  const openCounts = new Map<string, number>();
  let deepest = 0;
  const pop = (): void => {
    const name = open.pop();
    if (name !== undefined) openCounts.set(name, (openCounts.get(name) ?? 1) - 1);
  };
  for (const [, endSlash, tagName, attributes] of html.matchAll(MARKUP)) {
    if (tagName === undefined) continue;
    const name = tagName.toLowerCase();
    if (endSlash === '/') {
      if ((openCounts.get(name) ?? 0) === 0) continue;
      while (open.length > 0 && open[open.length - 1] !== name) pop();
      pop();
      continue;
    }
    if (VOID_ELEMENTS.has(name)) continue;
    const isForeign = (openCounts.get('svg') ?? 0) + (openCounts.get('math') ?? 0) > 0;
    if (isForeign && attributes?.trimEnd().endsWith('/')) continue;
    if (OPTIONAL_END_ELEMENTS.has(name)) {
      while (open.length > 0 && isClosedByOptionalEnd(open[open.length - 1]!)) pop();
    }
    open.push(name);
    openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
    deepest = Math.max(deepest, open.length);
  }
  return deepest;
}

function isClosedByOptionalEnd(name: string): boolean {
  return OPTIONAL_END_ELEMENTS.has(name) || INLINE_ELEMENTS.has(name);
}
