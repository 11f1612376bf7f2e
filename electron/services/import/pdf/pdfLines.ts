import type { PdfPage, PdfTextItem } from './readPdfPages';

/** A line of text on a page: items sharing a baseline, cut at column gutters. */
export interface PdfLine {
  page: number;
  /** The baseline, in points from the bottom of the page. */
  y: number;
  /** A list item's bullet or number ("•", "3."), set apart from the text after it; else null. */
  marker: string | null;
  /** Where the text starts (after a marker) and ends. */
  x0: number;
  x1: number;
  text: string;
  /** The size and style of the line's longest run, rounded to a tenth of a point. */
  size: number;
  isBold: boolean;
  isItalic: boolean;
}

/** Typographic ligatures some PDFs keep as one character; the text should hold the letters. */
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/**
 * The lines of a page in reading order. Items are grouped by baseline, a line is cut where the
 * gap between items is wider than a gutter, and the lines are ordered by recursive XY-cut: a
 * headline spanning the columns comes first, then each column top to bottom, left to right.
 */
export function pageLines(page: PdfPage): PdfLine[] {
  return readingOrder(linesOf(page));
}

function linesOf(page: PdfPage): PdfLine[] {
  const rows: { y: number; items: PdfTextItem[] }[] = [];
  const sorted = [...page.items].sort((p, q) => q.y - p.y || p.x - q.x);
  for (const item of sorted) {
    const row = rows.find((candidate) => Math.abs(candidate.y - item.y) < Math.max(1.5, 0.3 * item.size));
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.items.sort((p, q) => p.x - q.x);
    let parts: PdfTextItem[] = [];
    let right = 0;
    const finish = () => {
      const line = toLine(page.number, row.y, parts);
      if (line) lines.push(line);
      parts = [];
    };
    for (const item of row.items) {
      const gap = item.x - right;
      if (parts.length > 0 && gap > 1.2 * item.size) finish();
      if (
        parts.length > 0 &&
        gap > 0.15 * item.size &&
        !/\s$/.test(parts.at(-1)!.text) &&
        !/^\s/.test(item.text)
      ) {
        parts.push({ ...item, text: ' ', width: 0 });
      }
      parts.push(item);
      right = Math.max(parts.length > 1 ? right : item.x, item.x + item.width);
    }
    if (parts.length > 0) finish();
  }
  return lines;
}

/** A run that is only a list marker: a bullet, a dash, or a number with a point or parenthesis. */
const MARKER_RUN = /^\s*([•◦▪‣●○■□–-]|\d{1,3}[.)])\s*$/u;
/** A marker at the start of a run's text; a dash only counts as a run of its own (dialogue opens with one). */
const LEADING_MARKER = /^\s*([•◦▪‣●○■□]|\d{1,3}[.)])\s+(?=\S)/u;

function toLine(page: number, y: number, allParts: PdfTextItem[]): PdfLine | null {
  const { marker, parts } = splitMarker(allParts);
  if (parts.length === 0) return null;
  const text = parts
    .map((part) => part.text)
    .join('')
    .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    // Runs of ordinary white space become one space; a no-break space is the writer's, and stays.
    .replace(/[ \t\n\r\f\v]+/g, ' ')
    .replace(/^ | $/g, '');
  if (text === '') return null;
  const main = parts
    .filter((part) => part.text.trim() !== '')
    .reduce((longest, part) => (part.text.length > longest.text.length ? part : longest), parts[0]!);
  return {
    page,
    y,
    marker,
    x0: parts[0]!.x,
    x1: Math.max(...parts.map((part) => part.x + part.width)),
    text,
    size: Math.round(main.size * 10) / 10,
    isBold: main.isBold,
    isItalic: main.isItalic,
  };
}

/**
 * A list item's marker and the runs after it. The marker is a run of its own, or leads the first
 * run's text; then the text's start is placed in proportion to the characters before it.
 */
function splitMarker(parts: PdfTextItem[]): { marker: string | null; parts: PdfTextItem[] } {
  const [first, second] = parts;
  if (first === undefined) return { marker: null, parts };
  const run = parts.length > 2 && second?.text === ' ' ? MARKER_RUN.exec(first.text) : null;
  if (run) return { marker: run[1]!, parts: parts.slice(2) };
  const leading = LEADING_MARKER.exec(first.text);
  if (!leading) return { marker: null, parts };
  const share = leading[0].length / first.text.length;
  const rest: PdfTextItem = {
    ...first,
    text: first.text.slice(leading[0].length),
    x: first.x + first.width * share,
    width: first.width * (1 - share),
  };
  return { marker: leading[1]!, parts: [rest, ...parts.slice(1)] };
}

/**
 * Lines in reading order. Where the page has a gutter, the lines that cross it (a headline, a
 * running header, a full-width caption) cut the page into bands; each band is read column by
 * column, left to right, and each column top to bottom, so three columns split twice.
 */
