import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceRange } from '../../../../shared/anchoring';
import { splitsSurrogatePair } from '../../../../shared/anchoring/words';

/** The sentence(s) around the first occurrence of `needle`, cut `from` and `to` code units into it. */
function sentenceAround(text: string, needle: string, from = 0, to = needle.length): string {
  const at = text.indexOf(needle);
  const range = sentenceRange(text, { start: at + from, end: at + to });
  return text.slice(range.start, range.end);
}

describe('sentenceRange', () => {
  it('extends a range to the sentence around it, ending with its punctuation', () => {
    const text = 'He left. She stayed! Did they? Yes… No';
    expect(sentenceAround(text, 'She', 1, 2)).toBe('She stayed!');
    expect(sentenceAround(text, 'they')).toBe('Did they?');
    expect(sentenceAround(text, 'Yes')).toBe('Yes…');
    expect(sentenceAround(text, 'No')).toBe('No');
  });

  it('covers every sentence the range touches', () => {
    const text = 'He left. She stayed! Did they?';
    expect(sentenceAround(text, 'left. She')).toBe('He left. She stayed!');
  });

  it('takes the white space between two sentences to both', () => {
    const text = 'One. Two.';
    const range = sentenceRange(text, { start: 4, end: 5 });
    expect(text.slice(range.start, range.end)).toBe('One. Two.');
  });

  it('keeps closing quotation marks and brackets after the punctuation', () => {
    expect(sentenceAround('“Go home.” He left.', 'home')).toBe('“Go home.”');
    expect(sentenceAround('It ended (did it?) Then it began.', 'ended')).toBe('It ended (did it?)');
    expect(sentenceAround('They asked, “Really?!” Then nothing.', 'Really')).toBe('They asked, “Really?!”');
  });

  it('goes on where a quoted question is followed by a word in lower case', () => {
    expect(sentenceAround('“Why?” he asked. Fine.', 'Why')).toBe('“Why?” he asked.');
  });

  it('does not end sentences at initials, abbreviations, decimals or inner periods', () => {
    const text = 'Mr. J. Smith met Dr. Jones in the U.S. on Jan. 5 at 3.5 p.m. today. Then he left.';
    expect(sentenceAround(text, 'Smith')).toBe(text.slice(0, text.indexOf(' Then')));
    expect(sentenceAround(text, 'Then')).toBe('Then he left.');
    expect(sentenceAround('Take fruit, e.g. Apples. Or not.', 'fruit')).toBe('Take fruit, e.g. Apples.');
  });

  it('matches abbreviations in their usual case only', () => {
    expect(sentenceAround('He lives at No. 10 Downing Street. Then', 'lives')).toBe(
      'He lives at No. 10 Downing Street.',
    );
    expect(sentenceAround('He said no. Then he left.', 'said')).toBe('He said no.');
  });

  it('never crosses a line or block break', () => {
    const text = 'First paragraph without a stop\n\nSecond one. Third.';
    expect(sentenceAround(text, 'paragraph')).toBe('First paragraph without a stop');
    expect(sentenceAround(text, 'stop\n\nSecond')).toBe('First paragraph without a stop');
    expect(sentenceAround(text, 'Second')).toBe('Second one.');
    expect(sentenceAround('line one\nline two', 'two')).toBe('line two');
  });

  it('gives the empty range where a line has no sentence', () => {
    expect(sentenceRange('A.\n\nB.', { start: 3, end: 3 })).toEqual({ start: 3, end: 3 });
    expect(sentenceRange('', { start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('moves edges in white space at the edge of a line inwards to the nearest sentence', () => {
    const text = '  One. Two.  ';
    expect(sentenceRange(text, { start: 0, end: 1 })).toEqual({ start: 2, end: 6 });
    expect(sentenceRange(text, { start: 12, end: 13 })).toEqual({ start: 7, end: 11 });
  });

  it('accepts a reversed range and never splits a character outside the Basic Multilingual Plane', () => {
    const text = '😀 fun. 😀 more.';
    const second = text.lastIndexOf('😀');
    expect(sentenceRange(text, { start: second + 1, end: second + 1 })).toEqual({
      start: second,
      end: text.length,
    });
    expect(sentenceRange(text, { start: 5, end: 1 })).toEqual({ start: 0, end: 7 });
  });
});

describe('sentenceRange properties', () => {
  const pieces = fc.constantFrom(
    ...['a', 'B', 'Mr', 'J', 'e.g', '1', ' ', ' ', '\u00a0', '.', '?', '!', '…', '”', ')', '“', '😀', '\n'],
  );
  const texts = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
  /** Texts shaped like canonical article text: trimmed blocks joined by "\n\n". */
  const articles = fc
    .array(
      fc.array(pieces, { maxLength: 15 }).map((parts) => parts.join('').replaceAll('\n', ' ').trim()),
      { minLength: 1, maxLength: 4 },
    )
    .map((blocks) => blocks.join('\n\n'));
  const casesOf = (arbitrary: fc.Arbitrary<string>) =>
    arbitrary.chain((text) =>
      fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
    );

  it('is idempotent', () => {
    fc.assert(
      fc.property(casesOf(texts), ([text, a, b]) => {
        const range = sentenceRange(text, { start: a, end: b });
        expect(sentenceRange(text, range)).toEqual(range);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a range without line breaks, outer white space or split characters', () => {
    fc.assert(
      fc.property(casesOf(texts), ([text, a, b]) => {
        const range = sentenceRange(text, { start: a, end: b });
        expect(0 <= range.start && range.start <= range.end && range.end <= text.length).toBe(true);
        const sentence = text.slice(range.start, range.end);
        expect(sentence).not.toContain('\n');
        expect(sentence).not.toMatch(/^\s|\s$/u);
        expect(splitsSurrogatePair(text, range.start)).toBe(false);
        expect(splitsSurrogatePair(text, range.end)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('contains a range that stays within a block', () => {
    fc.assert(
      fc.property(casesOf(articles), ([text, a, b]) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        fc.pre(!text.slice(start, end).includes('\n'));
        const range = sentenceRange(text, { start, end });
        expect(range.start).toBeLessThanOrEqual(start);
        expect(range.end).toBeGreaterThanOrEqual(end);
      }),
      { numRuns: 3000 },
    );
  });
});
