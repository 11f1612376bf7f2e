/** The XHTML namespace: elements outside it (SVG, MathML) are never article text. */
export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Phrasing elements whose text is article text; anything not listed anywhere here is skipped whole. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'nobr',
  'q',
  'rb',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements that hold text or blocks and end the block before them, like `p` and `div`. */
export const CONTAINER_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'main',
  'p',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

/** Heading elements and their levels. */
export const HEADING_LEVELS: ReadonlyMap<string, number> = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

/** Elements that, inside a table row, mean the row lays out the page rather than holding data. */
export const LAYOUT_ROW_CONTENT = 'p, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, pre, table';
