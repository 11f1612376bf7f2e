import type { PdfLine } from './pdfLines';

/** A page's lines in reading order, with the page's height. */
export interface LaidOutPage {
  number: number;
  height: number;
  lines: PdfLine[];
}

/**
 * Drops running headers and footers: lines near the top or bottom of a page, set apart from the
 * text by at least two of their own line heights, whose text (digits ignored, so "Page 3 of 9"
 * matches "Page 4 of 9") recurs at about the same height on at least half the pages. A document
 * of one page has nothing to compare, so it keeps every line.
 */
export function withoutRunningLines(pages: LaidOutPage[]): LaidOutPage[] {
  if (pages.length < 2) return pages;
  const key = (line: PdfLine) => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').toLowerCase()}`;
  const candidates = pages.map((page) => page.lines.filter((line) => isSetApartAtEdge(line, page)));
  const counts = new Map<string, number>();
  for (const lines of candidates) {
    for (const name of new Set(lines.map(key))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const threshold = Math.max(2, pages.length / 2);
  return pages.map((page, index) => {
    const running = new Set(candidates[index]!.filter((line) => counts.get(key(line))! >= threshold));
    return { ...page, lines: page.lines.filter((line) => !running.has(line)) };
  });
}

function isSetApartAtEdge(line: PdfLine, page: LaidOutPage): boolean {
  const isTop = line.y > page.height * 0.88;
  if (!isTop && line.y >= page.height * 0.12) return false;
  let nearest = Number.POSITIVE_INFINITY;
  for (const other of page.lines) {
    const isInward = isTop ? other.y < line.y - 1 : other.y > line.y + 1;
    if (isInward && other.x0 < line.x1 && other.x1 > line.x0) {
      nearest = Math.min(nearest, Math.abs(other.y - line.y));
    }
  }
  return nearest >= 2 * line.size;
}
