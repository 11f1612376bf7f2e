import { describe, expect, it } from 'vitest';
import type { Annotation, Article, AttributeDefinition, Tag } from '../../../../shared/model';
import type { ReportInput } from '../../../../shared/report';
import {
  buildClaimReviews,
  CLAIM_RATING_SCALE,
  type ClaimReview,
} from '../../../../shared/report/claimReview';
import {
  annotationAt,
  comment,
  HOSTILE_ATTRIBUTE,
  HOSTILE_SCRIPT,
  referenceArticle,
  sampleReportInput,
  sampleTags,
} from './sampleReportInput';

/** The claim attributes of the default codebook (migration 002). */
const defaultClaimAttributes: AttributeDefinition[] = [
  {
    key: 'verdict',
    label: 'Verdict',
    type: 'choice',
    options: ['unverified', 'true', 'mostly true', 'mixed', 'misleading', 'false', 'unprovable'],
  },
  { key: 'checkWorthiness', label: 'Check-worthiness', type: 'number', min: 1, max: 5 },
  { key: 'evidence', label: 'Evidence', type: 'links' },
];

const codebook: Tag[] = [
  { ...sampleTags[0]!, attributes: defaultClaimAttributes },
  sampleTags[1]!,
  {
    ...sampleTags[2]!,
    key: 'rumour',
    label: 'Rumour',
    attributes: [{ key: 'verdict', label: 'Verdict', type: 'text' }],
  },
];

/** One annotation to place: its text, tag and extras. */
interface Passage {
  text: string;
  tag?: string;
  extras?: Parameters<typeof annotationAt>[4];
}

/** An article made of the passages, separated by " ¶ ", with one annotation per passage. */
function inputOf(passages: readonly Passage[], article: Partial<Article> = {}): ReportInput {
  const base: Article = {
    ...referenceArticle(),
    id: '00000000-0000-4000-8000-0000000000aa',
    title: 'Claims under review',
    byline: 'By Jane Doe',
    siteName: 'The Daily',
    source: 'https://example.org/news/claims',
    publishedAt: '2025-02-01T08:00:00Z',
    lang: 'en',
    ...article,
  };
  const text = passages.map((passage) => passage.text).join(' ¶ ');
  const placed: Article = { ...base, text };
  let offset = 0;
  const annotations = passages.map((passage, index): Annotation => {
    const annotation = annotationAt(placed, passage.tag ?? 'claim', offset, offset + passage.text.length, {
      id: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      ...passage.extras,
    });
    offset += passage.text.length + ' ¶ '.length;
    return { ...annotation, updatedAt: '2025-03-20T23:59:59.000Z' };
  });
  return {
    article: placed,
    tags: codebook,
    annotations: annotations.reverse(),
    generatedAt: '2025-03-21T10:00:00.000Z',
    generator: 'Margin 0.1.0',
  };
}

const verdict = (value: Annotation['attributes'][string]): Passage['extras'] => ({
  attributes: { verdict: value },
});

