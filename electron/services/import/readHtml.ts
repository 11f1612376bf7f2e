import { Readability } from '@mozilla/readability';
import type { BlockDraft } from '../../../shared/model';
import type { ArticleDraft } from './articleDraft';
import { titleFromFileName } from './fileName';
import { htmlToBlocks } from './htmlToBlocks';
import { tooDeeplyNested } from './nestingDepth';
import { parseHtmlDocument } from './parseHtmlDocument';
import { nonEmpty, type PageFacts, readPageFacts } from './readPageFacts';
import { textDirectionOf } from './textDirection';

type ReadabilityArticle = ReturnType<Readability<Node>['parse']>;

/**
 * Reads a saved web page: Readability finds the article, and an allow-list walk of what it found
 * turns it into blocks. No script runs and nothing is fetched. An empty block list means the page
 * held no article text.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ArticleDraft {
  const { page, article } = findArticle(bytes);
  const body = article?.content ? htmlToBlocks(article.content, page.baseUrl) : [];
  const lang = nonEmpty(article?.lang) ?? page.lang;
  const title = nonEmpty(article?.title) ?? page.title ?? titleFromFileName(fileName);
  return {
    metadata: {
      title,
      byline: nonEmpty(article?.byline),
      siteName: nonEmpty(article?.siteName),
      source: page.url ?? fileName,
      publishedAt: nonEmpty(article?.publishedTime),
      lang,
      dir: textDirectionOf([article?.dir, page.dir], lang),
      format: 'html',
    },
    blocks: withHeadline(title, body),
  };
}

/**
 * Readability takes the headline out of the article body, but a headline is often the first claim
 * an analyst tags: it goes back in as the first heading, unless the body already starts with it.
 */
function withHeadline(title: string, body: BlockDraft[]): BlockDraft[] {
  if (body.length === 0) return body;
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const first = body[0]!;
  if (first.type === 'heading' && fold(first.text) === fold(title)) return body;
  return [{ type: 'heading', level: 1, text: title, marks: [] }, ...body];
}

function findArticle(bytes: Uint8Array): { page: PageFacts; article: ReadabilityArticle } {
  try {
    const document = parseHtmlDocument(bytes);
    const page = readPageFacts(document);
    // Readability rearranges the document; the serializer hands back its article element unserialised.
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    return { page, article };
  } catch (error) {
    // jsdom and Readability recurse over the tree, so absurdly deep markup exhausts the stack.
    if (error instanceof RangeError) throw tooDeeplyNested();
    throw error;
  }
}
