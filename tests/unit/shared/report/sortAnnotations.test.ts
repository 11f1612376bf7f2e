import { describe, expect, it } from 'vitest';
import { sortAnnotations } from '../../../../shared/report';

describe('sortAnnotations', () => {
  it('orders by start, then longer first, then id, without changing its input', () => {
    const annotations = [
      { id: 'b', start: 5, end: 9 },
      { id: 'c', start: 0, end: 3 },
      { id: 'a', start: 5, end: 9 },
      { id: 'd', start: 5, end: 20 },
    ];
    expect(sortAnnotations(annotations).map((annotation) => annotation.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(annotations.map((annotation) => annotation.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});