function readingOrder(lines: PdfLine[]): PdfLine[] {
  const sorted = [...lines].sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const gutter = lines.length <= 2 ? null : findGutter(lines);
  if (gutter === null) return joinRows(sorted);
  const ordered: PdfLine[] = [];
  let band: PdfLine[] = [];
  const middle = (gutter.start + gutter.end) / 2;
  const readBand = () => {
    const left = band.filter((line) => line.x1 <= middle);
    const right = band.filter((line) => line.x0 >= middle);
    ordered.push(...readingOrder(left), ...readingOrder(right));
    band = [];
  };
  for (const line of sorted) {
    // A point of slack: line ends are measured, the gutter's edges are rounded to whole points.
    if (line.x0 < gutter.end - 1 && line.x1 > gutter.start + 1) {
      readBand();
      ordered.push(line);
    } else {
      band.push(line);
    }
  }
  readBand();
  return ordered;
}

/**
 * Within one column, pieces of a line cut apart at wide word gaps (a loosely justified line) are
 * one line again.
 */
function joinRows(sorted: PdfLine[]): PdfLine[] {
  const joined: PdfLine[] = [];
  for (const line of sorted) {
    const last = joined.at(-1);
    const isSameRow =
      last !== undefined && last.page === line.page && Math.abs(last.y - line.y) < 0.3 * line.size;
    // A justified line's gaps stay under three letter heights; a header's left and right parts do not.
    if (last && isSameRow && line.x0 >= last.x1 && line.x0 - last.x1 < 3 * line.size) {
      joined[joined.length - 1] = { ...last, text: `${last.text} ${line.text}`, x1: line.x1 };
    } else {
      joined.push(line);
    }
  }
  return joined;
}

/**
 * The first column gutter across the lines: an interior band at least 4 points wide that at most
 * a third as many lines cross as fill the columns either side, with two or more lines wholly on
 * each side. Lines are whole spans, so word gaps never look like gutters.
 */
/** The widest page PDF allows, in points. */
const MAX_PAGE_WIDTH = 14_400;

function findGutter(lines: PdfLine[]): { start: number; end: number } | null {
  const left = Math.floor(lines.reduce((least, line) => Math.min(least, line.x0), Number.POSITIVE_INFINITY));
  const right = Math.ceil(lines.reduce((most, line) => Math.max(most, line.x1), Number.NEGATIVE_INFINITY));
  // No page is wider than PDF's 14,400 points; text placed far outside one is read as one column.
  if (!(right - left <= MAX_PAGE_WIDTH)) return null;
  const coverage = new Array<number>(right - left + 1).fill(0);
  for (const line of lines) {
    for (let x = Math.ceil(line.x0) - left; x <= Math.floor(line.x1) - left; x += 1) coverage[x]! += 1;
  }
  // The most lines over any point before x (peakBefore[x]) and from x on (peakFrom[x]).
  const peakBefore = new Array<number>(coverage.length + 1).fill(0);
  const peakFrom = new Array<number>(coverage.length + 1).fill(0);
  for (let index = 0; index < coverage.length; index += 1) {
    peakBefore[index + 1] = Math.max(peakBefore[index]!, coverage[index]!);
  }
  for (let index = coverage.length - 1; index >= 0; index -= 1) {
    peakFrom[index] = Math.max(peakFrom[index + 1]!, coverage[index]!);
  }
  const peak = (from: number, to: number) => (from === 0 ? peakBefore[Math.max(0, to)]! : peakFrom[from]!);
  let x = 0;
  while (x < coverage.length) {
    const leftPeak = peak(0, x);
    const threshold = leftPeak / 3;
    if (leftPeak === 0 || coverage[x]! > threshold) {
      x += 1;
      continue;
    }
    let end = x;
    while (end < coverage.length && coverage[end]! <= threshold) end += 1;
    // The gutter proper is the widest stretch of this low band that the fewest lines cross: the
    // ragged ends of lines next to it are column, not gutter.
    const fewest = Math.min(...coverage.slice(x, end));
    let bestStart = x;
    let bestEnd = x;
    for (let from = x; from < end; from += 1) {
      if (coverage[from] !== fewest) continue;
      let to = from;
      while (to < end && coverage[to] === fewest) to += 1;
      if (to - from > bestEnd - bestStart) {
        bestStart = from;
        bestEnd = to;
      }
      from = to;
    }
    const start = bestStart + left;
    const stop = bestEnd + left;
    const isWide = stop - start >= 4;
    const rightPeak = peak(end, coverage.length);
    const isBetweenColumns =
      isWide &&
      end < coverage.length &&
      fewest <= rightPeak / 3 &&
      lines.filter((line) => line.x1 <= start).length >= 2 &&
      lines.filter((line) => line.x0 >= stop).length >= 2;
    if (isBetweenColumns) return { start, end: stop };
    x = end;
  }
  return null;
}
