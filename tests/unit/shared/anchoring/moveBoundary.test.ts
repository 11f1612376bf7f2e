import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/anchoring';
import { isInsideWord, isWordCharacter, moveBoundary, snapToWords } from '../../../../shared/anchoring';
import { splitsSurrogatePair } from '../../../../shared/anchoring/words';

const TEXT = 'He said “IS inspired attacks, then” left.';

/** The range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): TextRange {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length };
}

/** The text of `range` moved, or null. */
function moved(text: string, needle: string, edge: 'start' | 'end', direction: -1 | 1): string | null {
  const range = moveBoundary(text, rangeOf(text, needle), edge, direction);
  return range && text.slice(range.start, range.end);
}

describe('moveBoundary', () => {
  it('moves the end on to the end of the next word, leaving punctuation after it out', () => {
    expect(moved(TEXT, 'IS inspired', 'end', 1)).toBe('IS inspired attacks');
    expect(moved(TEXT, 'IS inspired attacks', 'end', 1)).toBe('IS inspired attacks, then');
    expect(moved(TEXT, '“IS inspired attacks, then”', 'end', 1)).toBe('“IS inspired attacks, then” left');
  });

  it('moves the end back past the last word to the end of the one before', () => {
    expect(moved(TEXT, 'IS inspired attacks', 'end', -1)).toBe('IS inspired');
    expect(moved(TEXT, '“IS inspired attacks, then”', 'end', -1)).toBe('“IS inspired attacks');
  });

  it('moves the start back to the start of the previous word', () => {
    expect(moved(TEXT, 'IS inspired', 'start', -1)).toBe('said “IS inspired');
    expect(moved(TEXT, '“IS inspired', 'start', -1)).toBe('said “IS inspired');
  });

  it('moves the start on past the first word to the start of the next', () => {
    expect(moved(TEXT, 'IS inspired attacks', 'start', 1)).toBe('inspired attacks');
    expect(moved(TEXT, '“IS inspired attacks', 'start', 1)).toBe('inspired attacks');
    expect(moved(TEXT, 'attacks, then', 'start', 1)).toBe('then');
  });

  it('keeps words joined by apostrophes, hyphens and inner periods whole', () => {
    const text = 'The U.S. officials don’t know 17-year olds';
    expect(moved(text, 'officials', 'start', -1)).toBe('U.S. officials');
    expect(moved(text, 'The', 'end', 1)).toBe('The U.S');
    expect(moved(text, 'officials', 'end', 1)).toBe('officials don’t');
    expect(moved(text, 'don’t know 17-year', 'end', -1)).toBe('don’t know');
  });

  it('crosses blocks, as an annotation may span paragraphs', () => {
    const text = 'one two.\n\nthree four';
    expect(moved(text, 'three', 'start', -1)).toBe('two.\n\nthree');
    expect(moved(text, 'two', 'end', 1)).toBe('two.\n\nthree');
    expect(moved(text, 'two.\n\nthree', 'end', -1)).toBe('two');
    expect(moved(text, 'two.\n\nthree', 'start', 1)).toBe('three');
  });

  it('returns null rather than leave the range without a word or pass the edge of the text', () => {
    expect(moved(TEXT, 'inspired', 'start', 1)).toBeNull();
    expect(moved(TEXT, 'inspired', 'end', -1)).toBeNull();
    expect(moved(TEXT, '“IS', 'start', 1)).toBeNull();
    expect(moved(TEXT, 'IS”', 'end', -1)).toBeNull();
    expect(moved(TEXT, 'He', 'start', -1)).toBeNull();
    expect(moved(TEXT, 'left', 'end', 1)).toBeNull();
    expect(moved(TEXT, 'left.', 'end', 1)).toBeNull();
  });

  it('steps over characters outside the Basic Multilingual Plane whole', () => {
    const text = 'a 😀 𝒳y b';
    expect(moved(text, 'a', 'end', 1)).toBe('a 😀 𝒳y');
    expect(moved(text, 'b', 'start', -1)).toBe('𝒳y b');
  });
});

