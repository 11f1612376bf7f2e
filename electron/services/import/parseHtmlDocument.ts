import { createRequire } from 'node:module';
import { checkNotBlank } from './checkArticleBytes';
import { decodeHtml } from './decodeHtml';
import { checkDocumentDepth, checkMarkupDepth } from './nestingDepth';
import { removeInertElements } from './removeInertElements';

/** jsdom, loaded the first time a page is parsed. */
let jsdom: typeof import('jsdom') | undefined;

/**
 * jsdom, loaded on first use: it takes about 0.7 s to load, longer than starting the whole
 * workbench otherwise, so it loads when the first page or document is imported, not whenever
 * `margin` starts.
 */
export function loadJsdom(): typeof import('jsdom') {
  jsdom ??= createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
  return jsdom;
}

/**
 * Parses a page's bytes into a document without running its scripts or loading anything, after
 * dropping the scripts, style sheets and iframes that are never article text. A page nested too
 * deeply to read is refused, where plain from its source before it is parsed.
 */
export function parseHtmlDocument(bytes: Uint8Array): Document {
  const source = decodeHtml(bytes);
  checkNotBlank(source);
  const markup = removeInertElements(source);
  checkMarkupDepth(markup);
  // A virtual console that forwards nothing keeps jsdom's complaints about page CSS out of our output.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(markup, {
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  checkDocumentDepth(dom.window.document);
  return dom.window.document;
}
