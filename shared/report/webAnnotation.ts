import { anchorAt } from '../anchoring';
import type { Annotation, AttributeDefinition, Comment, EvidenceLink, Tag } from '../model';
import type { ReportInput } from './reportInput';
import { sortAnnotations } from './sortAnnotations';

/** The JSON-LD context every Web Annotation document names (W3C Web Annotation Data Model §3.1). */
export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The Motivation instances of the Web Annotation Vocabulary, the only values `motivation` and `purpose` take. */
export const WEB_ANNOTATION_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
/** A Motivation instance of the vocabulary. */
export type WebAnnotationMotivation = (typeof WEB_ANNOTATION_MOTIVATIONS)[number];

/** What the export includes besides the tags and attributes. */
export interface WebAnnotationOptions {
  /** Whether comment threads travel, as `commenting` bodies and their replies as `replying` ones. */
  includeComments: boolean;
}

/** An agent: the person who wrote a comment, or the program that wrote the file. */
export interface WebAnnotationAgent {
  type: 'Person' | 'Software';
  name: string;
}

/** A body whose text travels inside the annotation: the tag's label, an attribute, a comment. */
export interface WebAnnotationTextualBody {
  /** Only on comments: `urn:uuid:` and the comment's id, so a thread can be matched across exports. */
  id?: string;
  type: 'TextualBody';
  purpose: WebAnnotationMotivation;
  value: string;
  format: 'text/plain';
  creator?: WebAnnotationAgent;
  created?: string;
  modified?: string;
}

/** A body that is a resource named by its IRI, with the reason it is there: the tag's key, an evidence link. */
export interface WebAnnotationResourceBody {
  type: 'SpecificResource';
  purpose: WebAnnotationMotivation;
  source: string;
}

/** A body of an annotation. */
export type WebAnnotationBody = WebAnnotationTextualBody | WebAnnotationResourceBody;

