import type { TextRange } from './snapToWords';
import {
  characterAt,
  characterBefore,
  isInsideWord,
  isWordCharacter,
  nextIndex,
  previousIndex,
} from './words';

/**
 * Moves one edge of a range by one word, as keyboard commands that grow or shrink an annotation do.
 * The start moves back to the start of the previous word (-1) or on past the range's first word to
 * the start of the next one (+1); the end moves on to the end of the next word (+1) or back past the
 * range's last word to the end of the one before (-1). Edges land on the words themselves: white space
 * and punctuation between words are passed over, so moving the end over "attacks," stops after
 * "attacks". Lines and blocks are crossed like white space, as an annotation may span paragraphs.
 * Returns null when there is no word to move to or the range would be left without a word.
 */
export function moveBoundary(
  text: string,
  range: TextRange,
  edge: 'start' | 'end',
  direction: -1 | 1,
): TextRange | null {
  const start = Math.max(0, Math.min(range.start, range.end, text.length));
  const end = Math.min(text.length, Math.max(range.start, range.end, 0));
  if (edge === 'start') {
    if (direction === -1) {
      const previous = findBackward(text, start, isWordStart);
      return previous === null ? null : { start: previous, end };
    }
    const firstWordEnd = findForward(text, start, isWordEnd);
    // A word end is never a word start, so the next start after it is the next word's.
    const next = firstWordEnd === null ? null : findForward(text, firstWordEnd, isWordStart);
    return next === null || next >= end ? null : { start: next, end };
  }
  if (direction === 1) {
    const next = findForward(text, end, isWordEnd);
    return next === null ? null : { start, end: next };
  }
  const lastWordStart = findBackward(text, end, isWordStart);
  const previous = lastWordStart === null ? null : findBackward(text, lastWordStart, isWordEnd);
  return previous === null || previous <= start ? null : { start, end: previous };
}

/** Whether a word starts at `index`. */
function isWordStart(text: string, index: number): boolean {
  return isWordCharacter(characterAt(text, index)) && !isInsideWord(text, index);
}

/** Whether a word ends at `index`. */
function isWordEnd(text: string, index: number): boolean {
  return isWordCharacter(characterBefore(text, index)) && !isInsideWord(text, index);
}

/** The first index after `index` where `test` holds, or null. */
function findForward(
  text: string,
  index: number,
  test: (text: string, index: number) => boolean,
): number | null {
  for (let at = index; at < text.length; ) {
    at = nextIndex(text, at);
    if (test(text, at)) return at;
  }
  return null;
}

/** The last index before `index` where `test` holds, or null. */
function findBackward(
  text: string,
  index: number,
  test: (text: string, index: number) => boolean,
): number | null {
  for (let at = index; at > 0; ) {
    at = previousIndex(text, at);
    if (test(text, at)) return at;
  }
  return null;
}
