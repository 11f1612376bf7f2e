import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../../shared/report';

const tags = [{ key: 'claim' }, { key: 'quote' }, { key: 'opinion' }];

describe('computeStats', () => {
  it('measures the union of overlapping, nested and touching ranges', () => {
    // Text of 20 characters; covered: [2,8) ∪ [5,10) ∪ [6,7) = [2,10), then [10,12) touching it, then [15,16).
    const annotations = [
      { tag: 'claim', start: 2, end: 8 },
      { tag: 'quote', start: 5, end: 10 },
      { tag: 'claim', start: 6, end: 7 },
      { tag: 'opinion', start: 10, end: 12 },
      { tag: 'claim', start: 15, end: 16 },
    ];
    const stats = computeStats('a'.repeat(20), tags, annotations);
    expect(stats.coverage).toBe(11 / 20);
    expect(stats.annotationCount).toBe(5);
    expect(stats.byTag).toEqual({ claim: 3, quote: 1, opinion: 1 });
  });

  it('lists unused tags with 0 and counts unknown tags under their own key, whatever the key', () => {
    const stats = computeStats('hello world', tags, [
      { tag: 'constructor', start: 0, end: 5 },
      { tag: 'constructor', start: 6, end: 11 },
    ]);
    expect(stats.byTag).toEqual({ claim: 0, quote: 0, opinion: 0, constructor: 2 });
    expect(stats.coverage).toBe(10 / 11);
  });

  it('gives 0 for an empty text and never more than 1', () => {
    expect(computeStats('', tags, []).coverage).toBe(0);
    expect(computeStats('abc', tags, [{ tag: 'claim', start: 0, end: 99 }]).coverage).toBe(1);
  });
});
