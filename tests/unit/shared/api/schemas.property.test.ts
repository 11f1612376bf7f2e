import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  contract,
  ErrorCode,
  hydrateOpened,
  invokeMethod,
  listMethods,
  MAX_ARTICLE_BYTES,
  MAX_REQUEST_DEPTH,
  type MethodEntry,
  type Services,
  toErrorEnvelope,
  ZOOM_RANGE,
} from '../../../../shared/api';
import { CONTEXT_LENGTH } from '../../../../shared/model';
import { expectOneSentence } from '../../electron/services/import/importTestKit';
import { openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG_KEY = /^[a-z][a-z0-9-]{0,31}$/;
const ATTRIBUTE_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;

// ---------------------------------------------------------------------------------------------
// What an accepted request guarantees: DESIGN §3 and the caps the schemas document.

/** An accepted payload's fields. */
type Fields = Record<string, unknown>;

function expectTime(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(Number.isFinite(Date.parse(value as string))).toBe(true);
}

function expectText(value: unknown, { min = 0, max = Number.POSITIVE_INFINITY, trimmed = false } = {}): void {
  expect(typeof value).toBe('string');
  const text = value as string;
  expect(text.length).toBeGreaterThanOrEqual(min);
  expect(text.length).toBeLessThanOrEqual(max);
  if (trimmed) expect(text).toBe(text.trim());
}

/** A plain object with the ordinary prototype: nothing in the payload reached a prototype. */
function expectPlain(value: unknown): asserts value is Fields {
  expect(typeof value).toBe('object');
  expect(value).not.toBeNull();
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
}

function expectComment(comment: unknown): void {
  expectPlain(comment);
  expect(comment.id).toMatch(UUID);
  expectText(comment.author, { max: 200 });
  expectText(comment.body, { min: 1, max: 100_000 });
  expectTime(comment.createdAt);
  expectTime(comment.updatedAt);
  for (const reply of comment.replies as unknown[]) expectComment(reply);
}

function expectAnnotation(annotation: unknown): void {
  expectPlain(annotation);
  const { start, end } = annotation as { start: number; end: number };
  expect(Number.isSafeInteger(start) && start >= 0).toBe(true);
  expect(Number.isSafeInteger(end) && end > start).toBe(true);
  expect(annotation.id).toMatch(UUID);
  expect(annotation.documentId).toMatch(UUID);
  expect(annotation.tag).toMatch(TAG_KEY);
  expectText(annotation.quote, { min: 1 });
  expectText(annotation.prefix, { max: CONTEXT_LENGTH });
  expectText(annotation.suffix, { max: CONTEXT_LENGTH });
  expectTime(annotation.createdAt);
  expectTime(annotation.updatedAt);
  expectPlain(annotation.attributes);
  for (const value of Object.values(annotation.attributes)) {
    if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(10_000);
    else if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    else if (Array.isArray(value)) {
      expect(value.length).toBeLessThanOrEqual(200);
      for (const link of value as Fields[]) {
        expectText(link.url, { max: 4_000 });
        expectText(link.note, { max: 10_000 });
      }
    } else expect(value === null || typeof value === 'boolean').toBe(true);
  }
  for (const comment of annotation.comments as unknown[]) expectComment(comment);
}

function expectTag(tag: unknown): void {
  expectPlain(tag);
  expect(tag.key).toMatch(TAG_KEY);
  expectText(tag.label, { min: 1, max: 80, trimmed: true });
  expect(tag.color).toMatch(/^#[0-9a-f]{6}$/i);
  expectText(tag.description, { max: 2_000 });
  expect(tag.shortcut === null || /^[1-9]$/.test(tag.shortcut as string)).toBe(true);
  expect((tag.attributes as unknown[]).length).toBeLessThanOrEqual(40);
  for (const attribute of tag.attributes as Fields[]) {
    expect(attribute.key).toMatch(ATTRIBUTE_KEY);
    expectText(attribute.label, { min: 1, max: 80, trimmed: true });
    for (const option of (attribute.options as unknown[] | undefined) ?? []) {
      expectText(option, { min: 1, max: 80, trimmed: true });
    }
  }
}

/** A report tag may lack the fields added after version 1 was first written. */
function expectReportTag(tag: unknown): void {
  expectPlain(tag);
  expectTag({
    ...tag,
    shortcut: tag.shortcut ?? null,
    archived: tag.archived ?? false,
    attributes: tag.attributes ?? [],
  });
}

function expectReport(report: unknown): void {
  expectPlain(report);
  expect(report.format).toBe('margin.report');
  const document = report.document as Fields;
  expectPlain(document);
  expect(document.id).toMatch(UUID);
  expectText(document.title, { min: 1 });
  expect(document.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  for (const block of document.blocks as Fields[]) {
    for (const offset of [block.start, block.end]) {
      expect(Number.isSafeInteger(offset) && (offset as number) >= 0).toBe(true);
    }
  }
  for (const tag of report.tags as unknown[]) expectReportTag(tag);
  for (const annotation of report.annotations as unknown[]) expectAnnotation(annotation);
}

/** The invariants of each method's accepted input. */
const INVARIANTS: Record<string, (input: Fields) => void> = {
  'library.list': (input) => expect(input).toEqual({}),
  'library.importFile': (input) => {
    expectText(input.fileName, { min: 1, max: 1024 });
    expectText(input.data, { max: Math.ceil(MAX_ARTICLE_BYTES / 3) * 4 + 4 });
  },
  'library.open': (input) => expect(input.id).toMatch(UUID),
  'library.search': (input) => {
    const { query, limit } = input as { query: string; limit?: number };
    expect(query.length).toBeLessThanOrEqual(1000);
    if (limit !== undefined) expect(Number.isInteger(limit) && limit >= 1 && limit <= 500).toBe(true);
  },
  'library.remove': (input) => expect(input.id).toMatch(UUID),
  'library.update': (input) => {
    expect(input.id).toMatch(UUID);
    const { title, publishedAt } = input as { title?: string; publishedAt?: string | null };
    if (title !== undefined) expectText(title, { min: 1, max: 1000, trimmed: true });
    if (typeof publishedAt === 'string') expect(publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
  },
  'library.undoRemove': (input) => expect(input.id).toMatch(UUID),
  'annotations.save': expectAnnotation,
  'annotations.remove': (input) => expect(input.id).toMatch(UUID),
  'annotations.suggestions': (input) => expect(input.attribute).toMatch(ATTRIBUTE_KEY),
  'codebook.list': (input) => expect(input).toEqual({}),
  'codebook.add': (input) => expectText(input.label, { min: 1, max: 80, trimmed: true }),
  'codebook.save': expectTag,
  'codebook.reorder': (input) => {
    const keys = input.keys as string[];
    expect(keys.length).toBeLessThanOrEqual(1000);
    for (const key of keys) expect(key).toMatch(TAG_KEY);
  },
  'codebook.import': (input) => {
    expect(input.format).toBe('margin.codebook');
    expect((input.tags as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((input.tags as unknown[]).length).toBeLessThanOrEqual(200);
    for (const tag of input.tags as unknown[]) expectTag(tag);
  },
  'reports.render': (input) => {
    const ids = input.documentIds as string[];
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(10_000);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(['json', 'html', 'pdf', 'w3c', 'csv', 'claimreview']).toContain(input.format);
    if (input.options !== undefined) {
      expectPlain(input.options);
      expect(typeof input.options.includeComments).toBe('boolean');
      expect(['full', 'excerpts']).toContain(input.options.content);
    }
  },
  'reports.merge': (input) => {
    if (input.format === 'margin.corpus')
      for (const report of input.reports as unknown[]) expectReport(report);
    else expectReport(input);
  },
  'backups.list': (input) => expect(input).toEqual({}),
  'backups.take': (input) => expect(input).toEqual({}),
  'backups.restore': (input) => expectText(input.name, { min: 1, max: 200 }),
  'versions.list': (input) => expect(input.id).toMatch(UUID),
  'versions.review': (input) => expect(input.id).toMatch(UUID),
  'versions.confirm': (input) => {
    expect(input.documentId).toMatch(UUID);
    expect(input.annotationId).toMatch(UUID);
  },
  'versions.place': (input) => {
    expect(input.documentId).toMatch(UUID);
    expect(input.annotationId).toMatch(UUID);
    const { start, end } = input as { start: number; end: number };
    expect(Number.isInteger(start) && start >= 0).toBe(true);
    expect(Number.isInteger(end) && end > 0).toBe(true);
  },
  'versions.dismiss': (input) => {
    expect(input.documentId).toMatch(UUID);
    expect(input.annotationId).toMatch(UUID);
  },
  'versions.diff': (input) => {
    expect(input.fromId).toMatch(UUID);
    expect(input.toId).toMatch(UUID);
  },
  'versions.importVersion': (input) => {
    expect(input.documentId).toMatch(UUID);
    expectText(input.fileName, { min: 1, max: 1024 });
  },
  'versions.detach': (input) => expect(input.id).toMatch(UUID),
  'versions.correct': (input) => {
    expect(input.documentId).toMatch(UUID);
    const { blocks, annotations } = input as { blocks: { text: string }[]; annotations: { end: number }[] };
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expectText(block.text, { min: 1 });
    for (const placement of annotations) expect(placement.end).toBeGreaterThan(0);
  },
  'settings.get': (input) => expect(input).toEqual({}),
  'settings.update': (input) => {
    expect(input).not.toHaveProperty('lastDocumentId');
    if (input.authorName !== undefined) expectText(input.authorName, { min: 1, max: 200, trimmed: true });
    if (input.zoom !== undefined) {
      const zoom = input.zoom as number;
      expect(Number.isFinite(zoom) && zoom >= ZOOM_RANGE.min && zoom <= ZOOM_RANGE.max).toBe(true);
    }
    if (input.theme !== undefined) expect(['system', 'light', 'dark']).toContain(input.theme);
  },
};

// ---------------------------------------------------------------------------------------------
// Payloads: anything at all, and payloads close to valid with hostile values in some fields.

/** Values no field expects: odd numbers, huge or invisible strings, prototypes, typed arrays, maps. */
const hostile = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBoxedValues: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0.5,
    2 ** 53,
    Number.MAX_VALUE,
    '',
    '   ',
    '\u0000',
    '\u202Eevil',
    'x'.repeat(5_000),
    '__proto__',
    null,
    undefined,
    [],
    {},
    true,
  ),
);

/** Mostly a valid value, now and then a hostile one. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

const time = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const tagKey = fc.constantFrom(
  'claim',
  'quote',
  'opinion',
  'a',
  'a-9',
  'x'.repeat(32),
  'x'.repeat(33),
  'Claim',
);
const label = fc.oneof(fc.string({ maxLength: 90 }), fc.constantFrom('  padded  ', ' ', 'x'.repeat(81)));

const { comment } = fc.letrec((tie) => ({
  comment: fc.record({
    id: field(fc.uuid()),
    author: field(fc.string({ maxLength: 210 })),
    body: field(fc.string({ maxLength: 40 })),
    createdAt: field(time),
    updatedAt: field(time),
    replies: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fc.constant([]),
      fc.array(tie('comment'), { maxLength: 2 }),
    ),
  }),
}));

const attributeValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.record({ url: field(fc.webUrl()), note: field(fc.string({ maxLength: 20 })) }), {
    maxLength: 2,
  }),
  hostile,
);

const annotation = fc.record({
  id: field(fc.uuid()),
  documentId: field(fc.uuid()),
  tag: field(tagKey),
  start: field(fc.integer({ min: -2, max: 40 })),
  end: field(fc.integer({ min: -2, max: 40 })),
  quote: field(fc.string({ maxLength: 10 })),
  prefix: field(fc.string({ maxLength: 40 })),
  suffix: field(fc.string({ maxLength: 40 })),
  attributes: field(
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
      attributeValue,
      {
        maxKeys: 3,
      },
    ),
  ),
  comments: field(fc.array(comment, { maxLength: 2 })),
  createdAt: field(time),
  updatedAt: field(time),
});

const attributeDefinition = fc.record(
  {
    key: field(fc.constantFrom('verdict', 'speaker', 'a1', 'Verdict', '1a')),
    label: field(label),
    type: field(fc.constantFrom('text', 'choice', 'number', 'url', 'links', 'date')),
    options: field(fc.array(label, { maxLength: 3 })),
    min: field(fc.double()),
    suggest: field(fc.boolean()),
  },
  { requiredKeys: ['key', 'label', 'type'] },
);

const tag = fc.record({
  key: field(tagKey),
  label: field(label),
  color: field(fc.constantFrom('#aabbcc', '#AABBCC', '#abc', 'red', '#aabbccdd')),
  description: field(fc.string({ maxLength: 40 })),
  shortcut: field(fc.constantFrom(null, '1', '9', '0', '10')),
  underline: field(fc.constantFrom('solid', 'double', 'dotted', 'dashed', 'wavy', 'bold')),
  archived: field(fc.boolean()),
  attributes: field(fc.array(attributeDefinition, { maxLength: 2 })),
});

const VALID_TAG = {
  key: 'claim',
  label: 'Claim',
  color: '#d9480f',
  description: 'A checkable statement of fact.',
  shortcut: '1',
  underline: 'solid',
  archived: false,
  attributes: [],
};

const VALID_ANNOTATION = {
  id: '0b6f1c6e-5a3f-4a57-9d1a-3f1f6f0b2c11',
  documentId: '5b0e7b1e-4c8f-4a57-9d1a-3f1f6f0b2c11',
  tag: 'quote',
  start: 3,
  end: 9,
  quote: 'quoted',
  prefix: 'An ',
  suffix: ' text.',
  attributes: { speaker: 'Ann', evidence: [{ url: 'https://example.com', note: '' }] },
  comments: [],
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

const block = fc.record(
  {
    type: field(fc.constantFrom('heading', 'paragraph', 'blockquote', 'listItem', 'preformatted', 'table')),
    text: field(fc.string({ maxLength: 8 })),
    start: field(fc.integer({ min: -1, max: 20 })),
    end: field(fc.integer({ min: -1, max: 20 })),
    level: field(fc.integer({ min: 0, max: 7 })),
    marks: field(
      fc.array(
        fc.record({
          type: field(fc.constantFrom('emphasis', 'strong', 'link', 'script')),
          start: field(fc.nat(10)),
          end: field(fc.nat(10)),
        }),
        { maxLength: 2 },
      ),
    ),
  },
  { requiredKeys: ['type', 'text', 'start', 'end'] },
);

const article = fc.record({
  id: field(fc.uuid()),
  title: field(fc.string({ maxLength: 10 })),
  byline: field(fc.option(fc.string({ maxLength: 10 }))),
  siteName: field(fc.option(fc.string({ maxLength: 10 }))),
  source: field(fc.string({ maxLength: 10 })),
  publishedAt: field(fc.option(time)),
  lang: field(fc.option(fc.constantFrom('en', 'ar', ''))),
  dir: field(fc.constantFrom('ltr', 'rtl', 'up')),
  format: field(fc.constantFrom('text', 'markdown', 'html', 'pdf')),
  contentHash: field(fc.constantFrom(`sha256:${'0'.repeat(64)}`, 'sha256:', 'md5:0')),
  text: field(fc.string({ maxLength: 20 })),
  blocks: field(fc.array(block, { maxLength: 2 })),
  importedAt: field(time),
});

const report = fc.record({
  format: field(fc.constant('margin.report')),
  version: field(fc.constantFrom(1, 2)),
  generatedAt: field(time),
  generator: field(fc.string({ maxLength: 10 })),
  document: field(article),
  tags: field(fc.array(tag, { maxLength: 2 })),
  annotations: field(fc.array(annotation, { maxLength: 2 })),
  stats: field(
    fc.record({
      annotationCount: field(fc.nat()),
      byTag: field(fc.dictionary(fc.string({ maxLength: 5 }), fc.nat(), { maxKeys: 2 })),
      coverage: field(fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  ),
});

/** Payloads close to each method's valid input. */
const NEAR_VALID: Record<string, fc.Arbitrary<unknown>> = {
  'library.list': fc.oneof(fc.dictionary(fc.string(), hostile, { maxKeys: 2 }), hostile),
  'library.importFile': fc.record({
    fileName: field(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(1025)))),
    data: field(fc.base64String({ maxLength: 40 })),
  }),
  'library.open': fc.record({ id: field(fc.uuid()) }),
  'library.search': fc.record({
    query: field(fc.string({ maxLength: 1200 })),
    limit: field(fc.integer({ min: -5, max: 600 })),
  }),
  'library.remove': fc.record({ id: field(fc.uuid()) }),
  'library.update': fc.record({
    id: field(fc.uuid()),
    title: field(fc.string({ maxLength: 12 })),
    byline: field(fc.option(fc.string({ maxLength: 12 }))),
    siteName: field(fc.option(fc.string({ maxLength: 12 }))),
    publishedAt: field(fc.oneof(fc.constant('2024-03-05'), fc.constant('yesterday'), fc.constant(null))),
  }),
  'library.undoRemove': fc.record({ id: field(fc.uuid()) }),
  // A valid one now and then, so an accepted payload is sure to come up in every run.
  'annotations.save': fc.oneof(
    { weight: 3, arbitrary: annotation },
    { weight: 1, arbitrary: fc.constant(VALID_ANNOTATION) },
  ),
  'annotations.remove': fc.record({ id: field(fc.uuid()) }),
  'annotations.suggestions': fc.record({
    attribute: field(fc.constantFrom('speaker', 'verdict', 'Speaker', 'a'.repeat(41))),
  }),
  'codebook.list': fc.oneof(fc.dictionary(fc.string(), hostile, { maxKeys: 2 }), hostile),
  'codebook.add': fc.record({ label: field(label) }),
  'codebook.save': fc.oneof({ weight: 3, arbitrary: tag }, { weight: 1, arbitrary: fc.constant(VALID_TAG) }),
  'codebook.reorder': fc.record({ keys: field(fc.array(field(tagKey), { maxLength: 4 })) }),
  'codebook.import': fc.record({
    format: field(fc.constant('margin.codebook')),
    version: field(fc.constant(1)),
    // Half the tags valid as they stand, so whole codebooks pass now and then.
    tags: field(fc.array(fc.oneof(tag, fc.constant(VALID_TAG)), { minLength: 1, maxLength: 2 })),
  }),
  'reports.render': fc.record(
    {
      documentIds: field(fc.array(fc.uuid(), { maxLength: 3 })),
      format: field(fc.constantFrom('json', 'html', 'pdf', 'w3c', 'csv', 'claimreview', 'exe')),
      options: field(
        fc.record({
          includeComments: field(fc.boolean()),
          content: field(fc.constantFrom('full', 'excerpts', 'all')),
        }),
      ),
    },
    { requiredKeys: ['documentIds', 'format'] },
  ),
  'reports.merge': fc.oneof(
    report,
    fc.record({
      format: field(fc.constant('margin.corpus')),
      version: field(fc.constant(1)),
      generatedAt: field(time),
      generator: field(fc.string({ maxLength: 10 })),
      reports: field(fc.array(report, { maxLength: 2 })),
    }),
  ),
  'versions.list': fc.record({ id: field(fc.uuid()) }),
  'versions.review': fc.record({ id: field(fc.uuid()) }),
  'versions.confirm': fc.record({ documentId: field(fc.uuid()), annotationId: field(fc.uuid()) }),
  'versions.place': fc.record({
    documentId: field(fc.uuid()),
    annotationId: field(fc.uuid()),
    start: field(fc.integer({ min: -3, max: 50 })),
    end: field(fc.integer({ min: -3, max: 50 })),
  }),
  'versions.dismiss': fc.record({ documentId: field(fc.uuid()), annotationId: field(fc.uuid()) }),
  'versions.diff': fc.record({ fromId: field(fc.uuid()), toId: field(fc.uuid()) }),
  'versions.importVersion': fc.record({
    documentId: field(fc.uuid()),
    fileName: field(fc.string({ maxLength: 30 })),
    data: field(fc.base64String({ maxLength: 40 })),
  }),
  'versions.detach': fc.record({ id: field(fc.uuid()) }),
  'versions.correct': fc.record({
    documentId: field(fc.uuid()),
    blocks: field(
      fc.array(
        fc.record({
          type: field(fc.constantFrom('paragraph', 'heading', 'listItem', 'poem')),
          text: field(fc.string({ maxLength: 20 })),
          marks: field(fc.constant([])),
        }),
        { maxLength: 3 },
      ),
    ),
    annotations: field(
      fc.array(
        fc.record({
          id: field(fc.uuid()),
          start: field(fc.integer({ min: -2, max: 30 })),
          end: field(fc.integer({ min: -2, max: 30 })),
        }),
        { maxLength: 3 },
      ),
    ),
  }),
  'backups.list': fc.oneof(fc.dictionary(fc.string(), hostile, { maxKeys: 2 }), hostile),
  'backups.take': fc.oneof(fc.dictionary(fc.string(), hostile, { maxKeys: 2 }), hostile),
  'backups.restore': fc.record({
    name: field(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('', '../../etc/passwd', 'C:\\Windows\\win.ini', 'x'.repeat(201)),
      ),
    ),
  }),
  'settings.get': fc.oneof(fc.dictionary(fc.string(), hostile, { maxKeys: 2 }), hostile),
  'settings.update': fc.record(
    {
      authorName: field(label),
      lastDocumentId: field(fc.uuid()),
      theme: field(fc.constantFrom('system', 'light', 'dark', 'neon')),
      zoom: field(fc.double({ min: 0, max: 3 })),
      readingWidth: field(fc.constantFrom('narrow', 'comfortable', 'wide', 'huge')),
    },
    { requiredKeys: [] },
  ),
};

/**
 * Checks one payload against a method's schema: it is accepted with every invariant holding, or
 * refused with an error a person can read. Says which.
 */
function checkPayload(entry: MethodEntry, payload: unknown): 'accepted' | 'refused' {
  const result = entry.spec.input.safeParse(payload);
  if (result.success) {
    INVARIANTS[`${entry.service}.${entry.method}`]!(result.data as Fields);
    return 'accepted';
  }
  const { error } = toErrorEnvelope(result.error);
  expect(error.code).toBe('invalid-input');
  expectOneSentence(error.message);
  expect(error.message).not.toMatch(/[\r\n\u202E]/);
  expect(error.message.length).toBeLessThan(500);
  return 'refused';
}

// ---------------------------------------------------------------------------------------------

describe('request schemas', () => {
  const methods = listMethods();

  it('covers every method of the contract', () => {
    expect(methods.map((entry) => `${entry.service}.${entry.method}`).sort()).toEqual(
      Object.keys(INVARIANTS).sort(),
    );
    expect(Object.keys(NEAR_VALID).sort()).toEqual(Object.keys(INVARIANTS).sort());
  });

  it.each(methods.map((entry) => [`${entry.service}.${entry.method}`, entry] as const))(
    '%s accepts or refuses any value, and what it accepts keeps its invariants',
    (_, entry) => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), hostile), (payload) => {
          checkPayload(entry, payload);
        }),
        { numRuns: 150 },
      );
      const seen = new Set<string>();
      fc.assert(
        fc.property(NEAR_VALID[`${entry.service}.${entry.method}`]!, (payload) => {
          seen.add(checkPayload(entry, payload));
        }),
        { numRuns: 250 },
      );
      // Both outcomes come up, so both halves of the property were tried.
      expect([...seen].sort()).toEqual(['accepted', 'refused']);
    },
  );

  it('never lets a payload change a prototype', () => {
    for (const payload of [
      JSON.parse('{"__proto__": {"polluted": true}, "attributes": {"__proto__": {"polluted": true}}}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    ]) {
      for (const entry of methods) entry.spec.input.safeParse(payload);
    }
    expect(({} as Fields).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Services that only count the calls that reach them. */
function countingServices(): { services: Services; calls: () => number } {
  let calls = 0;
  const call = (): null => {
    calls += 1;
    return null;
  };
  const service = new Proxy({}, { get: () => call });
  const services = new Proxy({}, { get: () => service }) as unknown as Services;
  return { services, calls: () => calls };
}

/** A comment thread whose replies nest `depth` levels, built without recursion. */
function nestedReplies(depth: number): unknown {
  let comment: Fields = { replies: [] };
  for (let level = 0; level < depth; level += 1) comment = { replies: [comment] };
  return comment;
}

/** A payload `depth` levels deep in objects and arrays, counting the payload itself as one. */
function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level += 1) value = [value];
  return value;
}

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('The request was not refused.');
}

describe('invokeMethod with deeply nested requests', () => {
  it('refuses a request nested deeper than the limit before any schema or service sees it', async () => {
    const { services, calls } = countingServices();
    const cyclic: Fields = { replies: [] };
    (cyclic.replies as unknown[]).push(cyclic);
    const payloads = [
      { comments: [nestedReplies(100_000)] },
      // Some 5 kB that once took zod minutes and all the memory it could get.
      { format: 'margin.report', annotations: [{ comments: [nestedReplies(400)] }] },
      nestedArrays(MAX_REQUEST_DEPTH + 1),
      cyclic,
    ];
    for (const entry of listMethods()) {
      for (const payload of payloads) {
        const error = await refusalOf(invokeMethod(services, entry, payload));
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).code).toBe('invalid-input');
        expectOneSentence((error as ApiError).message);
      }
    }
    expect(calls()).toBe(0);
  });

  it('lets a request exactly as deep as the limit through to its schema', async () => {
    const { services } = countingServices();
    const list = listMethods().find((entry) => entry.path === '/api/library/list')!;
    const error = await refusalOf(invokeMethod(services, list, nestedArrays(MAX_REQUEST_DEPTH)));
    expect(error).toBeInstanceOf(z.ZodError);
    await invokeMethod(services, list, { deep: nestedArrays(MAX_REQUEST_DEPTH - 1) });
  });
});

