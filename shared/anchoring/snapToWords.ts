import {
  characterAt,
  characterBefore,
  isInsideWord,
  isWhitespace,
  nextIndex,
  previousIndex,
  splitsSurrogatePair,
} from './words';

/** A half-open range of UTF-16 offsets into a text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Snaps a selection to whole words: white space at either edge is dropped and an edge that cuts a
 * word is moved outwards to the word's edge. Returns null when nothing but white space is selected.
 */
export function snapToWords(text: string, range: TextRange): TextRange | null {
  let start = Math.max(0, Math.min(range.start, range.end, text.length));
  let end = Math.min(text.length, Math.max(range.start, range.end, 0));
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  while (start < end && isWhitespace(characterAt(text, start))) start = nextIndex(text, start);
  while (end > start && isWhitespace(characterBefore(text, end))) end = previousIndex(text, end);
  if (start >= end) return null;
  while (isInsideWord(text, start)) start = previousIndex(text, start);
  while (isInsideWord(text, end)) end = nextIndex(text, end);
  return { start, end };
}
