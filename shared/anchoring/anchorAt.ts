import { CONTEXT_LENGTH } from '../model';
import { splitsSurrogatePair } from './words';

/** What an annotation stores about its place: the quoted text and some context either side. */
export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * The quote, prefix and suffix of a range: `prefix` and `suffix` hold up to 32 characters of
 * context, never half a surrogate pair, so the annotation can be found again if the text changes.
 */
export function anchorAt(text: string, start: number, end: number): Anchor {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/** Whether a range is a valid annotation range of `text`: in bounds, non-empty, whole code points. */
export function isValidRange(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < end &&
    end <= text.length &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end)
  );
}
