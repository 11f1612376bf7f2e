import { JSDOM } from 'jsdom';

/** Elements HTML never closes. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);

/** The report parsed as a browser would. */
export function parseReport(html: string): Document {
  return new JSDOM(html).window.document;
}

/**
 * Mismatched or unclosed tags in the markup as written, before a parser repairs anything. Tags are
 * found with a pattern, which is exact here because text and attribute values escape `<` and `>`.
 */
export function tagNestingProblems(html: string): string[] {
  const markup = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!doctype html>/i, '');
  const open: string[] = [];
  const problems: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const name = match[2]!.toLowerCase();
    if (VOID_ELEMENTS.has(name)) continue;
    if (match[1] === '') open.push(name);
    else if (open.pop() !== name) problems.push(`</${name}> at ${match.index} closes something else`);
  }
  if (open.length > 0) problems.push(`never closed: ${open.join(', ')}`);
  return problems;
}

/** The text of every fragment of an annotation's highlight, in document order, joined. */
export function highlightedText(document: Document, id: string): string {
  return [...document.querySelectorAll(`mark[data-annotation-id="${id}"]`)]
    .map((fragment) => fragment.textContent)
    .join('');
}

/** Names of attributes that could run script (`on…` handlers), with the element that carries them. */
export function eventHandlerAttributes(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
    }
  }
  return found;
}