describe('moveBoundary properties', () => {
  const pieces = fc.constantFrom(...['a', 'Zé', '1', ' ', '-', '’', ',', '.', '“', '”', '\n', '😀', '𝒳']);
  const texts = fc
    .array(pieces, { minLength: 1, maxLength: 40 })
    .map((parts) => parts.join(''))
    .filter((text) => [...text].some(isWordCharacter));
  /** Texts with a range snapped to whole words, as annotations have. */
  const cases = texts
    .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })))
    .map(([text, a, b]) => [text, snapToWords(text, { start: a, end: b })] as const)
    .filter((entry): entry is readonly [string, TextRange] => entry[1] !== null);
  const moves = fc.tuple(
    fc.constantFrom('start' as const, 'end' as const),
    fc.constantFrom(-1 as const, 1 as const),
  );
  const isWordStart = (text: string, index: number) =>
    isWordCharacter(String.fromCodePoint(text.codePointAt(index) ?? 0x20)) && !isInsideWord(text, index);
  const isWordEnd = (text: string, index: number) =>
    index > 0 && isWordCharacter([...text.slice(0, index)].at(-1)!) && !isInsideWord(text, index);

  it('gives a non-empty range in the text, with the moved edge on a word edge and the other kept', () => {
    fc.assert(
      fc.property(cases, moves, ([text, range], [edge, direction]) => {
        const result = moveBoundary(text, range, edge, direction);
        if (result === null) return;
        expect(0 <= result.start && result.start < result.end && result.end <= text.length).toBe(true);
        const kept = edge === 'start' ? 'end' : 'start';
        expect(result[kept]).toBe(range[kept]);
        expect(result[edge]).not.toBe(range[edge]);
        expect(edge === 'start' ? isWordStart(text, result.start) : isWordEnd(text, result.end)).toBe(true);
        expect(isInsideWord(text, result[edge])).toBe(false);
        expect(splitsSurrogatePair(text, result[edge])).toBe(false);
        expect(result.start < range.start || result.end > range.end).toBe(
          direction === (edge === 'start' ? -1 : 1),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('brings a start on a word back after moving it back and on again', () => {
    fc.assert(
      fc.property(cases, ([text, range]) => {
        fc.pre(isWordStart(text, range.start));
        const extended = moveBoundary(text, range, 'start', -1);
        if (extended === null) return;
        expect(moveBoundary(text, extended, 'start', 1)).toEqual(range);
      }),
      { numRuns: 3000 },
    );
  });

  it('brings an end on a word back after moving it on and back again', () => {
    fc.assert(
      fc.property(cases, ([text, range]) => {
        fc.pre(isWordEnd(text, range.end));
        const extended = moveBoundary(text, range, 'end', 1);
        if (extended === null) return;
        expect(moveBoundary(text, extended, 'end', -1)).toEqual(range);
      }),
      { numRuns: 3000 },
    );
  });

  it('returns null only where no word lies beyond the edge or the range would lose its last word', () => {
    fc.assert(
      fc.property(cases, moves, ([text, range], [edge, direction]) => {
        fc.pre(moveBoundary(text, range, edge, direction) === null);
        const extending = direction === (edge === 'start' ? -1 : 1);
        const [from, to] = extending
          ? edge === 'start'
            ? [0, range.start]
            : [range.end + 1, text.length + 1]
          : edge === 'start'
            ? [range.start, range.end]
            : [range.start + 1, range.end + 1];
        const isEdge = edge === 'start' ? isWordStart : isWordEnd;
        let edges = 0;
        for (let index = from; index < to; index += 1) if (isEdge(text, index)) edges += 1;
        expect(edges).toBeLessThanOrEqual(extending ? 0 : 1);
      }),
      { numRuns: 3000 },
    );
  });
});
