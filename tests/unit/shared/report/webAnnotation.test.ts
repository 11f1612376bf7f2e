import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBlocks, snapToWords } from '../../../../shared/anchoring';
import type { Annotation, Article, BlockDraft, Comment } from '../../../../shared/model';
import type { ReportInput } from '../../../../shared/report';
import { sortAnnotations } from '../../../../shared/report/sortAnnotations';
import {
  buildWebAnnotationCollection,
  type WebAnnotation,
  type WebAnnotationCollection,
  type WebAnnotationTextPositionSelector,
  type WebAnnotationTextQuoteSelector,
  type WebAnnotationTextualBody,
} from '../../../../shared/report/webAnnotation';
import {
  annotationAt,
  comment,
  HOSTILE_ATTRIBUTE,
  HOSTILE_SCRIPT,
  sampleReportInput,
  sampleTags,
} from './sampleReportInput';

// ---------------------------------------------------------------------------------------------
// The vocabulary, written out here from the W3C Web Annotation Data Model (Recommendation of
// 2017-02-23), so the test checks the exporter against the standard rather than against itself.
// ---------------------------------------------------------------------------------------------

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** §3.3.5 Motivation and Purpose: the Motivation instances, the only values of `motivation` and `purpose`. */
const MOTIVATIONS = new Set([
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
]);

/** The keys an object of one class may carry; `required` are the spec's MUSTs (plus `type`, which we dispatch on). */
interface ClassShape {
  required: readonly string[];
  optional: readonly string[];
}

/** §3.3.1-3.3.7: what any Body or Target may also carry. */
const RESOURCE_EXTRAS = ['rights', 'canonical', 'via', 'accessibility'];
/** §3.2.1: the properties of a web resource, which also apply to an embedded Textual Body. */
const WEB_RESOURCE = ['format', 'language', 'processingLanguage', 'textDirection'];
/** §3.3.2 Agents. */
const AGENT: ClassShape = {
  required: ['type'],
  optional: ['id', 'name', 'nickname', 'email', 'email_sha1', 'homepage'],
};

const VOCABULARY: Record<string, ClassShape> = {
  // §5.1 Annotation Collection; "other properties MAY be added … SHOULD come from this specification".
  AnnotationCollection: {
    required: ['@context', 'id', 'type'],
    optional: [
      'label',
      'total',
      'first',
      'last',
      'creator',
      'created',
      'modified',
      'generator',
      'generated',
      'rights',
    ],
  },
  // §5.2 Annotation Page; embedded in a Collection, so no `@context` (it SHOULD NOT have one).
  AnnotationPage: {
    required: ['id', 'type', 'items'],
    optional: ['partOf', 'next', 'prev', 'startIndex'],
  },
  // §3.1 Annotations, with §3.3 Other Properties and §4.4 `stylesheet`; embedded, so no `@context`.
  Annotation: {
    required: ['id', 'type', 'target'],
    optional: [
      'body',
      'bodyValue',
      'motivation',
      'creator',
      'created',
      'modified',
      'generator',
      'generated',
      'audience',
      'rights',
      'canonical',
      'via',
      'stylesheet',
    ],
  },
  // §3.2.4 Embedded Textual Body, §3.3.1 lifecycle (creator, created, modified on a Body), §3.3.5 purpose.
  TextualBody: {
    required: ['type', 'value'],
    optional: ['id', 'purpose', 'creator', 'created', 'modified', ...WEB_RESOURCE, ...RESOURCE_EXTRAS],
  },
  // §4 Specific Resources, §4.1 purpose, §4.2 selector, §4.3 state, §4.4 styleClass, §4.5 renderedVia, §4.6 scope.
  SpecificResource: {
    required: ['type', 'source'],
    optional: [
      'id',
      'purpose',
      'selector',
      'state',
      'styleClass',
      'renderedVia',
      'scope',
      ...RESOURCE_EXTRAS,
    ],
  },
  // §4.2.4 Text Quote Selector.
  TextQuoteSelector: { required: ['type', 'exact'], optional: ['prefix', 'suffix', 'refinedBy'] },
  // §4.2.5 Text Position Selector.
  TextPositionSelector: { required: ['type', 'start', 'end'], optional: ['refinedBy'] },
  Person: AGENT,
  Organization: AGENT,
  Software: AGENT,
};

