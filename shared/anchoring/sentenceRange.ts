import type { TextRange } from './snapToWords';
import { isWhitespace, splitsSurrogatePair } from './words';

/** Characters that can end a sentence. */
const TERMINATORS = new Set(['.', '!', '?', '…']);
/** Closing quotation marks and brackets that stay with the sentence they close: `.”`, `?)`. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', '“', ')', ']', '}']);
/**
 * Words that end with a period without ending the sentence. Matched case-sensitively, so that
 * "No. 10" is kept whole while "He said no." still ends a sentence.
 */
const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'St',
  'Jr',
  'Sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'E.g',
  'I.e',
  'No',
  'Nos',
  'Gen',
  'Sen',
  'Rep',
  'Gov',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
]);
const LETTER = /^\p{L}$/u;
const UPPERCASE = /^\p{Lu}$/u;
const LOWERCASE = /^\p{Ll}$/u;

/**
 * Extends a range to the whole sentence(s) it touches: the start goes back to the start of the
 * sentence holding `range.start`, the end forward to the end of the sentence holding `range.end - 1`,
 * closing punctuation and quotation marks included, white space around excluded.
 *
 * Sentences never cross a line break, so a range reaching past the line of its start is cut at that
 * line's end. White space between two sentences belongs to the sentence before it for the start and to
 * the sentence after it for the end, so the result still covers the range. White space at the edge of
 * a line belongs to no sentence: an edge there moves inwards to the nearest sentence, and a line with
 * no sentence at all gives the empty range at the start.
 */
export function sentenceRange(text: string, range: TextRange): TextRange {
  let start = Math.max(0, Math.min(range.start, range.end, text.length));
  let end = Math.min(text.length, Math.max(range.start, range.end, 0));
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  end = Math.min(end, lineEnd);
  const sentences = sentencesOf(text, lineStart, lineEnd);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (first === undefined || last === undefined) return { start, end: start };
  const before = sentences.findLast((sentence) => sentence.start <= start) ?? first;
  const after = sentences.find((sentence) => sentence.end >= end) ?? last;
  return { start: before.start, end: after.end };
}

/** The sentences of one line, in order, each without white space at either edge. */
function sentencesOf(text: string, lineStart: number, lineEnd: number): TextRange[] {
  const sentences: TextRange[] = [];
  let start = skipWhitespace(text, lineStart, lineEnd);
  let index = start;
  while (index < lineEnd) {
    const character = text.charAt(index);
    if (!TERMINATORS.has(character)) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < lineEnd && TERMINATORS.has(text.charAt(end))) end += 1;
    const onlyPeriod = character === '.' && end === index + 1;
    while (end < lineEnd && CLOSERS.has(text.charAt(end))) end += 1;
    if (isSentenceEnd(text, index, end, lineEnd, onlyPeriod)) {
      sentences.push({ start, end });
      start = skipWhitespace(text, end, lineEnd);
    }
    index = end;
  }
  let end = lineEnd;
  while (end > start && isWhitespace(text.charAt(end - 1))) end -= 1;
  if (start < end) sentences.push({ start, end });
  return sentences;
}

/**
 * Whether the punctuation from `terminator` to `end` closes a sentence. It must be followed by white
 * space or the line's end ("U.S", "3.5" and "...and" go on), the next word must not start in lower
 * case ("“Why?” he asked" goes on), and a lone period must not follow an initial or an abbreviation.
 */
function isSentenceEnd(
  text: string,
  terminator: number,
  end: number,
  lineEnd: number,
  onlyPeriod: boolean,
): boolean {
  if (end < lineEnd && !isWhitespace(text.charAt(end))) return false;
  const next = skipWhitespace(text, end, lineEnd);
  if (next < lineEnd && LOWERCASE.test(text.charAt(next))) return false;
  return !(onlyPeriod && isAbbreviation(wordBefore(text, terminator)));
}

/** The letters (and inner periods, as in "e.g") just before `index`. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0) {
    const character = text.charAt(start - 1);
    const innerPeriod = character === '.' && start - 1 > 0 && LETTER.test(text.charAt(start - 2));
    if (!LETTER.test(character) && !innerPeriod) break;
    start -= 1;
  }
  return text.slice(start, index);
}

/** Whether a word before a period is an abbreviation, or ends in a capital initial ("J", "U.S"). */
function isAbbreviation(word: string): boolean {
  const lastLetter = word.slice(word.lastIndexOf('.') + 1);
  return ABBREVIATIONS.has(word) || (lastLetter.length === 1 && UPPERCASE.test(lastLetter));
}

/** The first index from `index` on that is not white space, or `end`. */
function skipWhitespace(text: string, index: number, end: number): number {
  let at = index;
  while (at < end && isWhitespace(text.charAt(at))) at += 1;
  return at;
}
