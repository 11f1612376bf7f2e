import { createRequire } from 'node:module';
import type mammothModule from 'mammoth';
import { ApiError } from '../../../../shared/api/errors';
import type { ArticleDraft } from '../articleDraft';
import { titleFromFileName } from '../fileName';
import { htmlToBlocks } from '../htmlToBlocks';
import { checkDocumentDepth, checkMarkupDepth, tooDeeplyNested } from '../nestingDepth';
import { loadJsdom } from '../parseHtmlDocument';
import { nonEmpty } from '../readPageFacts';
import { textDirectionOf } from '../textDirection';
import { readDocumentProperties } from './readDocumentProperties';
import { readZipParts } from './readZipParts';

/**
 * Word's built-in styles for quotations and titles, which mammoth leaves as plain paragraphs;
 * headings, lists, emphasis and links it maps itself.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
];

/** Only the document's XML parts are unpacked: images and embedded files are never article text. */
const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

let mammoth: typeof mammothModule | undefined;

/**
 * Reads a Word document (.docx): mammoth turns its body into HTML (headings, paragraphs, lists,
 * quotations, emphasis, links), which becomes blocks the way a web page's article does; the
 * document properties give the title, author and date. The archive is unpacked first under the
 * zip-bomb limits of readZipParts, and mammoth reads only those checked parts.
 */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<ArticleDraft> {
  const parts = await readZipParts(bytes, isXmlPart);
  if (!parts.has('word/document.xml') && !parts.has('[Content_Types].xml')) throw notWordDocument();
  const properties = readDocumentProperties(parts);
  const html = await convertToHtml(parts);
  checkMarkupDepth(html);
  const { JSDOM, VirtualConsole } = loadJsdom();
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`, {
    virtualConsole: new VirtualConsole(),
  }).window;
  checkDocumentDepth(document);
  removeBackReferences(document);
  const blocks = htmlToBlocks(document.body, null);
  const firstHeading = blocks.find((block) => block.type === 'heading')?.text;
  return {
    metadata: {
      title: properties.title ?? nonEmpty(firstHeading) ?? titleFromFileName(fileName),
      byline: properties.creator,
      siteName: null,
      source: fileName,
      publishedAt: properties.created,
      lang: properties.lang,
      dir: textDirectionOf([properties.isRightToLeft ? 'rtl' : null], properties.lang),
      format: 'docx',
    },
    blocks,
  };
}

/** The body as HTML, mammoth reading the already checked parts instead of the archive itself. */
async function convertToHtml(parts: Map<string, Uint8Array>): Promise<string> {
  mammoth ??= createRequire(import.meta.url)('mammoth') as typeof mammothModule;
  // mammoth's `file` input (an opened archive) is not in its typings: it reads through exists/read.
  const file = {
    exists: (name: string) => parts.has(name),
    read: async (name: string, encoding?: string) => {
      const data = parts.get(name);
      if (data === undefined) throw notWordDocument();
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
  try {
    const result = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
      styleMap: STYLE_MAP,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      // Images are never read: an empty source keeps them out of the text.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    return result.value;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof RangeError) throw tooDeeplyNested();
    throw new ApiError(
      'not-an-article',
      'This Word document could not be read; open it in Word, save it again as .docx and open that copy.',
    );
  }
}

/** mammoth ends each footnote with a "↑" link back to its mark, which is not the note's text. */
function removeBackReferences(document: Document): void {
  for (const link of document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) {
    link.remove();
  }
}

function notWordDocument(): ApiError {
  return new ApiError(
    'not-an-article',
    'This file is not a Word document (.docx), although its name says so; open it in the program that made it and save it as .docx.',
  );
}
