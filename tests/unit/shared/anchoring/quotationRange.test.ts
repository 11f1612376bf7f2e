import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotationRange } from '../../../../shared/anchoring';

/** The quotation around the first occurrence of `needle`, or null. */
function quotationAround(text: string, needle: string): string | null {
  const at = text.indexOf(needle);
  const range = quotationRange(text, { start: at, end: at + needle.length });
  return range && text.slice(range.start, range.end);
}

describe('quotationRange', () => {
  it('finds the quotation around a range, marks included, in every style of mark', () => {
    expect(quotationAround('He said “IS inspired attacks” today.', 'inspired')).toBe('“IS inspired attacks”');
    expect(quotationAround('He said "no way" and left.', 'way')).toBe('"no way"');
    expect(quotationAround('Il a dit «non merci» hier.', 'non')).toBe('«non merci»');
    expect(quotationAround('Er sagte „nein danke“ gestern.', 'danke')).toBe('„nein danke“');
    expect(quotationAround('She said ‘fine’ twice.', 'fine')).toBe('‘fine’');
    expect(quotationAround('Sie sagte ‹ja› dann.', 'ja')).toBe('‹ja›');
  });

  it('takes a range touching or covering the marks, and an empty range', () => {
    const text = 'He said “no” twice.';
    const open = text.indexOf('“');
    const quotation = { start: open, end: text.indexOf('”') + 1 };
    expect(quotationRange(text, { start: open, end: open + 2 })).toEqual(quotation);
    expect(quotationRange(text, { start: open + 1, end: open + 3 })).toEqual(quotation);
    expect(quotationRange(text, { start: open + 2, end: open + 2 })).toEqual(quotation);
  });

  it('tells opening straight quotes from closing ones by what surrounds them', () => {
    expect(quotationAround('"Hello, " he said.', 'Hello')).toBe('"Hello, "');
    expect(quotationAround('A ("quoted") word', 'quoted')).toBe('"quoted"');
    expect(quotationAround('Height 6" and "tall" too', 'tall')).toBe('"tall"');
    expect(quotationAround('Height 6" and more', 'and')).toBeNull();
  });

  it('goes from the inner quotation to the outer one, then stays', () => {
    const text = '“He told me ‘never again’ twice,” she said.';
    const at = text.indexOf('never');
    const inner = quotationRange(text, { start: at, end: at + 5 })!;
    expect(text.slice(inner.start, inner.end)).toBe('‘never again’');
    const outer = quotationRange(text, inner)!;
    expect(text.slice(outer.start, outer.end)).toBe('“He told me ‘never again’ twice,”');
    expect(quotationRange(text, outer)).toEqual(outer);
  });

  it('does not take apostrophes for closing marks', () => {
    expect(quotationAround('She said ‘don’t go’ and left.', 'go')).toBe('‘don’t go’');
    expect(quotationAround('She said ‘don’t go’ and left.', 'don')).toBe('‘don’t go’');
    expect(quotationAround('It’s the students’ books, don’t you think', 'books')).toBeNull();
  });

  it('returns null when no quotation encloses the range', () => {
    expect(quotationAround('No quotes here.', 'quotes')).toBeNull();
    expect(quotationAround('“Unclosed and “closed” marks', 'Unclosed')).toBeNull();
    expect(quotationAround('“One” and “two”', 'and')).toBeNull();
  });

  it('never crosses a line or block break', () => {
    expect(quotationAround('“one\n\ntwo”', 'one')).toBeNull();
    expect(quotationAround('“one\n\ntwo”', 'one\n\ntwo')).toBeNull();
    expect(quotationAround('“a\n\n“b” c”', 'b')).toBe('“b”');
  });

  it('keeps quotations around characters outside the Basic Multilingual Plane whole', () => {
    expect(quotationAround('He wrote “😀 ok” then', '😀')).toBe('“😀 ok”');
  });
});

describe('quotationRange properties', () => {
  const OPENING = '“"«„‘‹';
  const CLOSING = '”"»“’›';
  const pieces = fc.constantFrom(...['a', 'é', ' ', ' ', '(', '\n', '😀', ...OPENING, ...CLOSING]);
  const cases = fc
    .array(pieces, { maxLength: 40 })
    .map((parts) => parts.join(''))
    .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })));

  it('gives a quotation within a line that contains the range and is marked at both ends', () => {
    fc.assert(
      fc.property(cases, ([text, a, b]) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        const range = quotationRange(text, { start, end });
        if (range === null) return;
        expect(range.start).toBeLessThanOrEqual(start);
        expect(range.end).toBeGreaterThanOrEqual(end);
        const quotation = text.slice(range.start, range.end);
        expect(quotation.length).toBeGreaterThanOrEqual(2);
        expect(OPENING).toContain(quotation.at(0));
        expect(CLOSING).toContain(quotation.at(-1));
        expect(quotation).not.toContain('\n');
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same quotation again, or a larger one around it', () => {
    fc.assert(
      fc.property(cases, ([text, a, b]) => {
        const range = quotationRange(text, { start: a, end: b });
        if (range === null) return;
        const again = quotationRange(text, range)!;
        expect(again.start <= range.start && again.end >= range.end).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
