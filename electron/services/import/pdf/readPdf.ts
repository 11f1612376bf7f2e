import { ApiError } from '../../../../shared/api/errors';
import type { BlockDraft } from '../../../../shared/model';
import type { ArticleDraft } from '../articleDraft';
import { titleFromFileName } from '../fileName';
import { textDirectionOf } from '../textDirection';
import { pdfBlocks } from './pdfBlocks';
import { pageLines } from './pdfLines';
import { type PdfPage, readPdfPages } from './readPdfPages';
import { withoutRunningLines } from './runningLines';

/**
 * Reads a PDF's text layer as an article: lines rebuilt into paragraphs, columns read in order,
 * running headers and footers dropped, each block marked with its page. OCR is not attempted: a
 * PDF of scanned pages is refused with a sentence saying so.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ArticleDraft> {
  const { pages, info } = await readPdfPages(bytes);
  if (pages.every((page) => page.items.every((item) => item.text.trim() === ''))) {
    throw new ApiError(
      'not-an-article',
      'This PDF has no text layer (its pages are images, as in a scan), and Margin does not read text from images; run it through OCR first, or open the article as text, a web page or a Word file.',
    );
  }
  const blocks = layOut(pages);
  const firstHeading = blocks.find((block) => block.type === 'heading')?.text;
  return {
    metadata: {
      title: info.title ?? firstHeading ?? titleFromFileName(fileName),
      byline: info.author,
      siteName: null,
      source: fileName,
      publishedAt: info.created,
      lang: info.lang,
      dir: textDirectionOf([null], info.lang),
      format: 'pdf',
    },
    blocks,
  };
}

/** The pages' blocks; a layout the reader cannot make sense of is a damaged file, said in one sentence. */
function layOut(pages: PdfPage[]): BlockDraft[] {
  try {
    return pdfBlocks(
      withoutRunningLines(
        pages.map((page) => ({ number: page.number, height: page.height, lines: pageLines(page) })),
      ),
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(
      'not-an-article',
      'The text of this PDF is laid out in a way Margin cannot read; print or save it to a new PDF and open that.',
    );
  }
}
