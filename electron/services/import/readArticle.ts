import { placeBlocks } from '../../../shared/anchoring/placeBlocks';
import { ApiError } from '../../../shared/api/errors';
import type { ArticleMetadata, Block } from '../../../shared/model';
import type { ArticleDraft } from './articleDraft';
import { checkArticleBytes, checkNotBlank } from './checkArticleBytes';
import { decodeText } from './decodeText';
import { readDocx } from './docx/readDocx';
import { baseName, extensionOf } from './fileName';
import { readPdf } from './pdf/readPdf';
import { readHtml } from './readHtml';
import { readMarkdown } from './readMarkdown';
import { readPlainText } from './readPlainText';

/** An article read from a file: metadata, canonical text, and the blocks placed in that text. */
export interface ImportedArticle {
  metadata: ArticleMetadata;
  text: string;
  blocks: Block[];
}

/** Reads one format; Word and PDF files are parsed asynchronously. */
type Reader = (bytes: Uint8Array, fileName: string) => ArticleDraft | Promise<ArticleDraft>;

/** How a format is read, and whether its files are binary (else a binary file is refused as not text). */
interface FormatReader {
  read: Reader;
  isBinary: boolean;
}

const text = (read: Reader): FormatReader => ({ read, isBinary: false });
const binary = (read: Reader): FormatReader => ({ read, isBinary: true });
const readText = text((bytes, fileName) => readPlainText(decodeNonBlank(bytes), fileName));
const readMarkdownFile = text((bytes, fileName) => readMarkdown(decodeNonBlank(bytes), fileName));
const readWebPage = text(readHtml);

/** The reader for each file extension Margin opens. */
const READERS: ReadonlyMap<string, FormatReader> = new Map([
  ['txt', readText],
  ['text', readText],
  ['md', readMarkdownFile],
  ['markdown', readMarkdownFile],
  ['html', readWebPage],
  ['htm', readWebPage],
  ['xhtml', readWebPage],
  ['docx', binary(readDocx)],
  ['pdf', binary(readPdf)],
]);

/** Whether Margin imports files with this name, judged by its extension. */
export function isArticleFileName(fileName: string): boolean {
  return READERS.has(extensionOf(baseName(fileName)));
}

/**
 * Reads a file's bytes as an article, or throws ApiError with one clear sentence. Nothing is
 * stored here: callers keep the result only if this returns.
 */
export async function readArticle(fileName: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const name = baseName(fileName);
  const reader = READERS.get(extensionOf(name));
  if (reader === undefined) {
    throw new ApiError(
      'not-an-article',
      `Margin cannot open "${printable(name)}" as an article; choose a plain text (.txt, .text), Markdown (.md, .markdown), web page (.html, .htm, .xhtml), Word (.docx) or PDF (.pdf) file.`,
    );
  }
  checkArticleBytes(bytes, { isBinaryFormat: reader.isBinary });
  const draft = await reader.read(bytes, name);
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
