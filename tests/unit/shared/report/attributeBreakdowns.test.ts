import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../../shared/model';
import { attributeBreakdowns } from '../../../../shared/report/attributeBreakdowns';

const claim: Tag = {
  key: 'claim',
  label: 'Claim',
  color: '#d9480f',
  description: '',
  shortcut: null,
  underline: 'solid',
  archived: false,
  attributes: [
    { key: 'verdict', label: 'Verdict', type: 'choice', options: ['true', 'false'] },
    { key: 'stance', label: 'Stance', type: 'choice', options: ['for', 'against'] },
    { key: 'note', label: 'Note', type: 'text' },
  ],
};
const quote: Tag = {
  ...claim,
  key: 'quote',
  label: 'Quote',
  attributes: [
    { key: 'speaker', label: 'Speaker', type: 'text', suggest: true },
    { key: 'cue', label: 'Cue', type: 'text', suggest: true },
  ],
};
const unused: Tag = { ...claim, key: 'opinion', label: 'Opinion' };

const annotation = (tag: string, attributes: Annotation['attributes']) => ({ tag, attributes });

describe('attributeBreakdowns', () => {
  const breakdowns = attributeBreakdowns(
    [claim, quote, unused],
    [
      annotation('claim', { verdict: 'false' }),
      annotation('claim', { verdict: ' false ', note: 'free text is not counted' }),
      annotation('claim', { verdict: 'disputed' }),
      annotation('claim', {}),
      annotation('quote', { speaker: 'Bea', cue: 'said' }),
      annotation('quote', { speaker: 'Ann' }),
      annotation('quote', { speaker: 'Bea' }),
    ],
  );

  it('counts a choice in the codebook order, unused options at 0, other values after, blanks as not set', () => {
    expect(breakdowns[0]).toEqual({
      tag: { key: 'claim', label: 'Claim' },
      attribute: { key: 'verdict', label: 'Verdict', type: 'choice' },
      rows: [
        { value: 'true', count: 0 },
        { value: 'false', count: 2 },
        { value: 'disputed', count: 1 },
      ],
      unset: 1,
    });
  });

  it('counts the first completed text attribute most frequent first, and skips what nobody filled in', () => {
    expect(breakdowns.map((item) => `${item.tag.key}.${item.attribute.key}`)).toEqual([
      'claim.verdict',
      'quote.speaker',
    ]);
    expect(breakdowns[1]?.rows).toEqual([
      { value: 'Bea', count: 2 },
      { value: 'Ann', count: 1 },
    ]);
  });
});