// ---------------------------------------------------------------------------------------------

describe('annotations.save on a real library', () => {
  const temporaryFolder = useTemporaryFolder();

  it('stores an annotation only where its range and quote hold in the text (DESIGN §3)', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { document } = await workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
    const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    const save = listMethods().find((entry) => entry.path === '/api/annotations/save')!;
    const accepted = new Set<string>();
    const payload = fc
      .tuple(fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: -3, max: text.length + 3 }))
      .chain(([start, end]) =>
        fc.record({
          id: fc.uuid(),
          documentId: field(fc.constant(document.id)),
          tag: field(fc.constantFrom('claim', 'quote', 'opinion', 'unknown')),
          start: field(fc.constant(start)),
          end: field(fc.constant(end)),
          quote: field(
            fc.oneof(fc.constant(text.slice(start, end)), fc.string({ minLength: 1, maxLength: 5 })),
          ),
          prefix: fc.constant(''),
          suffix: fc.constant(''),
          attributes: fc.constant({}),
          comments: fc.constant([]),
          createdAt: fc.constant('2026-11-27T10:00:00.000Z'),
          updatedAt: fc.constant('2026-11-27T10:00:00.000Z'),
        }),
      );
    await fc.assert(
      fc.asyncProperty(payload, async (annotation) => {
        try {
          await invokeMethod(workbench, save, annotation);
          accepted.add(annotation.id);
        } catch (error) {
          const envelope = toErrorEnvelope(error);
          expect(['invalid-input', 'not-found']).toContain(envelope.error.code);
          expectOneSentence(envelope.error.message);
        }
      }),
      { numRuns: 120 },
    );
    const stored = hydrateOpened(workbench.library.open({ id: document.id })).annotations;
    expect(stored.map((annotation) => annotation.id).sort()).toEqual([...accepted].sort());
    expect(accepted.size).toBeGreaterThan(0);
    for (const annotation of stored) {
      expect(annotation.start).toBeGreaterThanOrEqual(0);
      expect(annotation.start).toBeLessThan(annotation.end);
      expect(annotation.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
    }
    store.close();
  });
});

describe('error codes', () => {
  it('are the stable set programs act on', () => {
    expect(ErrorCode.options).toEqual([
      'invalid-input',
      'not-found',
      'not-an-article',
      'too-large',
      'unsupported',
      'unauthorized',
      'forbidden',
      'storage',
      'internal',
    ]);
    expect(contract.library.importFile.maxRequestBytes).toBeGreaterThan(MAX_ARTICLE_BYTES);
  });
});
