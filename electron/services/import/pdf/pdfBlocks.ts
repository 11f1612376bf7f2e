import type { BlockDraft } from '../../../../shared/model';
import type { PdfLine } from './pdfLines';
import type { LaidOutPage } from './runningLines';

type LineKind = 'heading' | 'italic' | 'body' | 'bullet';

/** A line with the edges of the column it belongs to. */
interface PlacedLine extends PdfLine {
  kind: LineKind;
  columnLeft: number;
  columnRight: number;
}

/** A block being built from lines. */
interface OpenBlock {
  kind: LineKind;
  text: string;
  size: number;
  page: number;
  pageBreaks: number[];
  isInset: boolean;
  /** Where a list item's text starts: its wrapped lines start there too. */
  textLeft: number;
  /** A list item's number, when its marker is one. */
  number: number | null;
}

/**
 * Rebuilds an article's blocks from its lines in reading order. A paragraph ends at a wider gap
 * than the text's line spacing, at a first-line indent, or where the font changes; it carries on
 * across a column or page when the last line ran to the column's edge or ended mid-sentence.
 * A word hyphenated at a line's end is joined again (the hyphen kept only where the document
 * spells the word with one elsewhere). Larger or bold short lines are headings; an italic
 * paragraph inset from both edges is a quotation; a line led by a bullet or number set apart
 * from its text, a list item.
 * Each block records the page it starts on and the offsets where later pages begin.
 */
export function pdfBlocks(pages: LaidOutPage[]): BlockDraft[] {
  const lines = pages.flatMap((page) => page.lines);
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const placed = placeInColumns(pages, body);
  const hyphenated = new Set(
    lines.flatMap((line) => line.text.match(/\p{L}+-\p{L}+/gu) ?? []).map((word) => word.toLowerCase()),
  );
  const blocks: OpenBlock[] = [];
  let open: OpenBlock | null = null;
  let previous: PlacedLine | null = null;
  for (const line of placed) {
    if (open && previous && continues(open, previous, line)) {
      append(open, line, hyphenated);
    } else {
      if (open) blocks.push(open);
      open = start(line);
    }
    previous = line;
  }
  if (open) blocks.push(open);
  const headingSizes = [
    ...new Set(blocks.filter((block) => block.kind === 'heading').map((block) => block.size)),
  ].sort((p, q) => q - p);
  return blocks.map((block) => toDraft(block, headingSizes));
}

/** The size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.size, (characters.get(line.size) ?? 0) + line.text.length);
  return [...characters].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function placeInColumns(pages: LaidOutPage[], body: number): PlacedLine[] {
  return pages.flatMap((page) => {
    const bodyLines = page.lines.filter((line) => line.size === body);
    return page.lines.map((line) => {
      const peers = bodyLines.filter((other) => other.x0 < line.x1 && other.x1 > line.x0);
      return {
        ...line,
        kind: kindOf(line, body),
        columnLeft: Math.min(
          line.x0,
          sharedEdge(
            peers.map((other) => other.x0),
            1,
          ),
        ),
        columnRight: Math.max(
          line.x1,
          sharedEdge(
            peers.map((other) => other.x1),
            -1,
          ),
        ),
      };
    });
  });
}

/**
 * A column's edge: the outermost position (leftmost for `direction` 1, rightmost for -1) that
 * three lines share, so one line sticking out (a hanging number, a long address) does not move it.
 */
function sharedEdge(positions: number[], direction: 1 | -1): number {
  const sorted = [...positions].sort((p, q) => direction * (p - q));
  const needed = Math.min(3, sorted.length);
  const edge = sorted.find(
    (position) => sorted.filter((other) => Math.abs(other - position) < 1).length >= needed,
  );
  return edge ?? sorted[0] ?? Number.NaN;
}

function kindOf(line: PdfLine, body: number): LineKind {
  if (line.marker !== null) return 'bullet';
  if (line.size > body * 1.1 || (line.isBold && line.text.length < 80)) return 'heading';
  return line.isItalic ? 'italic' : 'body';
}

function continues(block: OpenBlock, previous: PlacedLine, line: PlacedLine): boolean {
  const indent = line.x0 - line.columnLeft;
  if (block.kind === 'bullet') {
    if (line.kind === 'bullet' || Math.abs(line.x0 - block.textLeft) > 0.5 * line.size) return false;
  } else if (line.kind !== block.kind) {
    return false;
  }
  const isIndented = indent > 0.6 * line.size && block.kind === 'body';
  const isSameColumn = previous.page === line.page && Math.abs(previous.columnLeft - line.columnLeft) < 2;
  if (isSameColumn) {
    const gap = previous.y - line.y;
    return gap > 0 && gap < 1.45 * 1.3 * line.size && !isIndented;
  }
  const ranToEdge = previous.columnRight - previous.x1 < 1.5 * previous.size;
  return (ranToEdge || !/[.!?:”"’)]$/u.test(previous.text)) && !isIndented;
}

function start(line: PlacedLine): OpenBlock {
  const inset = 0.6 * line.size;
  const number = line.marker === null ? Number.NaN : Number.parseInt(line.marker, 10);
  return {
    kind: line.kind,
    text: line.text,
    size: line.size,
    page: line.page,
    pageBreaks: [],
    isInset: line.x0 - line.columnLeft > inset && line.columnRight - line.x1 > inset,
    textLeft: line.x0,
    number: Number.isNaN(number) ? null : number,
  };
}

function append(block: OpenBlock, line: PlacedLine, hyphenated: Set<string>): void {
  const isNewPage = line.page !== block.page + block.pageBreaks.length;
  const head = /(\p{L}+)-$/u.exec(block.text);
  const tail = /^\p{Ll}+/u.exec(line.text);
  let joined: string;
  if (head && tail) {
    const keepsHyphen = hyphenated.has(`${head[1]}-${tail[0]}`.toLowerCase());
    joined = keepsHyphen ? block.text : block.text.slice(0, -1);
  } else {
    joined = `${block.text} `;
  }
  if (isNewPage) {
    for (let page = block.page + block.pageBreaks.length + 1; page <= line.page; page += 1) {
      block.pageBreaks.push(joined.length);
    }
  }
  block.text = joined + line.text;
}

function toDraft(block: OpenBlock, headingSizes: number[]): BlockDraft {
  const placement = {
    page: block.page,
    ...(block.pageBreaks.length > 0 ? { pageBreaks: block.pageBreaks } : {}),
  };
  const base = { text: block.text, marks: [], ...placement };
  if (block.kind === 'heading') {
    return { type: 'heading', level: Math.min(6, headingSizes.indexOf(block.size) + 1), ...base };
  }
  if (block.kind === 'bullet' && block.number !== null) {
    return { type: 'listItem', ordered: true, number: block.number, ...base };
  }
  if (block.kind === 'bullet') return { type: 'listItem', ordered: false, ...base };
  if (block.kind === 'italic' && block.isInset) return { type: 'blockquote', ...base };
  return { type: 'paragraph', ...base };
}
