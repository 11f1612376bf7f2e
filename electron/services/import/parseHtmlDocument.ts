import { JSDOM, VirtualConsole } from 'jsdom';
import { checkNotBlank } from './checkArticleBytes';
import { decodeHtml } from './decodeHtml';
import { removeInertElements } from './removeInertElements';

/**
 * Parses a page's bytes into a document without running its scripts or loading anything, after
 * dropping the scripts, style sheets and iframes that are never article text.
 */
export function parseHtmlDocument(bytes: Uint8Array): Document {
  const source = decodeHtml(bytes);
  checkNotBlank(source);
  // A virtual console that forwards nothing keeps jsdom's complaints about page CSS out of our output.
  const dom = new JSDOM(removeInertElements(source), {
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document;
}