/** The classes a relationship may point to, where our exporter embeds the object. */
const RELATIONSHIP_CLASSES: Record<string, readonly string[]> = {
  first: ['AnnotationPage'],
  items: ['Annotation'],
  body: ['TextualBody', 'SpecificResource'],
  target: ['SpecificResource'],
  selector: ['TextQuoteSelector', 'TextPositionSelector'],
  creator: ['Person', 'Organization', 'Software'],
  generator: ['Person', 'Organization', 'Software'],
};

/** Properties whose value is an IRI (Relationships given as references). */
const IRI_KEYS = new Set(['id', 'source', 'partOf', 'last', 'next', 'prev', 'homepage']);
const DATE_KEYS = new Set(['created', 'modified', 'generated']);
const COUNT_KEYS = new Set(['start', 'end', 'total', 'startIndex']);
const STRING_KEYS = new Set(['value', 'exact', 'prefix', 'suffix', 'name', 'label', 'format']);

/** An absolute IRI (RFC 3987): a scheme, then no white space or characters an IRI forbids. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}\p{Cc}]+$/iu;
/** An xsd:dateTime in UTC written with "Z", as §3.3.1 requires. */
const UTC_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every way `document` departs from the vocabulary above, as readable messages (none when it conforms). */
function vocabularyErrors(document: unknown): string[] {
  const errors: string[] = [];
  if (!isRecord(document)) return ['the document is not an object'];
  if (document['@context'] !== ANNO_CONTEXT)
    errors.push(`@context is ${JSON.stringify(document['@context'])}`);
  if (document.type !== 'AnnotationCollection') errors.push('the document is not an AnnotationCollection');
  walk(document, '$', ['AnnotationCollection'], errors);
  return errors;
}

