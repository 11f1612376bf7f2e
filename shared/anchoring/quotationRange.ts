import type { TextRange } from './snapToWords';
import { characterAt, characterBefore, isWhitespace, isWordCharacter } from './words';

/** The opening marks each closing mark may close: „ opens German quotes, which close with “ (or ”). */
const OPENERS_OF: ReadonlyMap<string, readonly string[]> = new Map([
  ['”', ['“', '„']],
  ['“', ['„']],
  ['»', ['«']],
  ['›', ['‹']],
  ['’', ['‘']],
  ['"', ['"']],
]);
/** Marks that only ever open a quotation. */
const OPENERS = new Set(['“', '„', '«', '‹', '‘']);
/** What may come right before a straight double quote that opens a quotation, besides white space. */
const BEFORE_OPENING = new Set(['(', '[', '{', '“', '„', '«', '‹', '‘', '—', '–']);

/** An opening mark not closed yet, found while reading a line. */
interface OpenMark {
  mark: string;
  index: number;
}

/**
 * The smallest quotation enclosing `range`, marks included: “…”, "…", «…», „…“, ‘…’ or ‹…›. A range
 * that already is a whole quotation gets the next quotation around it, or itself when there is none.
 * Quotations never cross a line break; null when no quotation encloses the range.
 *
 * A ’ followed by a letter is an apostrophe ("don’t"), not a closing mark. A straight " opens when it
 * follows the line's start, white space or an opening bracket or dash and is followed by something
 * other than white space; otherwise it closes.
 */
export function quotationRange(text: string, range: TextRange): TextRange | null {
  const start = Math.max(0, Math.min(range.start, range.end, text.length));
  const end = Math.min(text.length, Math.max(range.start, range.end, 0));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  if (end > lineEnd) return null;
  // Quotations nest, so the first one found around the range that is not the range itself is the
  // smallest; the innermost ones close first.
  let same: TextRange | null = null;
  for (const quotation of quotationsOf(text, lineStart, lineEnd)) {
    if (quotation.start > start || quotation.end < end) continue;
    if (quotation.start < start || quotation.end > end) return quotation;
    same = quotation;
  }
  return same;
}

/** The quotations of one line, marks included, each listed before any quotation around it. */
function quotationsOf(text: string, lineStart: number, lineEnd: number): TextRange[] {
  const quotations: TextRange[] = [];
  const open: OpenMark[] = [];
  for (let index = lineStart; index < lineEnd; index += characterAt(text, index).length) {
    const mark = characterAt(text, index);
    const closes = closesQuotation(text, index, mark) ? OPENERS_OF.get(mark) : undefined;
    const opener = closes === undefined ? -1 : open.findLastIndex((entry) => closes.includes(entry.mark));
    const entry = open[opener];
    if (entry !== undefined) {
      // Marks opened inside and never closed were not quotation marks after all.
      open.length = opener;
      quotations.push({ start: entry.index, end: index + mark.length });
    } else if (OPENERS.has(mark) || (mark === '"' && !closes)) {
      open.push({ mark, index });
    }
  }
  return quotations;
}

/** Whether `mark` at `index` would close a quotation, were one open that it can close. */
function closesQuotation(text: string, index: number, mark: string): boolean {
  if (mark === '’') return !isWordCharacter(characterAt(text, index + 1));
  if (mark !== '"') return OPENERS_OF.has(mark);
  const before = characterBefore(text, index);
  const after = characterAt(text, index + 1);
  const opening = before === '' || isWhitespace(before) || BEFORE_OPENING.has(before);
  return !opening || after === '' || isWhitespace(after);
}
