import type { Annotation, Article, EvidenceLink, Tag } from '../model';
import type { ReportInput } from './reportInput';
import { sortAnnotations } from './sortAnnotations';

/** A person or organization, by name: who wrote an article, published it or reviewed a claim. */
export interface SchemaAgent {
  '@type': 'Person' | 'Organization';
  name: string;
}

/** A verdict: always as written (`alternateName`), with a number only for the default verdicts. */
export interface ClaimRating {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}

/** The annotated article, where the claim appears. */
export interface ClaimAppearance {
  '@type': 'CreativeWork';
  headline: string;
  url?: string;
  author?: SchemaAgent;
  publisher?: SchemaAgent;
  datePublished?: string;
  inLanguage?: string;
}

/** The claim a review is about, by where it appears (Margin records no speaker for claims). */
export interface ReviewedClaim {
  '@type': 'Claim';
  appearance: ClaimAppearance;
}

/** One piece of evidence the reviewer links to. */
export interface ClaimCitation {
  '@type': 'CreativeWork';
  url: string;
  description?: string;
}

/** One schema.org ClaimReview: a claim annotation and its verdict. */
export interface ClaimReview {
  '@type': 'ClaimReview';
  /** The annotation's id, so a pipeline can join the review to the JSON report. */
  identifier: string;
  claimReviewed: string;
  reviewRating: ClaimRating;
  itemReviewed: ReviewedClaim;
  author?: SchemaAgent;
  datePublished?: string;
  citation?: ClaimCitation[];
}

/** The ClaimReview export: one JSON-LD document holding every review. */
export interface ClaimReviewDocument {
  '@context': 'https://schema.org';
  '@graph': ClaimReview[];
}

/** The worst numeric rating: a false claim. */
export const CLAIM_RATING_WORST = 1;
/** The best numeric rating: a true claim. */
export const CLAIM_RATING_BEST = 5;

/**
 * The numeric rating of each default verdict, from 1 (false) to 5 (true), as Google asks: the
 * closer to `bestRating`, the truer. "unverified" and "unprovable" are not points on a truth scale,
 * and a custom verdict's place on it is unknown, so those get no number.
 */
export const CLAIM_RATING_SCALE: ReadonlyMap<string, number> = new Map([
  ['true', 5],
  ['mostly true', 4],
  ['mixed', 3],
  ['misleading', 2],
  ['false', 1],
]);

const VERDICT_KEY = 'verdict';
const EVIDENCE_KEY = 'evidence';
const WEB_ADDRESS = /^https?:\/\//i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * The reviewed claims as schema.org ClaimReview JSON-LD, the markup fact-checkers publish: one
 * review per annotation whose tag is `claim` or declares a `verdict` attribute, and whose verdict is
 * a non-blank string; a claim without a verdict is not reviewed yet and is left out. Documents in
 * input order, annotations in text order.
 *
 * - `claimReviewed` is the quote exactly (Google suggests under 75 characters; the passage is the claim).
 * - `reviewRating.alternateName` is the verdict as written; the default verdicts also get a number
 *   on `CLAIM_RATING_SCALE` (matched ignoring case and extra spaces), others only the text.
 * - `itemReviewed` is a `Claim` whose `appearance` is the article: a `CreativeWork` (Margin cannot
 *   tell a news article from a report or a press release) with its headline, its URL when the source
 *   is an http(s) address, the byline as author ("By " dropped; an Organization when it names the
 *   site, else a Person), the site as publisher, the date and language when known. The claim has no
 *   author: the article may report someone else's claim, and Margin records no claimant.
 * - `author` is the first comment's author: Margin has no reviewer field, and whoever opens the
 *   discussion of a claim is the one checking it. Without comments it is left out, not guessed.
 * - `datePublished` is the day the annotation was last changed (its verdict set), YYYY-MM-DD.
 * - `citation` lists the `evidence` links (schema.org's citation: works a CreativeWork refers to),
 *   web addresses only: a local path means nothing to a reader and would expose the analyst's files.
 * - No `url`: it must be the page that publishes the fact check, which does not exist at export;
 *   the article's address (with or without a text fragment) would name the claim, not the review.
 *   The publishing step adds it, and escapes `<` when it embeds the JSON in a script element.
 */
export function buildClaimReviews(inputs: readonly ReportInput[]): ClaimReviewDocument {
  const graph: ClaimReview[] = [];
  for (const input of inputs) {
    const tagsByKey = new Map(input.tags.map((tag) => [tag.key, tag]));
    const appearance = articleAppearance(input.article);
    for (const annotation of sortAnnotations(input.annotations)) {
      const verdict = annotation.attributes[VERDICT_KEY];
      if (typeof verdict !== 'string' || verdict.trim() === '') continue;
      if (!hasVerdict(annotation.tag, tagsByKey.get(annotation.tag))) continue;
      graph.push(claimReview(annotation, verdict, appearance));
    }
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

function hasVerdict(key: string, tag: Tag | undefined): boolean {
  return key === 'claim' || (tag?.attributes.some((definition) => definition.key === VERDICT_KEY) ?? false);
}

function claimReview(annotation: Annotation, verdict: string, appearance: ClaimAppearance): ClaimReview {
  const review: ClaimReview = {
    '@type': 'ClaimReview',
    identifier: annotation.id,
    claimReviewed: annotation.quote,
    reviewRating: rating(verdict),
    itemReviewed: { '@type': 'Claim', appearance: { ...appearance } },
  };
  const reviewer = annotation.comments[0]?.author.trim();
  if (reviewer) review.author = { '@type': 'Person', name: reviewer };
  if (ISO_DAY.test(annotation.updatedAt)) review.datePublished = annotation.updatedAt.slice(0, 10);
  const evidence = annotation.attributes[EVIDENCE_KEY];
  const citations = Array.isArray(evidence) ? evidence.flatMap(citation) : [];
  if (citations.length > 0) review.citation = citations;
  return review;
}

function rating(verdict: string): ClaimRating {
  const value = CLAIM_RATING_SCALE.get(verdict.trim().replace(/\s+/g, ' ').toLowerCase());
  if (value === undefined) return { '@type': 'Rating', alternateName: verdict };
  return {
    '@type': 'Rating',
    alternateName: verdict,
    ratingValue: value,
    bestRating: CLAIM_RATING_BEST,
    worstRating: CLAIM_RATING_WORST,
  };
}

function citation(link: EvidenceLink): ClaimCitation[] {
  const url = link.url.trim();
  if (!WEB_ADDRESS.test(url)) return [];
  return [
    link.note.trim() === ''
      ? { '@type': 'CreativeWork', url }
      : { '@type': 'CreativeWork', url, description: link.note },
  ];
}

function articleAppearance(article: Article): ClaimAppearance {
  const appearance: ClaimAppearance = { '@type': 'CreativeWork', headline: article.title };
  const source = article.source.trim();
  if (WEB_ADDRESS.test(source)) appearance.url = source;
  const siteName = article.siteName?.trim() ?? '';
  const byline = article.byline?.trim().replace(/^by\s+/i, '') ?? '';
  if (byline !== '') {
    const isSite = byline.toLowerCase() === siteName.toLowerCase();
    appearance.author = { '@type': isSite ? 'Organization' : 'Person', name: byline };
  }
  if (siteName !== '') appearance.publisher = { '@type': 'Organization', name: siteName };
  if (article.publishedAt !== null && ISO_DATE_TIME.test(article.publishedAt)) {
    appearance.datePublished = article.publishedAt;
  }
  if (article.lang) appearance.inLanguage = article.lang;
  return appearance;
}
