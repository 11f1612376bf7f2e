import { placeBlocks } from '../../../shared/anchoring/placeBlocks';
import { ApiError } from '../../../shared/api/errors';
import type { ArticleMetadata, Block } from '../../../shared/model';
import type { ArticleDraft } from './articleDraft';
import { checkArticleBytes, checkNotBlank } from './checkArticleBytes';
import { decodeText } from './decodeText';
import { baseName, extensionOf } from './fileName';
import { readHtml } from './readHtml';
import { readMarkdown } from './readMarkdown';
import { readPlainText } from './readPlainText';

/** An article read from a file: metadata, canonical text, and the blocks placed in that text. */
export interface ImportedArticle {
  metadata: ArticleMetadata;
  text: string;
  blocks: Block[];
}

type Reader = (bytes: Uint8Array, fileName: string) => ArticleDraft;

const readText: Reader = (bytes, fileName) => readPlainText(decodeNonBlank(bytes), fileName);
const readMarkdownFile: Reader = (bytes, fileName) => readMarkdown(decodeNonBlank(bytes), fileName);

/** The reader for each file extension Margin opens. */
const READERS: ReadonlyMap<string, Reader> = new Map([
  ['txt', readText],
  ['text', readText],
  ['md', readMarkdownFile],
  ['markdown', readMarkdownFile],
  ['html', readHtml],
  ['htm', readHtml],
  ['xhtml', readHtml],
]);

/**
 * Reads a file's bytes as an article, or throws ApiError with one clear sentence. Nothing is
 * stored here: callers keep the result only if this returns.
 */
export function readArticle(fileName: string, bytes: Uint8Array): ImportedArticle {
  const name = baseName(fileName);
  const read = READERS.get(extensionOf(name));
  if (read === undefined) {
    throw new ApiError(
      'not-an-article',
      `Margin cannot open "${printable(name)}" as an article; choose a plain text (.txt, .text), Markdown (.md, .markdown) or web page (.html, .htm, .xhtml) file.`,
    );
  }
  checkArticleBytes(bytes);
  const draft = read(bytes, name);
  if (draft.blocks.length === 0) {
    throw new ApiError(
      'not-an-article',
      'No article text could be found in this file; choose a file or saved page that holds the article itself.',
    );
  }
  const { text, blocks } = placeBlocks(draft.blocks);
  return { metadata: draft.metadata, text, blocks };
}

function decodeNonBlank(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  checkNotBlank(text);
  return text;
}

/**
 * A file name as a message may show it: line breaks would split the message and bidirectional
 * controls would reorder it ("photo\u202Egnp.exe" reads as "photoexe.png"), so both are replaced.
 */
function printable(name: string): string {
  return name.replace(/[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '\uFFFD');
}