/** The passage by its words and the context either side (the Data Model's Text Quote Selector). */
export interface WebAnnotationTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** The passage by its place in the text, counted in Unicode code points (the Data Model's Text Position Selector). */
export interface WebAnnotationTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The annotated passage: its document and two selectors that pick the same characters in it. */
export interface WebAnnotationTarget {
  type: 'SpecificResource';
  source: string;
  selector: [WebAnnotationTextQuoteSelector, WebAnnotationTextPositionSelector];
}

/** One Margin annotation as a Web Annotation. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'classifying';
  created: string;
  modified: string;
  body: WebAnnotationBody[];
  target: WebAnnotationTarget;
}

/** The one page of a collection, embedded in it (so without its own `@context`). */
export interface WebAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

/** A file of Web Annotations: every annotation of one or more documents, in one ordered collection. */
export interface WebAnnotationCollection {
  '@context': typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: WebAnnotationAgent;
  generated: string;
  /** The page of annotations; absent when there are none, as a page must hold at least one. */
  first?: WebAnnotationPage;
  /** The IRI of the last page, the same as the first: everything fits on one. */
  last?: string;
}

/**
 * The annotations of one or more documents as a W3C Web Annotation collection (JSON-LD), for tools
 * that read the standard rather than Margin's report. Documents come in input order and each
 * document's annotations in text order, all on one embedded page, so the same input always gives
 * the same file. Generator and date come from the first input (one export builds them all at once).
 *
 * Choices the vocabulary leaves open, and why:
 * - `motivation` is `classifying`: a Margin tag is a category of a shared codebook (claim, quote,
 *   opinion), and applying it files the passage under that category, which is the vocabulary's
 *   "classify the Target as something". Each body still says why it is there with its own `purpose`.
 * - The tag travels twice: its label as a `TextualBody` with purpose `tagging` (what tag-aware
 *   clients show), and its key as a `SpecificResource` with purpose `classifying` whose `source` is
 *   `urn:margin:tag:<key>`. The Data Model gives an IRI a purpose only through a SpecificResource
 *   (§4.1, "Purpose for External Web Resources"), and an IRI keeps the key apart from the label.
 * - Attributes are `TextualBody`s reading "Label: value" with purpose `describing`, except the
 *   `verdict` attribute (a claim's), which judges the passage and so is `assessing`. Empty values
 *   are left out; attributes the tag does not declare follow under their keys, sorted.
 *   A web address (an evidence link, a `url` attribute) also becomes a `SpecificResource` with
 *   purpose `linking` ("link to a resource related to the Target"); other schemes stay text only.
 * - Comments are `commenting` bodies and replies, at any depth, `replying` ones, in thread order.
 *   The model records no annotation author, so annotations carry no `creator`.
 * - The target's `source` is the article's address when it is an http(s) URL (serialised as the URL
 *   standard does, so characters an IRI forbids are percent-encoded), else `urn:uuid:<article id>`.
 *   Both selectors count in the article's canonical text as Margin imported it, which may differ
 *   from the live page: the quote with its context is what re-anchors there.
 * - Positions are Unicode code points, as the Data Model requires, converted from the model's
 *   UTF-16 offsets in one pass over each text. An offset that splits a surrogate pair (invalid data)
 *   is widened to the whole character, start backwards and end forwards, and the quote, prefix and
 *   suffix are taken from the text at those widened offsets, so the two selectors always agree.
 * - The collection's id is `urn:margin:collection:` and the document ids joined by commas, so
 *   exporting the same documents again names the same collection; its page adds `:page:1`.
 *
 * Throws a RangeError when `inputs` is empty: a collection names the documents it covers.
 */
export function buildWebAnnotationCollection(
  inputs: readonly ReportInput[],
  options: WebAnnotationOptions,
): WebAnnotationCollection {
  const head = inputs[0];
  if (head === undefined) throw new RangeError('A Web Annotation collection needs at least one document.');
  const documentIds = [...new Set(inputs.map((input) => input.article.id))];
  const id = `urn:margin:collection:${documentIds.join(',')}`;
  const items = inputs.flatMap((input) => documentAnnotations(input, options));
  const collection: WebAnnotationCollection = {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: documentIds.length === 1 ? head.article.title : `${documentIds.length} articles`,
    total: items.length,
    generator: { type: 'Software', name: head.generator },
    generated: head.generatedAt,
  };
  if (items.length > 0) {
    const pageId = `${id}:page:1`;
    collection.first = { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items };
    collection.last = pageId;
  }
  return collection;
}

/** One document's annotations, in text order. */
function documentAnnotations(input: ReportInput, options: WebAnnotationOptions): WebAnnotation[] {
  const { text } = input.article;
  const source = webAddress(input.article.source) ?? `urn:uuid:${input.article.id}`;
  const tags = new Map(input.tags.map((tag) => [tag.key, tag]));
  const annotations = sortAnnotations(input.annotations);
  // Offsets outside the text (invalid data) are clamped to it, so every annotation still exports.
  const ranges = annotations.map((annotation) => {
    const start = clamp(annotation.start, 0, text.length);
    return { start, end: clamp(annotation.end, start, text.length) };
  });
  const boundaries = codePointBoundaries(
    text,
    ranges.flatMap((range) => [range.start, range.end]),
  );
  return annotations.map((annotation, index) => {
    const range = ranges[index]!;
    const start = boundaries.get(range.start)!;
    const end = boundaries.get(range.end)!;
    // A start inside a surrogate pair moves back over the high half, an end inside one forward over the low half.
    const startUnit = start.splits ? range.start - 1 : range.start;
    const endUnit = end.splits ? range.end + 1 : range.end;
    const anchor = anchorAt(text, startUnit, endUnit);
    return {
      id: `urn:uuid:${annotation.id}`,
      type: 'Annotation',
      motivation: 'classifying',
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      body: annotationBodies(annotation, tags.get(annotation.tag), options),
      target: {
        type: 'SpecificResource',
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix },
          {
            type: 'TextPositionSelector',
            start: start.codePoints,
            end: end.splits ? end.codePoints + 1 : end.codePoints,
          },
        ],
      },
    };
  });
}

function annotationBodies(
  annotation: Annotation,
  tag: Tag | undefined,
  options: WebAnnotationOptions,
): WebAnnotationBody[] {
  const bodies: WebAnnotationBody[] = [
    textBody('tagging', tag?.label ?? annotation.tag),
    { type: 'SpecificResource', purpose: 'classifying', source: `urn:margin:tag:${annotation.tag}` },
  ];
  for (const attribute of attributeEntries(annotation.attributes, tag?.attributes ?? [])) {
    bodies.push(...attributeBodies(attribute));
  }
  if (options.includeComments) {
    for (const comment of annotation.comments) pushThread(bodies, comment, 'commenting');
  }
  return bodies;
}

/** A value of an annotation attribute; the model exports only its schema. */
type AttributeValue = Annotation['attributes'][string];

/** One attribute with the label and type its tag gives it. */
interface AttributeEntry {
  key: string;
  label: string;
  type: AttributeDefinition['type'] | undefined;
  value: AttributeValue;
}