function walk(node: unknown, path: string, classes: readonly string[], errors: string[]): void {
  if (typeof node === 'string') {
    // A relationship given as a reference must be an IRI.
    if (!IRI.test(node)) errors.push(`${path}: ${JSON.stringify(node)} is not an IRI`);
    return;
  }
  if (!isRecord(node)) {
    errors.push(`${path}: expected an object of class ${classes.join(' or ')}`);
    return;
  }
  const type = node.type;
  if (typeof type !== 'string' || !classes.includes(type)) {
    errors.push(`${path}: type ${JSON.stringify(type)} is not one of ${classes.join(', ')}`);
    return;
  }
  const shape = VOCABULARY[type];
  if (!shape) {
    errors.push(`${path}: no vocabulary for ${type}`);
    return;
  }
  for (const key of shape.required) {
    if (!(key in node)) errors.push(`${path}: ${type} lacks required ${key}`);
  }
  const allowed = new Set([...shape.required, ...shape.optional]);
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}.${key}`;
    if (!allowed.has(key)) {
      errors.push(`${at}: ${key} is not a property of ${type}`);
      continue;
    }
    if (key === '@context' && value !== ANNO_CONTEXT) errors.push(`${at}: not the anno context`);
    if (key === 'motivation' || key === 'purpose') {
      for (const motivation of [value].flat()) {
        if (typeof motivation !== 'string' || !MOTIVATIONS.has(motivation)) {
          errors.push(`${at}: ${JSON.stringify(motivation)} is not a Motivation`);
        }
      }
    }
    if (IRI_KEYS.has(key) && (typeof value !== 'string' || !IRI.test(value))) {
      errors.push(`${at}: ${JSON.stringify(value)} is not an IRI`);
    }
    if (DATE_KEYS.has(key) && (typeof value !== 'string' || !UTC_DATE_TIME.test(value))) {
      errors.push(`${at}: ${JSON.stringify(value)} is not a UTC xsd:dateTime`);
    }
    if (COUNT_KEYS.has(key) && !(Number.isInteger(value) && (value as number) >= 0)) {
      errors.push(`${at}: ${JSON.stringify(value)} is not a non-negative integer`);
    }
    if (STRING_KEYS.has(key) && typeof value !== 'string') errors.push(`${at}: not a string`);
    const targets = RELATIONSHIP_CLASSES[key];
    if (targets) {
      if (key === 'items' && (!Array.isArray(value) || value.length === 0)) {
        errors.push(`${at}: a Page MUST have 1 or more items`);
      }
      const values = Array.isArray(value) ? value : [value];
      values.forEach((child, index) => {
        walk(child, Array.isArray(value) ? `${at}[${index}]` : at, targets, errors);
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ASTRAL_ARTICLE_ID = '0f9c2a3e-7d41-4b6a-9e85-2c7b1d4f6a10';
const CREATED_AT = '2025-03-14T09:26:53.000Z';

/** An article of plain paragraphs, placed as an importer would. */
function paragraphArticle(id: string, paragraphs: readonly string[], source = 'notes.txt'): Article {
  const placed = placeBlocks(paragraphs.map((text): BlockDraft => ({ type: 'paragraph', text, marks: [] })));
  return {
    id,
    title: 'Astral 😀 test',
    byline: null,
    siteName: null,
    source,
    publishedAt: null,
    lang: 'en',
    dir: 'ltr',
    format: 'text',
    contentHash: `sha256:${createHash('sha256').update(placed.text, 'utf8').digest('hex')}`,
    text: placed.text,
    blocks: placed.blocks,
    importedAt: CREATED_AT,
  };
}

function inputFor(article: Article, annotations: Annotation[]): ReportInput {
  return {
    article,
    tags: sampleTags,
    annotations,
    generatedAt: '2025-03-14T10:00:00.000Z',
    generator: 'Margin 0.1.0',
  };
}

/** An annotation of the one occurrence of `passage` in the article. */
function on(
  article: Article,
  tagKey: string,
  passage: string,
  extras: Parameters<typeof annotationAt>[4] = {},
) {
  const start = article.text.indexOf(passage);
  if (start < 0 || article.text.indexOf(passage, start + 1) >= 0)
    throw new Error(`Not found once: ${passage}`);
  return annotationAt(article, tagKey, start, start + passage.length, extras);
}

function itemsOf(collection: WebAnnotationCollection): WebAnnotation[] {
  return collection.first?.items ?? [];
}

function selectorsOf(
  item: WebAnnotation,
): [WebAnnotationTextQuoteSelector, WebAnnotationTextPositionSelector] {
  return item.target.selector;
}

function textBodies(item: WebAnnotation, purpose: string): WebAnnotationTextualBody[] {
  return item.body.filter(
    (body): body is WebAnnotationTextualBody => body.type === 'TextualBody' && body.purpose === purpose,
  );
}

/** The code points of `text` from `start` to `end`, as the Data Model counts them. */
function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

function countThread(comments: readonly Comment[]): { top: number; replies: number } {
  let replies = 0;
  const visit = (list: readonly Comment[]) => {
    for (const entry of list) {
      replies += entry.replies.length;
      visit(entry.replies);
    }
  };
  visit(comments);
  return { top: comments.length, replies };
}

/** An article whose text has characters outside the Basic Multilingual Plane before and inside passages. */
function astralInput(): { input: ReportInput; annotations: Record<string, Annotation> } {
  const article = paragraphArticle(ASTRAL_ARTICLE_ID, [
    'Grinning 😀 first, then 𝒳 marks the spot and the flag 🇫🇷 flies over Paris.',
    'Doubled 😀😀 faces, 𝒳𝒴𝒵 letters, and a thumbs-up 👍🏽 close the 🇫🇷 piece.',
  ]);
  const annotations = {
    spot: on(article, 'claim', '𝒳 marks the spot'),
    flag: on(article, 'quote', 'flag 🇫🇷 flies over Paris', { attributes: { speaker: 'Marianne 🇫🇷' } }),
    faces: on(article, 'opinion', '😀😀 faces, 𝒳𝒴𝒵 letters', {
      comments: [comment('Zoë 𝒵', 'Astral 😀 comment', [comment('Ann', 'Reply 🇫🇷')])],
    }),
    across: on(article, 'opinion', 'Paris.\n\nDoubled 😀😀'),
    plain: on(article, 'claim', 'Grinning'),
  };
  return { input: inputFor(article, Object.values(annotations).reverse()), annotations };
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('buildWebAnnotationCollection', () => {
  const { input, annotations } = sampleReportInput();
  const collection = buildWebAnnotationCollection([input], { includeComments: true });
  const items = itemsOf(collection);

  it('writes an AnnotationCollection with the anno context, a label, a total and one embedded page', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe(`urn:margin:collection:${input.article.id}`);
    expect(collection.label).toBe(input.article.title);
    expect(collection.total).toBe(10);
    expect(collection.generator).toEqual({ type: 'Software', name: 'Margin 0.1.0' });
    expect(collection.generated).toBe(input.generatedAt);
    expect(collection.first).toMatchObject({
      id: `${collection.id}:page:1`,
      type: 'AnnotationPage',
      partOf: collection.id,
      startIndex: 0,
    });
    expect(collection.last).toBe(collection.first?.id);
    expect(items).toHaveLength(collection.total);
  });

  it('uses only the vocabulary of the Data Model, with every required property and valid values', () => {
    expect(vocabularyErrors(collection)).toEqual([]);
    expect(vocabularyErrors(JSON.parse(JSON.stringify(collection)))).toEqual([]);
    const withoutComments = buildWebAnnotationCollection([input], { includeComments: false });
    expect(vocabularyErrors(withoutComments)).toEqual([]);
    expect(
      vocabularyErrors(buildWebAnnotationCollection([astralInput().input], { includeComments: true })),
    ).toEqual([]);
  });

  it('has a vocabulary check that fails on a misspelt key, a wrong value or a missing property', () => {
    const mutations: Array<(copy: WebAnnotationCollection & Record<string, unknown>) => void> = [
      (copy) => {
        const body = copy.first!.items[0]!.body[0] as unknown as Record<string, unknown>;
        body.purpse = body.purpose;
        delete body.purpose;
      },
      (copy) => {
        (copy.first!.items[0] as unknown as Record<string, unknown>).motivation = 'classifyng';
      },
      (copy) => {
        (copy.first!.items[0]!.body[0] as unknown as Record<string, unknown>).purpose = 'tag';
      },
      (copy) => {
        delete (copy.first!.items[0]!.target.selector[0] as unknown as Record<string, unknown>).exact;
      },
      (copy) => {
        (copy.first!.items[0]!.target.selector[1] as unknown as Record<string, unknown>).type =
          'TextPositionSelecter';
      },
      (copy) => {
        (copy.first!.items[1]!.target.selector[1] as unknown as Record<string, unknown>).start = -1;
      },
      (copy) => {
        (copy as Record<string, unknown>)['@context'] = 'http://www.w3.org/ns/anno.json';
      },
      (copy) => {
        (copy.first as unknown as Record<string, unknown>)['@context'] = ANNO_CONTEXT;
      },
      (copy) => {
        (copy.first!.items[2]!.target as unknown as Record<string, unknown>).source = 'not an iri';
      },
      (copy) => {
        (copy.first!.items[2] as unknown as Record<string, unknown>).created = '2025-03-14T09:26:53+01:00';
      },
      (copy) => {
        copy.first!.items = [];
      },
      (copy) => {
        copy.totl = copy.total;
      },
    ];
    for (const mutate of mutations) {
      const copy = structuredClone(collection) as WebAnnotationCollection & Record<string, unknown>;
      mutate(copy);
      expect(vocabularyErrors(copy), mutate.toString()).not.toEqual([]);
    }
  });

  it('lists the annotations in text order, each with its own urn:uuid id, dates and two selectors', () => {
    expect(items.map((item) => item.id)).toEqual(
      sortAnnotations(input.annotations).map((annotation) => `urn:uuid:${annotation.id}`),
    );
    for (const item of items) {
      const annotation = input.annotations.find((candidate) => item.id === `urn:uuid:${candidate.id}`)!;
      expect(item.type).toBe('Annotation');
      expect(item.motivation).toBe('classifying');
      expect(item.created).toBe(annotation.createdAt);
      expect(item.modified).toBe(annotation.updatedAt);
      expect(item).not.toHaveProperty('creator');
      const [quote, position] = selectorsOf(item);
      expect(quote).toEqual({
        type: 'TextQuoteSelector',
        exact: annotation.quote,
        prefix: annotation.prefix,
        suffix: annotation.suffix,
      });
      // The reference text is in the Basic Multilingual Plane, so code points and code units agree.
      expect(position).toEqual({
        type: 'TextPositionSelector',
        start: annotation.start,
        end: annotation.end,
      });
    }
  });

  it('targets the article by its web address, percent-encoding what an IRI may not hold', () => {
    for (const item of items) {
      expect(item.target.source).toBe('https://geopoliticsalert.com/ectc-report?ref=%22x%22&y=%3C1%3E');
    }
    const local = { ...input.article, source: 'ectc-report.txt' };
    const fromFile = buildWebAnnotationCollection([{ ...input, article: local }], { includeComments: false });
    for (const item of itemsOf(fromFile)) expect(item.target.source).toBe(`urn:uuid:${input.article.id}`);
    const scripted = { ...input.article, source: 'javascript:alert(1)//https://x' };
    const fromScript = buildWebAnnotationCollection([{ ...input, article: scripted }], {
      includeComments: false,
    });
    expect(itemsOf(fromScript)[0]?.target.source).toBe(`urn:uuid:${input.article.id}`);
    const odd = { ...input.article, source: 'https://example.org/a|b^c/{d}?q=`x`&r=[1]#%zz' };
    const fromOdd = buildWebAnnotationCollection([{ ...input, article: odd }], { includeComments: false });
    expect(itemsOf(fromOdd)[0]?.target.source).toBe(
      'https://example.org/a%7Cb%5Ec/%7Bd%7D?q=%60x%60&r=%5B1%5D#%25zz',
    );
  });

  it('gives the tag as a tagging label and its key as a classifying IRI, so the key can be read back', () => {
    for (const item of items) {
      const annotation = input.annotations.find((candidate) => item.id === `urn:uuid:${candidate.id}`)!;
      const label = sampleTags.find((tag) => tag.key === annotation.tag)?.label ?? annotation.tag;
      expect(item.body.slice(0, 2)).toEqual([
        { type: 'TextualBody', purpose: 'tagging', value: label, format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'classifying', source: `urn:margin:tag:${annotation.tag}` },
      ]);
      const keys = item.body
        .filter((body) => body.type === 'SpecificResource' && body.purpose === 'classifying')
        .map((body) => (body.type === 'SpecificResource' ? body.source.replace(/^urn:margin:tag:/, '') : ''));
      expect(keys).toEqual([annotation.tag]);
    }
    const unknown = items.find((item) => item.id === `urn:uuid:${annotations.unknownTag.id}`)!;
    expect(unknown.body[0]).toMatchObject({ purpose: 'tagging', value: 'source-check' });
  });

  it('writes attributes as "Label: value", the verdict as assessing and web evidence as linked resources', () => {
    const casualties = items.find((item) => item.id === `urn:uuid:${annotations.casualties.id}`)!;
    expect(casualties.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Claim', format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'classifying', source: 'urn:margin:tag:claim' },
      { type: 'TextualBody', purpose: 'assessing', value: 'Verdict: disputed <b>', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Evidence: https://airwars.org/?a=1&b="2" — Counts <b>1,200</b>',
        format: 'text/plain',
      },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://airwars.org/?a=1&b=%222%22' },
      // A file: address stays text: it is no web resource another reader could follow.
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Evidence: file:///etc/hosts',
        format: 'text/plain',
      },
      // Attributes the tag does not declare follow under their keys, sorted; the null one is left out.
      { type: 'TextualBody', purpose: 'describing', value: 'checked: yes', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: 'confidence: 0.7', format: 'text/plain' },
    ]);
    const quote = items.find((item) => item.id === `urn:uuid:${annotations.quranQuote.id}`)!;
    expect(textBodies(quote, 'describing').map((body) => body.value)).toEqual([
      'speaker: European Counter Terrorism Centre',
    ]);
  });

  it('leaves out empty attribute values', () => {
    const annotation = {
      ...annotations.pattern,
      attributes: { holder: '  ', source: null, evidence: [{ url: ' ', note: '' }], url: '', checked: false },
    };
    const [item] = itemsOf(
      buildWebAnnotationCollection([{ ...input, annotations: [annotation] }], { includeComments: false }),
    );
    expect(item?.body.slice(2)).toEqual([
      { type: 'TextualBody', purpose: 'describing', value: 'checked: no', format: 'text/plain' },
    ]);
  });

  it('writes comments as commenting bodies and replies, at any depth, as replying ones', () => {
    const countries = items.find((item) => item.id === `urn:uuid:${annotations.countries.id}`)!;
    const [top] = annotations.countries.comments;
    const [reply] = top!.replies;
    expect(textBodies(countries, 'commenting')).toEqual([
      {
        id: `urn:uuid:${top!.id}`,
        type: 'TextualBody',
        purpose: 'commenting',
        value: top!.body,
        format: 'text/plain',
        creator: { type: 'Person', name: 'Eve "<b>"' },
        created: top!.createdAt,
        modified: top!.updatedAt,
      },
    ]);
    expect(textBodies(countries, 'replying')).toEqual([
      {
        id: `urn:uuid:${reply!.id}`,
        type: 'TextualBody',
        purpose: 'replying',
        value: reply!.body,
        format: 'text/plain',
        creator: { type: 'Person', name: 'Mallory' },
        created: reply!.createdAt,
        modified: reply!.updatedAt,
      },
    ]);

    const deep = comment('A', 'one', [comment('B', 'two', [comment('', 'three', [comment('D', 'four')])])]);
    const threaded = { ...annotations.pattern, comments: [deep, comment('E', 'five')] };
    const [item] = itemsOf(
      buildWebAnnotationCollection([{ ...input, annotations: [threaded] }], { includeComments: true }),
    );
    const thread = item!.body.filter(
      (body): body is WebAnnotationTextualBody =>
        body.type === 'TextualBody' && (body.purpose === 'commenting' || body.purpose === 'replying'),
    );
    expect(thread.map((body) => [body.purpose, body.value])).toEqual([
      ['commenting', 'one'],
      ['replying', 'two'],
      ['replying', 'three'],
      ['replying', 'four'],
      ['commenting', 'five'],
    ]);
    // A comment without an author has no creator rather than a nameless one.
    expect(thread[2]).not.toHaveProperty('creator');
  });

  it('leaves comments out when includeComments is false, and keeps everything else', () => {
    const without = buildWebAnnotationCollection([input], { includeComments: false });
    const withoutItems = itemsOf(without);
    expect(withoutItems.map((item) => item.id)).toEqual(items.map((item) => item.id));
    let comments = 0;
    let replies = 0;
    for (const [index, item] of items.entries()) {
      const annotation = input.annotations.find((candidate) => item.id === `urn:uuid:${candidate.id}`)!;
      const counted = countThread(annotation.comments);
      expect(textBodies(item, 'commenting')).toHaveLength(counted.top);
      expect(textBodies(item, 'replying')).toHaveLength(counted.replies);
      comments += counted.top;
      replies += counted.replies;
      const stripped = withoutItems[index]!;
      expect(textBodies(stripped, 'commenting')).toEqual([]);
      expect(textBodies(stripped, 'replying')).toEqual([]);
      expect(stripped.body).toEqual(
        item.body.filter((body) => body.purpose !== 'commenting' && body.purpose !== 'replying'),
      );
    }
    expect(comments).toBeGreaterThan(0);
    expect(replies).toBeGreaterThan(0);
    expect(JSON.stringify(without)).not.toContain('Mallory');
  });

  it('counts positions in code points when the text holds emoji, mathematical letters and flags', () => {
    const astral = astralInput();
    const { text } = astral.input.article;
    const result = buildWebAnnotationCollection([astral.input], { includeComments: true });
    const astralItems = itemsOf(result);
    expect(astralItems).toHaveLength(5);
    expect(result.label).toBe('Astral 😀 test');
    let shifted = 0;
    for (const item of astralItems) {
      const annotation = astral.input.annotations.find(
        (candidate) => item.id === `urn:uuid:${candidate.id}`,
      )!;
      const [quote, position] = selectorsOf(item);
      expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact);
      expect(quote.exact).toBe(annotation.quote);
      expect(codePointSlice(text, 0, position.start)).toBe(text.slice(0, annotation.start));
      if (position.start !== annotation.start) shifted += 1;
      expect(item.target.source).toBe(`urn:uuid:${ASTRAL_ARTICLE_ID}`);
    }
    // Every passage but the first comes after an astral character, so its positions shrink.
    expect(shifted).toBe(4);
    const spot = astralItems.find((item) => item.id === `urn:uuid:${astral.annotations.spot!.id}`)!;
    expect(selectorsOf(spot)[1]).toEqual({
      type: 'TextPositionSelector',
      start: Array.from('Grinning 😀 first, then ').length,
      end: Array.from('Grinning 😀 first, then 𝒳 marks the spot').length,
    });
    const faces = astralItems.find((item) => item.id === `urn:uuid:${astral.annotations.faces!.id}`)!;
    expect(textBodies(faces, 'commenting')[0]?.creator).toEqual({ type: 'Person', name: 'Zoë 𝒵' });
    expect(textBodies(faces, 'replying')[0]?.value).toBe('Reply 🇫🇷');
  });

  it('widens an offset that splits a surrogate pair to the whole character, and counts lone surrogates as one', () => {
    const article = paragraphArticle(ASTRAL_ARTICLE_ID, ['ab😀cd😀ef']);
    // Invalid data on purpose: start inside the first emoji, end inside the second.
    const split: Annotation = {
      ...annotationAt(article, 'claim', 2, 8),
      start: 3,
      end: 7,
      quote: article.text.slice(3, 7),
    };
    const [item] = itemsOf(
      buildWebAnnotationCollection([inputFor(article, [split])], { includeComments: false }),
    );
    const [quote, position] = selectorsOf(item!);
    expect(position).toEqual({ type: 'TextPositionSelector', start: 2, end: 6 });
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: '😀cd😀', prefix: 'ab', suffix: 'ef' });
    expect(codePointSlice(article.text, position.start, position.end)).toBe(quote.exact);

    // Both offsets inside the same pair still select that one character.
    const inside: Annotation = { ...split, start: 3, end: 3 };
    const [insideItem] = itemsOf(
      buildWebAnnotationCollection([inputFor(article, [inside])], { includeComments: false }),
    );
    expect(selectorsOf(insideItem!)[1]).toMatchObject({ start: 2, end: 3 });
    expect(selectorsOf(insideItem!)[0].exact).toBe('😀');

    const lonely = paragraphArticle(ASTRAL_ARTICLE_ID, ['x\uD800y😀z\uDC00w']);
    const passage = annotationAt(lonely, 'claim', 2, 7);
    const [lonelyItem] = itemsOf(
      buildWebAnnotationCollection([inputFor(lonely, [passage])], { includeComments: false }),
    );
    const [lonelyQuote, lonelyPosition] = selectorsOf(lonelyItem!);
    expect(lonelyPosition).toMatchObject({ start: 2, end: 6 });
    expect(lonelyQuote.exact).toBe('y😀z\uDC00');
    expect(codePointSlice(lonely.text, lonelyPosition.start, lonelyPosition.end)).toBe(lonelyQuote.exact);
  });

  it('holds for random texts with astral characters and random word-aligned passages', () => {
    const characters = ['a', 'b', 'Z', 'é', '中', ' ', '\n', '.', '😀', '𝒳', '🇫', '🇷', '👍🏽', '\u00a0'];
    const textArbitrary = fc
      .array(fc.constantFrom(...characters), { minLength: 1, maxLength: 160 })
      .map((parts) => parts.join(''));
    const rangesArbitrary = fc.array(
      fc.record({ start: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(textArbitrary, rangesArbitrary, (text, drafts) => {
        const article = { ...paragraphArticle(ASTRAL_ARTICLE_ID, ['x']), text, blocks: [] };
        const generated = drafts.flatMap(({ start, length }, index) => {
          const from = start % text.length;
          const range = snapToWords(text, { start: from, end: from + length });
          if (range === null) return [];
          const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
          return [annotationAt(article, 'claim', range.start, range.end, { id })];
        });
        const result = buildWebAnnotationCollection([inputFor(article, generated)], {
          includeComments: false,
        });
        const resultItems = itemsOf(result);
        expect(resultItems).toHaveLength(generated.length);
        expect(resultItems.map((item) => item.id)).toEqual(
          sortAnnotations(generated).map((annotation) => `urn:uuid:${annotation.id}`),
        );
        for (const item of resultItems) {
          const annotation = generated.find((candidate) => item.id === `urn:uuid:${candidate.id}`)!;
          const [quote, position] = selectorsOf(item);
          expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact);
          expect(quote.exact).toBe(annotation.quote);
          expect(quote.prefix).toBe(annotation.prefix);
          expect(quote.suffix).toBe(annotation.suffix);
          expect(position.end - position.start).toBe(Array.from(annotation.quote).length);
        }
        if (resultItems.length > 0) expect(vocabularyErrors(result)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('converts 10,000 annotations on a 1 MB text with astral characters, positions exact', () => {
    const unit = 'Word 😀 and 𝒳 then 🇫🇷 flag, more words here. ';
    const unitPoints = Array.from(unit).length;
    const repeats = Math.ceil(1_000_000 / unit.length);
    const article = { ...paragraphArticle(ASTRAL_ARTICLE_ID, ['x']), text: unit.repeat(repeats), blocks: [] };
    const step = Math.floor(repeats / 10_000);
    const generated: Annotation[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      const start = index * step * unit.length;
      // Some passages run over several units, so boundaries interleave.
      const end = start + (1 + (index % 3)) * unit.length - 1;
      generated.push(annotationAt(article, 'claim', start, end));
    }
    const result = buildWebAnnotationCollection([inputFor(article, generated)], { includeComments: false });
    expect(result.total).toBe(10_000);
    for (const [index, item] of itemsOf(result).entries()) {
      const position = selectorsOf(item)[1];
      expect(position.start).toBe(index * step * unitPoints);
      expect(position.end).toBe(index * step * unitPoints + (1 + (index % 3)) * unitPoints - 1);
    }
  });

  it('gathers several documents in one collection, each target pointing at its own document', () => {
    const astral = astralInput();
    const both = buildWebAnnotationCollection([astral.input, input], { includeComments: true });
    expect(vocabularyErrors(both)).toEqual([]);
    expect(both.label).toBe('2 articles');
    expect(both.id).toBe(`urn:margin:collection:${ASTRAL_ARTICLE_ID},${input.article.id}`);
    expect(both.total).toBe(astral.input.annotations.length + input.annotations.length);
    const bothItems = itemsOf(both);
    expect(bothItems.map((item) => item.id)).toEqual([
      ...sortAnnotations(astral.input.annotations).map((annotation) => `urn:uuid:${annotation.id}`),
      ...sortAnnotations(input.annotations).map((annotation) => `urn:uuid:${annotation.id}`),
    ]);
    for (const item of bothItems) {
      const fromAstral = astral.input.annotations.some(
        (annotation) => item.id === `urn:uuid:${annotation.id}`,
      );
      expect(item.target.source).toBe(
        fromAstral
          ? `urn:uuid:${ASTRAL_ARTICLE_ID}`
          : 'https://geopoliticsalert.com/ectc-report?ref=%22x%22&y=%3C1%3E',
      );
      const text = fromAstral ? astral.input.article.text : input.article.text;
      const [quote, position] = selectorsOf(item);
      expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact);
    }
  });

  it('is deterministic: the same input in any order gives the same file', () => {
    const shuffled = { ...input, annotations: [...input.annotations].sort((a, b) => (a.id < b.id ? 1 : -1)) };
    expect(JSON.stringify(buildWebAnnotationCollection([shuffled], { includeComments: true }))).toBe(
      JSON.stringify(collection),
    );
  });

  it('omits the page when there are no annotations, and refuses an empty list of documents', () => {
    const empty = buildWebAnnotationCollection([{ ...input, annotations: [] }], { includeComments: true });
    expect(empty.total).toBe(0);
    expect(empty).not.toHaveProperty('first');
    expect(empty).not.toHaveProperty('last');
    expect(vocabularyErrors(empty)).toEqual([]);
    expect(() => buildWebAnnotationCollection([], { includeComments: true })).toThrow(RangeError);
  });

  it('carries hostile strings through JSON exactly', () => {
    const long = `${'long comment '.repeat(769)}end`.slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const hostile = [
      HOSTILE_SCRIPT,
      HOSTILE_ATTRIBUTE,
      '"><svg onload=alert(1)>',
      '</script>',
      'line\u2028separator\u2029paragraph',
      'right-to-left \u202Eoverride\u202C end',
      long,
    ];
    const article = { ...input.article, title: `${HOSTILE_SCRIPT}</script>\u2028\u202E` };
    const target = {
      ...annotations.pattern,
      attributes: { holder: '"><svg onload=alert(1)>', note: '</script>\u2028' },
      comments: hostile.map((body) => comment(`</script>${body.slice(0, 20)}`, body)),
    };
    const result = buildWebAnnotationCollection([{ ...input, article, annotations: [target] }], {
      includeComments: true,
    });
    const written = JSON.stringify(result);
    const parsed = JSON.parse(written) as WebAnnotationCollection;
    expect(parsed).toEqual(result);
    expect(parsed.label).toBe(article.title);
    const [item] = itemsOf(parsed);
    expect(textBodies(item!, 'commenting').map((body) => body.value)).toEqual(hostile);
    expect(textBodies(item!, 'commenting').map((body) => body.creator?.name)).toEqual(
      target.comments.map((entry) => entry.author),
    );
    expect(textBodies(item!, 'describing').map((body) => body.value)).toEqual([
      'holder: "><svg onload=alert(1)>',
      'note: </script>\u2028',
    ]);
    expect(vocabularyErrors(parsed)).toEqual([]);
  });
});
