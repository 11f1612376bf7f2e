import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInsideWord, isWhitespace, snapToWords } from '../../../../shared/anchoring';

const TEXT = 'The United States claims the coalition has only caused 173 casualties.\n\nSee the pattern?';

describe('snapToWords', () => {
  it('widens edges that cut words to the whole words', () => {
    const start = TEXT.indexOf('nited');
    const end = TEXT.indexOf('casualties') + 5;
    const range = snapToWords(TEXT, { start, end });
    expect(TEXT.slice(range!.start, range!.end)).toBe(
      'United States claims the coalition has only caused 173 casualties',
    );
  });

  it('drops white space at the edges, including no-break spaces and block separators', () => {
    const text = 'one\u00a0two  \n\nthree';
    const range = snapToWords(text, { start: 3, end: text.length - 5 });
    expect(text.slice(range!.start, range!.end)).toBe('two');
  });

  it('keeps words joined by apostrophes, hyphens and digit separators whole', () => {
    const text = 'It’s 17-year olds, 2,000 fighters and U.S policy';
    const cut = (needle: string, from: number, to: number) => {
      const at = text.indexOf(needle);
      const range = snapToWords(text, { start: at + from, end: at + to });
      return text.slice(range!.start, range!.end);
    };
    expect(cut('It’s', 1, 2)).toBe('It’s');
    expect(cut('17-year', 3, 4)).toBe('17-year');
    expect(cut('2,000', 2, 3)).toBe('2,000');
    expect(cut('U.S', 2, 3)).toBe('U.S');
  });

  it('keeps punctuation the user selected and leaves punctuation they did not', () => {
    const text = 'He said “IS inspired attacks” today.';
    const at = text.indexOf('“');
    const range = snapToWords(text, { start: at, end: text.indexOf('”') + 1 });
    expect(text.slice(range!.start, range!.end)).toBe('“IS inspired attacks”');
  });

  it('returns null for a selection of white space only, and accepts a reversed range', () => {
    expect(snapToWords('a   b', { start: 1, end: 4 })).toBeNull();
    expect(snapToWords('alpha beta', { start: 8, end: 2 })).toEqual({ start: 0, end: 10 });
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    const text = 'emoji 😀😀 word𝒳s end';
    const at = text.indexOf('😀');
    const range = snapToWords(text, { start: at + 1, end: at + 3 })!;
    expect(text.slice(range.start, range.end)).toBe('😀😀');
    const math = text.indexOf('𝒳');
    const inside = snapToWords(text, { start: math + 1, end: math + 2 })!;
    expect(text.slice(inside.start, inside.end)).toBe('word𝒳s');
  });
});

describe('snapToWords properties', () => {
  const alphabet = fc.constantFrom(...'ab Zé1-’,.\u00a0\n“”😀'.match(/./gsu)!);
  const texts = fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((characters) => characters.join(''));
  const cases = texts.chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
  );

  it('gives a range inside the text, on word edges, without outer white space, covering the selection', () => {
    fc.assert(
      fc.property(cases, ([text, a, b]) => {
        const range = snapToWords(text, { start: a, end: b });
        const selected = text.slice(Math.min(a, b), Math.max(a, b));
        if (range === null) {
          expect(selected.trim()).toBe('');
          return;
        }
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.start).toBeLessThan(range.end);
        expect(range.end).toBeLessThanOrEqual(text.length);
        expect(isInsideWord(text, range.start)).toBe(false);
        expect(isInsideWord(text, range.end)).toBe(false);
        const snapped = text.slice(range.start, range.end);
        expect(isWhitespace(String.fromCodePoint(snapped.codePointAt(0)!))).toBe(false);
        expect(snapped).not.toMatch(/\s$/u);
        expect(snapped.includes(selected.trim().replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, ''))).toBe(
          true,
        );
        expect(snapped.isWellFormed()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(cases, ([text, a, b]) => {
        const range = snapToWords(text, { start: a, end: b });
        if (range) expect(snapToWords(text, range)).toEqual(range);
      }),
      { numRuns: 2000 },
    );
  });
});
