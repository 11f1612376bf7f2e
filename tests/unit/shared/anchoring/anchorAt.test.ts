import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt, isValidRange, placeBlocks } from '../../../../shared/anchoring';
import { CONTEXT_LENGTH } from '../../../../shared/model';

describe('anchorAt', () => {
  it('keeps the quote and up to 32 characters either side', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    const anchor = anchorAt(text, 40, 45);
    expect(anchor).toEqual({ quote: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });

  it('never cuts a surrogate pair in its context', () => {
    const text = `${'😀'.repeat(20)}x${'😀'.repeat(20)}`;
    const at = text.indexOf('x');
    const anchor = anchorAt(text, at, at + 1);
    expect(anchor.prefix.isWellFormed()).toBe(true);
    expect(anchor.suffix.isWellFormed()).toBe(true);
    expect(anchor.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
  });

  it('holds the offset invariant for any valid range', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
          .chain((text) =>
            fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
          ),
        ([text, a, b]) => {
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          if (!isValidRange(text, start, end)) return;
          const anchor = anchorAt(text, start, end);
          expect(text.slice(start, end)).toBe(anchor.quote);
          expect(text.slice(0, start).endsWith(anchor.prefix)).toBe(true);
          expect(text.slice(end).startsWith(anchor.suffix)).toBe(true);
        },
      ),
    );
  });
});

describe('isValidRange', () => {
  it('refuses empty, reversed, out-of-bounds and half-character ranges', () => {
    expect(isValidRange('abc', 0, 3)).toBe(true);
    expect(isValidRange('abc', 1, 1)).toBe(false);
    expect(isValidRange('abc', 2, 1)).toBe(false);
    expect(isValidRange('abc', 0, 4)).toBe(false);
    expect(isValidRange('abc', -1, 2)).toBe(false);
    expect(isValidRange('a😀', 0, 2)).toBe(false);
    expect(isValidRange('a😀', 1.5, 3)).toBe(false);
  });
});

describe('placeBlocks', () => {
  it('joins blocks with a blank line and places each one', () => {
    const { text, blocks } = placeBlocks([
      { type: 'heading', level: 1, text: 'Title', marks: [] },
      { type: 'paragraph', text: 'Body.', marks: [] },
    ]);
    expect(text).toBe('Title\n\nBody.');
    expect(blocks.map((block) => text.slice(block.start, block.end))).toEqual(['Title', 'Body.']);
  });
});