/**
 * The attributes worth exporting: those the tag declares, in its order, then any others (from
 * another analyst's codebook) under their keys, sorted so the order never depends on the input.
 */
function attributeEntries(
  attributes: Annotation['attributes'],
  definitions: readonly AttributeDefinition[],
): AttributeEntry[] {
  const entries: AttributeEntry[] = [];
  const declared = new Set<string>();
  for (const definition of definitions) {
    declared.add(definition.key);
    const value = attributes[definition.key];
    if (value !== undefined && !isEmpty(value)) {
      entries.push({ key: definition.key, label: definition.label, type: definition.type, value });
    }
  }
  const others = Object.keys(attributes)
    .filter((key) => !declared.has(key))
    .sort();
  for (const key of others) {
    const value = attributes[key];
    if (value !== undefined && !isEmpty(value)) entries.push({ key, label: key, type: undefined, value });
  }
  return entries;
}

function isEmpty(value: AttributeValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((link) => link.url.trim() === '' && link.note.trim() === '');
  return false;
}

function attributeBodies({ key, label, type, value }: AttributeEntry): WebAnnotationBody[] {
  if (Array.isArray(value)) return value.flatMap((link) => linkBodies(label, link));
  if (typeof value === 'string' && type === 'url') return linkBodies(label, { url: value, note: '' });
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return [textBody(key === 'verdict' ? 'assessing' : 'describing', `${label}: ${text}`)];
}

/** An evidence link as text ("Label: address — note"), and as a linked resource when it is a web address. */
function linkBodies(label: string, link: EvidenceLink): WebAnnotationBody[] {
  const url = link.url.trim();
  const note = link.note.trim();
  if (url === '' && note === '') return [];
  const text = [url, note].filter((part) => part !== '').join(' — ');
  const bodies: WebAnnotationBody[] = [textBody('describing', `${label}: ${text}`)];
  const address = webAddress(url);
  if (address !== null) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: address });
  return bodies;
}

/** A comment and, depth first, its replies. */
function pushThread(bodies: WebAnnotationBody[], comment: Comment, purpose: 'commenting' | 'replying'): void {
  const body = textBody(purpose, comment.body);
  body.id = `urn:uuid:${comment.id}`;
  if (comment.author.trim() !== '') body.creator = { type: 'Person', name: comment.author };
  body.created = comment.createdAt;
  body.modified = comment.updatedAt;
  bodies.push(body);
  for (const reply of comment.replies) pushThread(bodies, reply, 'replying');
}

function textBody(purpose: WebAnnotationMotivation, value: string): WebAnnotationTextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

/** Characters an IRI may not hold in its path, query or fragment, which the URL standard leaves as they are. */
const IRI_UNSAFE = /[\s"<>[\\\]^`{|}]|%(?![0-9A-Fa-f]{2})/g;

/**
 * An http(s) address as an IRI: parsed and serialised by the URL standard (which percent-encodes
 * spaces, quotes and angle brackets), then the few characters it leaves but an IRI forbids encoded
 * too. Null for any other scheme or an address that does not parse.
 */
function webAddress(address: string): string | null {
  const trimmed = address.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const tail = `${url.pathname}${url.search}${url.hash}`;
  const head = url.href.slice(0, url.href.length - tail.length);
  return head + tail.replace(IRI_UNSAFE, percentEncode);
}

function percentEncode(character: string): string {
  return encodeURIComponent(character);
}

/** Where a UTF-16 offset falls among the code points of a text. */
interface CodePointBoundary {
  /** How many code points end at or before the offset. */
  codePoints: number;
  /** Whether the offset falls between the two halves of a surrogate pair (invalid, but defined). */
  splits: boolean;
}

/**
 * The code point position of each UTF-16 offset, found in one walk over the text after sorting the
 * offsets once, so many annotations on a long text stay linear. A surrogate pair counts as one code
 * point and a lone surrogate as one, as the string iterator (`Array.from`) counts them.
 */
function codePointBoundaries(text: string, offsets: readonly number[]): Map<number, CodePointBoundary> {
  const sorted = Float64Array.from(offsets).sort();
  const boundaries = new Map<number, CodePointBoundary>();
  let unit = 0;
  let codePoints = 0;
  for (const offset of sorted) {
    if (boundaries.has(offset)) continue;
    while (unit < offset) {
      const width = isSurrogatePairAt(text, unit) ? 2 : 1;
      if (unit + width > offset) break;
      unit += width;
      codePoints += 1;
    }
    boundaries.set(offset, { codePoints, splits: unit !== offset });
  }
  return boundaries;
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
