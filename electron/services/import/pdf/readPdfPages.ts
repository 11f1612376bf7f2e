import { createRequire } from 'node:module';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { ApiError } from '../../../../shared/api/errors';

/** A run of text on a page, in PDF space (points, y growing upwards), with what its font says. */
export interface PdfTextItem {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size in points. */
  size: number;
  isBold: boolean;
  isItalic: boolean;
}

/** One page's text layer. */
export interface PdfPage {
  /** 1-based, as readers cite pages. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** What the file's document information dictionary says. */
export interface PdfInfo {
  title: string | null;
  author: string | null;
  /** The creation date as ISO 8601, or null. */
  created: string | null;
  lang: string | null;
}

/** The most pages read from one file: a book-length report still fits, a malicious page tree does not. */
export const MAX_PDF_PAGES = 3_000;
/** The most runs of text on one page: a dense newspaper page has a few thousand. */
export const MAX_PAGE_ITEMS = 20_000;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded on first use. Its Node build takes DOMMatrix and friends from @napi-rs/canvas for
 * rendering, which Margin never does; where that optional package is missing or will not load,
 * inert stand-ins let the text layer load without it.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    if (globalThis.DOMMatrix === undefined && !canLoad('@napi-rs/canvas')) {
      const scope = globalThis as Record<string, unknown>;
      scope.DOMMatrix = class DOMMatrix {
        a = 1;
        b = 0;
        c = 0;
        d = 1;
        e = 0;
        f = 0;
      };
      scope.ImageData ??= class ImageData {};
      scope.Path2D ??= class Path2D {};
    }
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** Whether a package loads here: a native one may be installed and still not load (inside an app archive, say). */
function canLoad(name: string): boolean {
  try {
    createRequire(import.meta.url)(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads every page's text items and the document information. No script in the file runs
 * (`isEvalSupported: false`, and pdf.js never runs a PDF's JavaScript without a viewer) and
 * nothing is fetched: the bytes are all it sees.
 */
export async function readPdfPages(bytes: Uint8Array): Promise<{ pages: PdfPage[]; info: PdfInfo }> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  let document: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy, and refuses a Node
    // Buffer (which is what arrives from a file or a transport), so the copy is a plain array.
    document = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    throw unreadable(error);
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new ApiError(
        'too-large',
        `This PDF has ${document.numPages} pages, more than the ${MAX_PDF_PAGES} Margin reads; save the pages that hold the article as a separate PDF and open that.`,
      );
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await readPage(document, number));
    }
    return { pages, info: await readInfo(document) };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable(error);
  } finally {
    await document.destroy();
  }
}

async function readPage(document: PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await document.getPage(number);
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  // Without normalisation the text keeps what the file holds, such as no-break spaces.
  const content = await page.getTextContent({ disableNormalization: true });
  // Font names (which say bold or italic) are known once the page's operators are read.
  await page.getOperatorList();
  const fonts = new Map<string, { isBold: boolean; isItalic: boolean }>();
  const fontOf = (id: string) => {
    let font = fonts.get(id);
    if (font === undefined) {
      let name = '';
      try {
        name = String((page.commonObjs.get(id) as { name?: unknown } | null)?.name ?? '');
      } catch {
        // A font pdf.js could not load still has text; it is taken as regular.
      }
      font = {
        isBold: /bold|black|heavy|semibold|demi/i.test(name),
        isItalic: /italic|oblique/i.test(name),
      };
      fonts.set(id, font);
    }
    return font;
  };
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    // Spaces are put back from the gaps between runs; pdf.js's own space runs can bridge a gutter.
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = (item as TextItem).transform as number[];
    items.push({
      text: item.str,
      x: x - left,
      y: y - bottom,
      width: item.width,
      size: Math.hypot(a, b) || item.height,
      ...fontOf(item.fontName),
    });
  }
  page.cleanup();
  if (items.length > MAX_PAGE_ITEMS) {
    throw new ApiError(
      'too-large',
      `Page ${number} of this PDF holds more than ${MAX_PAGE_ITEMS.toLocaleString('en')} pieces of text, more than any article page, so it is not read; save the pages that hold the article as a separate PDF and open that.`,
    );
  }
  return { number, width: right - left, height: top - bottom, items };
}

async function readInfo(document: PDFDocumentProxy): Promise<PdfInfo> {
  const metadata = await document.getMetadata().catch(() => null);
  const info = (metadata?.info ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  return {
    title: text(info.Title),
    author: text(info.Author),
    created: pdfDate(text(info.CreationDate)),
    lang: text(info.Language),
  };
}

/** A PDF date ("D:20240305093000Z", or with "+01'00'") as ISO 8601 in UTC, or null. */
export function pdfDate(value: string | null): string | null {
  const match = value?.match(
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/,
  );
  if (!match) return null;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const offset =
    sign === '+' || sign === '-' ? `${sign}${offsetHours ?? '00'}:${offsetMinutes ?? '00'}` : 'Z';
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function unreadable(error: unknown): ApiError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return new ApiError(
      'not-an-article',
      'This PDF is protected by a password; save a copy without the password and open that.',
    );
  }
  return new ApiError(
    'not-an-article',
    'This PDF is damaged or is not a PDF, so its text cannot be read; open it in a PDF viewer, save or print it to a new PDF and open that.',
  );
}
