import { describe, expect, it } from 'vitest';
import {
  countByTag,
  filterAnnotations,
  NO_FILTER,
  valuesOf,
} from '../../../../../renderer/src/annotations/filterAnnotations';
import { adjacentAnnotation } from '../../../../../renderer/src/editor/textOrderedList';
import type { Annotation, Comment } from '../../../../../shared/model';

let next = 0;
function annotation(tag: string, quote: string, extras: Partial<Annotation> = {}): Annotation {
  next += 100;
  const start = next;
  return {
    id: crypto.randomUUID(),
    documentId: '00000000-0000-4000-8000-000000000000',
    tag,
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    attributes: {},
    comments: [],
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...extras,
  };
}

const comment = (body: string, resolvedAt: string | null = null): Comment => ({
  id: crypto.randomUUID(),
  author: 'Ann',
  body,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  resolvedAt,
  replies: [],
});

const list = [
  annotation('claim', '66 countries', { attributes: { verdict: 'true' }, comments: [comment('Checked')] }),
  annotation('quote', 'a real danger', {
    attributes: { speaker: 'Europol', stance: 'negative' },
    comments: [comment('Who said it?', '2026-11-27T11:00:00.000Z')],
  }),
  annotation('claim', '173 casualties', {
    attributes: { verdict: 'false' },
    comments: [comment('Airwars says 1,200')],
  }),
  annotation('opinion', 'See the pattern?'),
];

describe('filterAnnotations', () => {
  it('returns the very same list when nothing is filtered', () => {
    expect(filterAnnotations(list, NO_FILTER)).toBe(list);
  });

  it('filters by tag, attribute, open threads and words in quotes, comments and attributes', () => {
    const quotes = (filter: Partial<typeof NO_FILTER>) =>
      filterAnnotations(list, { ...NO_FILTER, ...filter }).map((entry) => entry.quote);
    expect(quotes({ tags: new Set(['claim']) })).toEqual(['66 countries', '173 casualties']);
    expect(quotes({ attributes: { verdict: 'false' } })).toEqual(['173 casualties']);
    expect(quotes({ isUnresolvedOnly: true })).toEqual(['66 countries', '173 casualties']);
    expect(quotes({ query: 'AIRWARS 1,200' })).toEqual(['173 casualties']);
    expect(quotes({ query: 'europol' })).toEqual(['a real danger']);
    expect(quotes({ query: 'danger', tags: new Set(['claim']) })).toEqual([]);
  });

  it('counts per tag and lists the values an attribute takes, the most used first', () => {
    expect(countByTag(list)).toEqual(
      new Map([
        ['claim', 2],
        ['quote', 1],
        ['opinion', 1],
      ]),
    );
    expect(valuesOf([...list, list[2]!], 'verdict')).toEqual(['false', 'true']);
  });
});

describe('adjacentAnnotation', () => {
  it('steps through a list in text order, wrapping, and from where a hidden annotation would stand', () => {
    expect(adjacentAnnotation(list, undefined, 1)).toBe(list[0]);
    expect(adjacentAnnotation(list, undefined, -1)).toBe(list[3]);
    expect(adjacentAnnotation(list, list[1], 1)).toBe(list[2]);
    expect(adjacentAnnotation(list, list[3], 1)).toBe(list[0]);
    expect(adjacentAnnotation(list, list[0], -1)).toBe(list[3]);
    const claims = [list[0]!, list[2]!];
    expect(adjacentAnnotation(claims, list[1], 1)).toBe(list[2]);
    expect(adjacentAnnotation(claims, list[1], -1)).toBe(list[0]);
    expect(adjacentAnnotation([], list[1], 1)).toBeUndefined();
  });
});