describe('buildClaimReviews', () => {
  it('reviews only claims that have a verdict, in text order', () => {
    const input = inputOf([
      { text: 'Crime doubled.', extras: verdict('false') },
      { text: 'No verdict yet.' },
      { text: 'Blank verdict.', extras: verdict('   ') },
      { text: 'Null verdict.', extras: verdict(null) },
      { text: 'Numeric verdict.', extras: verdict(3) },
      { text: 'A quote with a verdict it does not declare.', tag: 'quote', extras: verdict('true') },
      { text: 'An unknown tag.', tag: 'source-check', extras: verdict('true') },
      { text: 'A rumour.', tag: 'rumour', extras: verdict('mostly true') },
    ]);
    const document = buildClaimReviews([input]);
    expect(document['@context']).toBe('https://schema.org');
    expect(document['@graph'].map((review) => review.claimReviewed)).toEqual(['Crime doubled.', 'A rumour.']);
  });

  it('rates the default verdicts on the documented 1 to 5 scale, the others by name only', () => {
    const verdicts = [
      'true',
      'Mostly True',
      'mixed',
      ' misleading ',
      'FALSE',
      'unverified',
      'unprovable',
      'half-baked',
    ];
    const input = inputOf(
      verdicts.map((value, index) => ({ text: `Claim ${index}.`, extras: verdict(value) })),
    );
    const ratings = buildClaimReviews([input])['@graph'].map((review) => review.reviewRating);
    expect(ratings.map((rating) => rating.alternateName)).toEqual(verdicts);
    expect(ratings.map((rating) => rating.ratingValue)).toEqual([
      5,
      4,
      3,
      2,
      1,
      undefined,
      undefined,
      undefined,
    ]);
    for (const rating of ratings) {
      expect(rating['@type']).toBe('Rating');
      if (rating.ratingValue === undefined) {
        expect(Object.keys(rating).sort()).toEqual(['@type', 'alternateName']);
      } else {
        expect(rating.bestRating).toBe(5);
        expect(rating.worstRating).toBe(1);
      }
    }
    expect([...CLAIM_RATING_SCALE]).toEqual([
      ['true', 5],
      ['mostly true', 4],
      ['mixed', 3],
      ['misleading', 2],
      ['false', 1],
    ]);
  });

  it('writes the required and recommended properties', () => {
    const input = inputOf([
      {
        text: 'Unemployment fell to 3%.',
        extras: {
          attributes: {
            verdict: 'mostly true',
            evidence: [
              { url: 'https://stats.example/jobs', note: 'Official series' },
              { url: 'http://archive.example/x', note: ' ' },
              { url: 'file:///home/analyst/notes.txt', note: 'local' },
              { url: 'javascript:alert(1)', note: 'hostile' },
            ],
          },
          comments: [
            comment('Ann Checker', 'Looked it up.', [comment('Bob', 'Agreed.')]),
            comment('Cy', 'Later.'),
          ],
        },
      },
    ]);
    const [review] = buildClaimReviews([input])['@graph'];
    const expected: ClaimReview = {
      '@type': 'ClaimReview',
      identifier: '00000000-0000-4000-8000-000000000000',
      claimReviewed: 'Unemployment fell to 3%.',
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'mostly true',
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          headline: 'Claims under review',
          url: 'https://example.org/news/claims',
          author: { '@type': 'Person', name: 'Jane Doe' },
          publisher: { '@type': 'Organization', name: 'The Daily' },
          datePublished: '2025-02-01T08:00:00Z',
          inLanguage: 'en',
        },
      },
      author: { '@type': 'Person', name: 'Ann Checker' },
      datePublished: '2025-03-20',
      citation: [
        { '@type': 'CreativeWork', url: 'https://stats.example/jobs', description: 'Official series' },
        { '@type': 'CreativeWork', url: 'http://archive.example/x' },
      ],
    };
    expect(review).toEqual(expected);
    // No url: the fact check's own page is not known at export (see the doc comment).
    expect(review).not.toHaveProperty('url');
  });

  it('leaves out what it does not know rather than guessing', () => {
    const input = inputOf(
      [
        { text: 'No comments.', extras: verdict('true') },
        { text: 'A blank commenter.', extras: { ...verdict('true'), comments: [comment('  ', 'hm')] } },
      ],
      { source: 'notes/article.txt', byline: null, siteName: null, publishedAt: 'last Tuesday', lang: null },
    );
    const reviews = buildClaimReviews([input])['@graph'];
    for (const review of reviews) {
      expect(review).not.toHaveProperty('author');
      expect(review).not.toHaveProperty('citation');
      expect(review.itemReviewed).toEqual({
        '@type': 'Claim',
        appearance: { '@type': 'CreativeWork', headline: 'Claims under review' },
      });
    }
  });

  it('names a byline that is the site itself as an Organization', () => {
    const input = inputOf([{ text: 'Claim.', extras: verdict('false') }], {
      byline: 'by Reuters',
      siteName: 'reuters',
    });
    const [review] = buildClaimReviews([input])['@graph'];
    expect(review?.itemReviewed.appearance.author).toEqual({ '@type': 'Organization', name: 'Reuters' });
  });

  it('reviews the sample: its one claim with a verdict, a custom one', () => {
    const { input, annotations } = sampleReportInput();
    const reviews = buildClaimReviews([input])['@graph'];
    expect(reviews).toHaveLength(1);
    const [review] = reviews;
    expect(review?.identifier).toBe(annotations.casualties.id);
    expect(review?.claimReviewed).toBe(annotations.casualties.quote);
    expect(review?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'disputed <b>' });
    expect(review?.citation).toEqual([
      { '@type': 'CreativeWork', url: 'https://airwars.org/?a=1&b="2"', description: 'Counts <b>1,200</b>' },
    ]);
    expect(review?.itemReviewed.appearance.url).toBe(input.article.source);
    expect(review?.itemReviewed.appearance.author).toEqual({
      '@type': 'Person',
      name: 'Randi Nord <em>& friends</em>',
    });
  });

  it('keeps hostile strings exact through a JSON round trip', () => {
    const hostile = [
      HOSTILE_SCRIPT,
      `</script><script>alert(1)</script>`,
      HOSTILE_ATTRIBUTE,
      'quotes " and \\ backslash',
      'line\nbreak\r\nand\u2028\u2029separators',
      'rtl \u202Eevil\u202C',
      'lone surrogate \uD800 end',
      '{"@context": "https://evil.example"}',
    ];
    const input = inputOf(
      hostile.map((text) => ({
        text,
        extras: {
          attributes: { verdict: text, evidence: [{ url: `https://e.example/?q=${text}`, note: text }] },
          comments: [comment(text, 'body')],
        },
      })),
      { title: hostile.join(' '), byline: HOSTILE_SCRIPT },
    );
    const document = buildClaimReviews([input]);
    const written = JSON.stringify(document);
    expect(JSON.parse(written)).toEqual(document);
    const reviews = (JSON.parse(written) as typeof document)['@graph'];
    expect(reviews.map((review) => review.claimReviewed)).toEqual(hostile);
    expect(reviews.map((review) => review.reviewRating.alternateName)).toEqual(hostile);
    expect(reviews.map((review) => review.author?.name)).toEqual(hostile);
    expect(reviews.map((review) => review.citation?.[0]?.description)).toEqual(hostile);
    expect(reviews[0]?.itemReviewed.appearance.headline).toBe(hostile.join(' '));
  });

  it('gathers the reviews of several documents, each pointing at its own article', () => {
    const first = inputOf([{ text: 'First claim.', extras: verdict('true') }], {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'One',
      source: 'https://one.example/a',
    });
    const second = inputOf(
      [
        { text: 'Second claim.', extras: verdict('false') },
        { text: 'Third claim.', extras: verdict('mixed') },
      ],
      { id: '00000000-0000-4000-8000-000000000002', title: 'Two', source: 'HTTPS://two.example/b' },
    );
    const reviews = buildClaimReviews([second, first])['@graph'];
    expect(
      reviews.map((review) => [
        review.itemReviewed.appearance.headline,
        review.claimReviewed,
        review.reviewRating.ratingValue,
      ]),
    ).toEqual([
      ['Two', 'Second claim.', 1],
      ['Two', 'Third claim.', 3],
      ['One', 'First claim.', 5],
    ]);
    expect(reviews[0]?.itemReviewed.appearance.url).toBe('HTTPS://two.example/b');
    expect(reviews[2]?.itemReviewed.appearance.url).toBe('https://one.example/a');
    expect(buildClaimReviews([])).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });
});
