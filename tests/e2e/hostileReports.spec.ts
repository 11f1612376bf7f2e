import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  test as base,
  type ConsoleMessage,
  type Dialog,
  expect,
  type Frame,
  type Page,
  type Request,
} from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createWorkbench, type Workbench } from '../../electron/services/createWorkbench';
import { LibraryStore } from '../../electron/services/db/libraryStore';
import { anchorAt } from '../../shared/anchoring';
import type { ReportFormat, ReportOptions } from '../../shared/api';
import { hydrateOpened } from '../../shared/api';
import type {
  Annotation,
  Article,
  Comment,
  CorpusReport,
  EvidenceLink,
  Report,
  Tag,
} from '../../shared/model';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../shared/report';
import type { ClaimReviewDocument } from '../../shared/report/claimReview';
import type { WebAnnotationCollection, WebAnnotationTextualBody } from '../../shared/report/webAnnotation';
import { assertValidCorpus, assertValidReport } from '../support/reportSchema';
import { HOSTILE } from './support/xssPayloads';

// Hostile strings through every report format, from a real import to a real browser: markup that
// would break out of text, attributes, <style> or <script>, script and data URLs, template syntax,
// Unicode that trips up text handling, entity look-alikes and spreadsheet formulas. Each one goes
// in as a title, a tag label, an attribute, a comment, an author or quoted article text, and must
// come out as exactly that text, never as markup, a link, a request or a script.

// Every string of HOSTILE (shared with hostileContent.spec.ts) is used as a comment body, a speaker,
// a role, a cue and a tag label.

/** A 10,000-character comment, itself made of markup, so a report that cuts or parses it shows. */
const LONG_COMMENT = '<b>bold?</b> <script>window.__pwned=1</script> &amp;\u2028 '
  .repeat(250)
  .slice(0, 10_000);

/** The article titles: the HTML importer decodes entities in a title twice, so `&amp;` travels in the Markdown one. */
const TITLE_A = `${HOSTILE[0]} ${HOSTILE[1]} ${HOSTILE[3]} and ${HOSTILE[9]}`;
const TITLE_B = `${HOSTILE[2]} ${HOSTILE[5]} ${HOSTILE[6]} ${HOSTILE[7]} &amp; &lt; ${HOSTILE[8]}`;
const BYLINE_A = HOSTILE[3];
const SITE_A = HOSTILE[5];
const PUBLISHED_A = '<!--]]>';
const BYLINE_B = HOSTILE[4];
const LANG_B = 'en" onmouseover="window.__pwned=1';
/** Document B's file name, which becomes its source. */
const FILE_B = `${HOSTILE[3]}.md`;
/** The name analysts in this library write under. */
const AUTHOR = HOSTILE[1];

/** A claim's evidence: only the web address may become a link, in any format. */
const EVIDENCE: EvidenceLink[] = [
  { url: 'javascript:window.__pwned=1', note: HOSTILE[0] },
  { url: 'data:text/html,<script>window.__pwned=1</script>', note: HOSTILE[1] },
  { url: ' JaVaScRiPt:window.__pwned=1', note: '' },
  { url: 'vbscript:msgbox(1)', note: HOSTILE[7] },
  { url: 'file:///etc/passwd', note: HOSTILE[6] },
  { url: 'https://example.org/check?q="><script>window.__pwned=1</script>', note: HOSTILE[9] },
];
const SAFE_EVIDENCE_URL = EVIDENCE[5]!.url;

const CLOCK = '2026-11-27T10:00:00.000Z';

/** Escapes text for the HTML file the test writes, so the article's text is literally the hostile string. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Each hostile string in its own paragraph, led by a marker that finds it again in the imported text. */
const lead = (index: number) => `Item ${index + 1} says `;

function articleA(): string {
  const paragraphs = HOSTILE.map((text, index) =>
    // HTML collapses line breaks except in <pre>, so the multi-line string goes in one.
    text.includes('\n')
      ? `<pre>${htmlText(lead(index))}${htmlText(text)}</pre>`
      : `<p>${htmlText(lead(index))}${htmlText(text)} in print, the reporter wrote, adding a few more words so it reads as prose.</p>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${htmlText(TITLE_A)}</title>`,
    `<meta name="author" content="${htmlText(BYLINE_A)}">`,
    `<meta property="og:site_name" content="${htmlText(SITE_A)}">`,
    `<meta property="article:published_time" content="${htmlText(PUBLISHED_A)}">`,
    '<link rel="canonical" href="https://example.org/news/a?x=&quot;&gt;&lt;script&gt;">',
    '</head><body><article>',
    `<h1>${htmlText(TITLE_A)}</h1>`,
    ...paragraphs,
    '</article></body></html>',
  ].join('\n');
}

function articleB(): string {
  // Code spans keep their text as it is (entities and markup included); a fence keeps line breaks.
  const paragraphs = HOSTILE.map((text, index) =>
    text.includes('\n')
      ? `${lead(index)}this:\n\n\`\`\`\n${text}\n\`\`\``
      : `${lead(index)}\`${text}\` in print.`,
  );
  return [
    '---',
    `title: "${TITLE_B}"`,
    `author: ${BYLINE_B}`,
    `lang: ${LANG_B}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

/** One imported article and the annotations saved on it. */
interface Imported {
  article: Article;
  annotations: Annotation[];
}

/** The library every test reads: two hostile articles, a hostile codebook, hostile annotations. */
interface Library {
  store: LibraryStore;
  workbench: Workbench;
  a: Imported;
  b: Imported;
  /** The tags added with hostile labels, in HOSTILE order. */
  customTags: Tag[];
  /** The whole codebook. */
  tags: Tag[];
}

function comment(author: string, body: string, replies: Comment[] = []): Comment {
  return { id: randomUUID(), author, body, createdAt: CLOCK, updatedAt: CLOCK, replies };
}

/** Where HOSTILE[index] sits in an imported text, after its marker. */
function passage(text: string, index: number): { start: number; end: number } {
  const marker = text.indexOf(lead(index));
  expect(marker, `the marker of item ${index + 1} survives the import`).toBeGreaterThanOrEqual(0);
  const start = text.indexOf(HOSTILE[index]!, marker);
  // Right after its marker (a fenced block starts a few characters later, after a paragraph break).
  expect(
    start - marker,
    `item ${index + 1} is imported as the exact text ${JSON.stringify(HOSTILE[index])}`,
  ).toBeGreaterThanOrEqual(lead(index).length);
  expect(start - marker).toBeLessThanOrEqual(lead(index).length + 12);
  return { start, end: start + HOSTILE[index]!.length };
}

function annotation(
  article: Article,
  tag: string,
  range: { start: number; end: number },
  attributes: Annotation['attributes'],
  comments: Comment[],
): Annotation {
  return {
    id: randomUUID(),
    documentId: article.id,
    tag,
    start: range.start,
    end: range.end,
    ...anchorAt(article.text, range.start, range.end),
    attributes,
    comments,
    createdAt: CLOCK,
    updatedAt: CLOCK,
  };
}

async function buildLibrary(folder: string): Promise<Library> {
  const store = LibraryStore.open(join(folder, 'margin.db'));
  const workbench = createWorkbench(store, { generator: HOSTILE[0], now: () => new Date(CLOCK) });
  workbench.settings.update({ authorName: AUTHOR });

  // Through the real importers, from files on disk.
  writeFileSync(join(folder, 'a.html'), articleA());
  writeFileSync(join(folder, FILE_B), articleB());
  const importFile = async (name: string): Promise<Article> => {
    const { document } = await workbench.library.importBytes(name, readFileSync(join(folder, name)));
    return hydrateOpened(workbench.library.open({ id: document.id })).article;
  };
  const articleOfA = await importFile('a.html');
  const articleOfB = await importFile(FILE_B);

  const customTags = HOSTILE.map((label) => {
    const { key, tags } = workbench.codebook.add({ label });
    return tags.find((tag) => tag.key === key)!;
  });
  // The first hostile tag declares hostile attributes, a verdict among them (so ClaimReview takes it).
  const reviewed: Tag = {
    ...customTags[0]!,
    description: HOSTILE[1],
    attributes: [
      { key: 'verdict', label: HOSTILE[2], type: 'text' },
      { key: 'link', label: HOSTILE[5], type: 'url' },
      { key: 'stance', label: 'Stance', type: 'choice', options: [HOSTILE[6], HOSTILE[7]] },
    ],
  };
  workbench.codebook.save(reviewed);
  customTags[0] = reviewed;

  // A: the headline as a claim, then every hostile item as a quote with hostile attributes and comments.
  const n = HOSTILE.length;
  const save = (value: Annotation) => workbench.annotations.save(value);
  const headline = save(
    annotation(
      articleOfA,
      'claim',
      { start: 0, end: TITLE_A.length },
      { verdict: 'false', checkWorthiness: 5, evidence: EVIDENCE },
      [comment(AUTHOR, HOSTILE[0])],
    ),
  );
  // Saved again as an edit: the library's own author resolves the thread and replies (checkAuthorship allows it).
  const [opening] = headline.comments;
  const edited = save({
    ...headline,
    comments: [
      { ...opening!, resolvedAt: CLOCK, resolvedBy: HOSTILE[4], replies: [comment(AUTHOR, LONG_COMMENT)] },
    ],
  });
  const quotes = HOSTILE.map((_, index) =>
    save(
      annotation(
        articleOfA,
        'quote',
        passage(articleOfA.text, index),
        {
          speaker: HOSTILE[index]!,
          speakerRole: HOSTILE[(index + 1) % n]!,
          attribution: 'direct',
          cue: HOSTILE[(index + 2) % n]!,
        },
        // New annotations may carry other analysts' comments (merged in from their reports).
        [comment(HOSTILE[(index + 4) % n]!, HOSTILE[(index + 3) % n]!)],
      ),
    ),
  );

  // B: every hostile item under the hostile tag of the same index.
  const onB = HOSTILE.map((_, index) => {
    const attributes: Annotation['attributes'] =
      index === 0
        ? {
            verdict: HOSTILE[8],
            link: 'javascript:window.__pwned=1',
            stance: HOSTILE[6],
            onclick: HOSTILE[0],
          }
        : index === 1
          ? { link: 'data:text/html,<script>window.__pwned=1</script>' }
          : {};
    return save(
      annotation(articleOfB, customTags[index]!.key, passage(articleOfB.text, index), attributes, [
        comment(HOSTILE[(index + 5) % n]!, HOSTILE[(index + 6) % n]!),
      ]),
    );
  });
  return {
    store,
    workbench,
    a: { article: articleOfA, annotations: [edited, ...quotes] },
    b: { article: articleOfB, annotations: onB },
    customTags,
    tags: workbench.codebook.list(),
  };
}

const test = base.extend<{ folder: string }, { library: Library }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
  folder: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-hostile-out-'));
    await use(folder);
    rmSync(folder, { recursive: true, force: true });
  },
  library: [
    // biome-ignore lint/correctness/noEmptyPattern: as above.
    async ({}, use) => {
      const folder = mkdtempSync(join(tmpdir(), 'margin-hostile-'));
      const library = await buildLibrary(folder);
      await use(library);
      library.store.close();
      rmSync(folder, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

async function render(
  library: Library,
  documents: readonly Imported[],
  format: ReportFormat,
  options?: ReportOptions,
): Promise<string> {
  const report = await library.workbench.reports.render({
    documentIds: documents.map((document) => document.article.id),
    format,
    ...(options ? { options } : {}),
  });
  return report.content;
}

/** Every comment of a thread, replies included, in thread order. */
function flatten(comments: readonly Comment[]): Comment[] {
  return comments.flatMap((entry) => [entry, ...flatten(entry.replies)]);
}

test('the library holds the hostile strings exactly as written', ({ library }) => {
  const { a, b } = library;
  expect(a.article.title).toBe(TITLE_A);
  expect(a.article.byline).toBe(BYLINE_A);
  expect(a.article.siteName).toBe(SITE_A);
  expect(a.article.publishedAt).toBe(PUBLISHED_A);
  expect(b.article.title).toBe(TITLE_B);
  expect(b.article.byline).toBe(BYLINE_B);
  expect(b.article.lang).toBe(LANG_B);
  expect(b.article.source).toBe(FILE_B);
  expect(library.customTags.map((tag) => tag.label)).toEqual([...HOSTILE]);
  expect(a.annotations.map((entry) => entry.quote)).toEqual([TITLE_A, ...HOSTILE]);
  expect(b.annotations.map((entry) => entry.quote)).toEqual([...HOSTILE]);
});

/**
 * What a report page must never hold, read from the live DOM: runs in the page, so it stands alone.
 * Returns one line per problem.
 */
function scanDocument(): string[] {
  const problems: string[] = [];
  const sentinel = (window as Window & { __pwned?: unknown }).__pwned;
  if (sentinel !== undefined) problems.push(`window.__pwned is ${String(sentinel)}: a script ran`);
  // Elements that run code, load something, submit, or embed another document.
  const forbidden = new Set([
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'img',
    'image',
    'picture',
    'video',
    'audio',
    'source',
    'track',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'base',
    'link',
    'foreignobject',
    'use',
    'animate',
    'set',
    'animatemotion',
    'animatetransform',
    'portal',
    'template',
    'noscript',
    'math',
  ]);
  // Attributes that load or point somewhere; only links (href) are expected, and only to safe schemes.
  const loading = new Set([
    'src',
    'srcset',
    'srcdoc',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
    'codebase',
  ]);
  const safeLink = (value: string) => {
    if (value.startsWith('#')) return true;
    if (!/^(?:https?:|mailto:)/i.test(value)) return false;
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(value, document.baseURI).protocol);
    } catch {
      return false;
    }
  };
  for (const element of document.querySelectorAll('*')) {
    const name = element.localName.toLowerCase();
    if (forbidden.has(name)) problems.push(`a <${name}> element`);
    if (name === 'style' && element.parentElement !== document.head)
      problems.push('a <style> outside <head>');
    if (name === 'meta') {
      const equiv = element.getAttribute('http-equiv');
      if (equiv !== null && equiv.toLowerCase() !== 'content-security-policy') {
        problems.push(`a <meta http-equiv="${equiv}">`);
      }
    }
    for (const attribute of element.attributes) {
      const attributeName = attribute.name.toLowerCase();
      if (attributeName.startsWith('on')) problems.push(`<${name}> has an event attribute ${attributeName}`);
      else if (attributeName === 'href' || attributeName.endsWith(':href')) {
        if (!safeLink(attribute.value))
          problems.push(`<${name}> links to ${JSON.stringify(attribute.value)}`);
      } else if (loading.has(attributeName))
        problems.push(`<${name}> has ${attributeName}=${JSON.stringify(attribute.value.slice(0, 80))}`);
    }
  }
  if (document.querySelectorAll('style').length > 1) problems.push('more than one <style> element');
  return problems;
}

/**
 * Loads a page with `load` and lists everything it did or holds that a report must not: a script
 * that ran, a dialog, a new window, a request, a navigation, a console error, an element or
 * attribute from `scanDocument`. Empty for a safe page.
 */
async function auditPage(page: Page, load: () => Promise<unknown>, expectedUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const requests: string[] = [];
  const navigations: string[] = [];
  const onDialog = (dialog: Dialog) => {
    problems.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const onPage = (opened: Page) => problems.push(`a new window opened at ${opened.url() || 'about:blank'}`);
  const onRequest = (request: Request) => requests.push(request.url());
  const onNavigation = (frame: Frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  };
  const onError = (error: Error) => problems.push(`page error: ${error.message}`);
  page.on('dialog', onDialog);
  page.context().on('page', onPage);
  page.on('request', onRequest);
  page.on('framenavigated', onNavigation);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  // Nothing leaves the machine even if a report did ask: the request is still seen, then refused.
  await page.route('**/*', (route) =>
    route.request().url() === expectedUrl ? route.continue() : route.abort('blockedbyclient'),
  );
  try {
    await load();
    // Let timers, error events of failed loads and any refresh run before looking.
    await page.waitForTimeout(250);
    problems.push(...(await page.evaluate(scanDocument)));
  } catch (error) {
    // A navigation away destroys the page being read; that is itself the finding.
    problems.push(`the page could not be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.unroute('**/*');
    page.off('dialog', onDialog);
    page.context().off('page', onPage);
    page.off('request', onRequest);
    page.off('framenavigated', onNavigation);
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
  for (const url of requests) if (url !== expectedUrl) problems.push(`a request for ${url}`);
  for (const url of navigations) if (url !== expectedUrl) problems.push(`a navigation to ${url}`);
  if (page.url() !== expectedUrl) problems.push(`the page moved to ${page.url()}`);
  return problems;
}

test('the audit catches an unescaped payload', async ({ page }) => {
  // The same check the reports go through, on a page that is what an escaping bug would produce.
  const problems = await auditPage(
    page,
    () =>
      page.setContent(
        [
          '<p>Comment: <img src=x onerror="window.__pwned=1"></p>',
          '<p><a href="javascript:window.__pwned=2">a link</a></p>',
          '<svg><foreignObject></foreignObject></svg>',
          '<script>alert("pwned")</script>',
          '<link rel="stylesheet" href="https://example.invalid/x.css">',
          '<script>window.open("https://example.invalid/popup")</script>',
        ].join('\n'),
      ),
    'about:blank',
  );
  const expected = [
    /^window\.__pwned is 1: a script ran$/,
    /^a <img> element$/,
    /^<img> has an event attribute onerror$/,
    /^<a> links to "javascript:window\.__pwned=2"$/,
    /^a <foreignobject> element$/,
    /^a <script> element$/,
    /^a alert dialog: pwned$/,
    /^a new window opened at /,
    /^a request for https:\/\/example\.invalid\/x\.css$/,
  ];
  for (const pattern of expected) {
    expect(
      problems.some((problem) => pattern.test(problem)),
      `${pattern} among:\n${problems.join('\n')}`,
    ).toBe(true);
  }
});

/** The text content of every element `selector` matches (textContent: line breaks and U+2028 kept). */
function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) => [...document.querySelectorAll(css)].map((element) => element.textContent ?? ''),
    selector,
  );
}

/** Expects every string of `wanted` to be the whole text of some element `selector` matches. */
async function expectShown(page: Page, selector: string, wanted: readonly string[]): Promise<void> {
  const shown = new Set(await textsOf(page, selector));
  const missing = wanted.filter((text) => !shown.has(text));
  expect(missing, `texts not shown exactly in ${selector}`).toEqual([]);
}

/** A report variant to open in the browser. */
interface HtmlVariant {
  name: string;
  corpus: boolean;
  options?: ReportOptions;
}

const HTML_VARIANTS: HtmlVariant[] = [
  { name: 'HTML report, default options', corpus: false },
  {
    name: 'HTML report, excerpts with comments',
    corpus: false,
    options: { includeComments: true, content: 'excerpts' },
  },
  {
    name: 'HTML report, comments left out',
    corpus: false,
    options: { includeComments: false, content: 'full' },
  },
  { name: 'corpus HTML report of both articles', corpus: true },
];

for (const variant of HTML_VARIANTS) {
  test(`${variant.name}: inert in Chromium, every hostile string shown as text`, async ({
    page,
    browser,
    library,
    folder,
  }) => {
    const documents = variant.corpus ? [library.a, library.b] : [library.a];
    const includeComments = variant.options?.includeComments ?? true;
    const file = join(folder, 'report.html');
    writeFileSync(file, await render(library, documents, 'html', variant.options));
    const url = pathToFileURL(file).href;

    expect(await auditPage(page, () => page.goto(url), url)).toEqual([]);
    const csp = await page.evaluate(() =>
      [...document.querySelectorAll('meta[http-equiv]')].map((meta) => meta.getAttribute('content')),
    );
    expect(csp).toEqual([REPORT_CONTENT_SECURITY_POLICY]);
    // The charts are there (the scan found no event attribute, script or foreignObject in them).
    await expect(page.locator('svg')).not.toHaveCount(0);
    // Even the generator's name is text.
    expect(await page.locator('meta[name="generator"]').getAttribute('content')).toBe(HOSTILE[0]);
    expect((await textsOf(page, '.generated'))[0]).toContain(` by ${HOSTILE[0]}.`);

    // Titles, provenance and the codebook, character for character.
    if (variant.corpus) {
      await expectShown(page, 'h2', [TITLE_A, TITLE_B]);
      await expectShown(page, '.toc a', [TITLE_A, TITLE_B]);
    } else {
      await expectShown(page, 'h1', [TITLE_A]);
      await expectShown(page, 'title', [`${TITLE_A} · annotated`]);
    }
    await expectShown(page, '.provenance dd', [
      BYLINE_A,
      SITE_A,
      PUBLISHED_A,
      library.a.article.source,
      ...(variant.corpus ? [BYLINE_B, FILE_B] : []),
    ]);
    await expectShown(page, '.legend-label', [...HOSTILE]);
    await expectShown(page, '.legend-description', [HOSTILE[1]]);
    await expectShown(
      page,
      '.note-tag',
      variant.corpus ? ['Claim', 'Quote', ...HOSTILE] : ['Claim', 'Quote'],
    );

    // Each annotation: its passage marked exactly, its quote, attributes and thread in its note.
    const annotations = documents.flatMap((document) => document.annotations);
    const marked = await page.evaluate(() => {
      const byId: Record<string, string> = {};
      for (const mark of document.querySelectorAll('mark[data-annotation-id]')) {
        const id = mark.getAttribute('data-annotation-id') ?? '';
        byId[id] = (byId[id] ?? '') + (mark.textContent ?? '');
      }
      return byId;
    });
    expect(marked).toEqual(Object.fromEntries(annotations.map((entry) => [entry.id, entry.quote])));
    await expectShown(
      page,
      '.note-quote',
      annotations.map((entry) => entry.quote),
    );
    await expectShown(page, '.note-attributes dd', [...HOSTILE]);
    if (variant.corpus) {
      // The hostile tag's own attribute labels, and its url attribute kept as text.
      await expectShown(page, '.note-attributes dt', [HOSTILE[2], HOSTILE[5], 'onclick']);
      await expectShown(page, '.note-attributes dd', [
        'javascript:window.__pwned=1',
        'data:text/html,<script>window.__pwned=1</script>',
      ]);
    }

    // Evidence: every link's address and note as text; only the web address is a link, to itself.
    await expectShown(
      page,
      '.note-evidence li',
      EVIDENCE.map((link) => (link.note.trim() === '' ? link.url : `${link.url} ${link.note}`)),
    );
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll('.note-evidence a')].map((link) => link.getAttribute('href')),
    );
    expect(hrefs).toEqual([SAFE_EVIDENCE_URL]);

    const comments = annotations.flatMap((entry) => flatten(entry.comments));
    if (includeComments) {
      await expectShown(
        page,
        '.comment-body',
        comments.map((entry) => entry.body),
      );
      await expectShown(
        page,
        '.comment-author',
        comments.map((entry) => entry.author),
      );
      await expectShown(page, '.comment-resolved', [`Resolved by ${HOSTILE[4]}`]);
      const long = (await textsOf(page, '.comment-body')).filter((body) => body.length >= 10_000);
      expect(long).toEqual([LONG_COMMENT]);
    } else {
      expect(await textsOf(page, '.comment-body, .comment-author')).toEqual([]);
      expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain(
        LONG_COMMENT.slice(0, 200),
      );
    }

    // Again with the CSP switched off: escaping alone must keep every payload inert.
    const unprotected = await browser.newContext({ bypassCSP: true });
    try {
      const bare = await unprotected.newPage();
      expect(await auditPage(bare, () => bare.goto(url), url)).toEqual([]);
    } finally {
      await unprotected.close();
    }
  });
}

/** The texts among `selector`'s elements that are drawn backwards (first character right of the second). */
function drawnBackwards(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].flatMap((element) => {
        const text = element.firstChild;
        if (text === null || (text.textContent ?? '').length < 2) return [];
        const left = (offset: number) => {
          const range = document.createRange();
          range.setStart(text, offset);
          range.setEnd(text, offset + 1);
          return range.getBoundingClientRect().left;
        };
        return left(0) < left(1) ? [] : [element.parentElement?.textContent ?? ''];
      }),
    selector,
  );
}

test.describe('right-to-left overrides stay inside the text that holds them', () => {
  test.beforeEach(async ({ page, library, folder }) => {
    const file = join(folder, 'report.html');
    writeFileSync(file, await render(library, [library.a], 'html'));
    await page.goto(pathToFileURL(file).href);
  });

  test('an author name does not reverse the date after it', async ({ page }) => {
    // Without isolation, an author holding U+202E would draw "27 November 2026, 10:00 UTC" as
    // "CTU 00:01 ,6202 rebmevoN 72".
    await expect(page.locator('.comment-author', { hasText: HOSTILE[10] })).not.toHaveCount(0);
    expect(await drawnBackwards(page, '.comment-meta time')).toEqual([]);
  });

  test('quoted article text does not reverse the note number after it', async ({ page }) => {
    // Without isolation, a passage holding U+202E would draw the reference to note 12 as "21",
    // pointing the reader at another note.
    expect(await drawnBackwards(page, '.note-ref a')).toEqual([]);
  });
});

test('JSON reports give back every hostile string exactly', async ({ library }) => {
  const single = JSON.parse(await render(library, [library.a], 'json')) as Report;
  assertValidReport(single);
  const corpus = JSON.parse(await render(library, [library.a, library.b], 'json')) as CorpusReport;
  assertValidCorpus(corpus);
  expect(corpus.reports.map((report) => report.document.id)).toEqual([
    library.a.article.id,
    library.b.article.id,
  ]);
  for (const [report, imported] of [
    [single, library.a],
    [corpus.reports[0]!, library.a],
    [corpus.reports[1]!, library.b],
  ] as const) {
    expect(report.document).toEqual(imported.article);
    expect(report.tags.map((tag) => tag.label)).toEqual(library.tags.map((tag) => tag.label));
    const byId = new Map(report.annotations.map((entry) => [entry.id, entry]));
    for (const saved of imported.annotations) {
      const exported = byId.get(saved.id);
      expect(exported?.quote).toBe(saved.quote);
      expect(exported?.attributes).toEqual(saved.attributes);
      const thread = (comments: readonly Comment[]) =>
        flatten(comments).map(({ author, body, resolvedBy }) => ({
          author,
          body,
          resolvedBy: resolvedBy ?? null,
        }));
      expect(thread(exported?.comments ?? [])).toEqual(thread(saved.comments));
    }
  }
  expect(single.document.title).toBe(TITLE_A);
  expect(corpus.reports[1]!.document.title).toBe(TITLE_B);
});

/** The comments cell as csv.ts documents it: "Author (createdAt): body", replies marked "↳ ", a blank line between. */
function commentsCell(comments: readonly Comment[], depth = 0): string[] {
  return comments.flatMap((entry) => [
    `${'↳ '.repeat(depth)}${entry.author.trim() === '' ? 'Anonymous' : entry.author} (${entry.createdAt}): ${entry.body}`,
    ...commentsCell(entry.replies, depth + 1),
  ]);
}

test('CSV cells hold the hostile strings, formulas defused as documented', async ({ library }) => {
  const text = await render(library, [library.a, library.b], 'csv');
  const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
  // No cell a spreadsheet would run as a formula.
  const formulas = records.flatMap((record) =>
    Object.values(record).filter((cell) => /^[=+\-@\t\r]/.test(cell)),
  );
  expect(formulas).toEqual([]);
  // csv.ts: removing one leading apostrophe from every cell matching /^'+[=+\-@\t\r]/ restores the original.
  const restore = (cell: string | undefined) =>
    cell !== undefined && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
  const labels = new Map(library.tags.map((tag) => [tag.key, tag.label]));
  const byId = new Map(records.map((record) => [record.annotation_id, record]));
  expect(byId.size).toBe(library.a.annotations.length + library.b.annotations.length);
  for (const { article, annotations } of [library.a, library.b]) {
    for (const saved of annotations) {
      const record = byId.get(saved.id);
      expect(record, saved.quote).toBeDefined();
      expect(restore(record?.document_title)).toBe(article.title);
      expect(restore(record?.document_source)).toBe(article.source);
      expect(restore(record?.tag_label)).toBe(labels.get(saved.tag));
      expect(restore(record?.quote)).toBe(saved.quote);
      for (const [key, value] of Object.entries(saved.attributes)) {
        if (typeof value === 'string') expect(restore(record?.[key]), key).toBe(value);
      }
      expect(restore(record?.comments)).toBe(commentsCell(saved.comments).join('\n\n'));
    }
  }
  const claim = byId.get(library.a.annotations[0]!.id);
  expect(restore(claim?.evidence)).toBe(
    EVIDENCE.map((link) => (link.note === '' ? link.url : `${link.url} (${link.note})`)).join('\n'),
  );
  // The apostrophe rule round-trips a string that already starts with one.
  expect(text).toContain(`''+1 already`);
});

test('W3C Web Annotations carry the hostile strings in their bodies and selectors', async ({ library }) => {
  const single = JSON.parse(await render(library, [library.a], 'w3c')) as WebAnnotationCollection;
  expect(single.label).toBe(TITLE_A);
  const collection = JSON.parse(
    await render(library, [library.a, library.b], 'w3c'),
  ) as WebAnnotationCollection;
  const items = new Map((collection.first?.items ?? []).map((item) => [item.id, item]));
  const tags = new Map(library.tags.map((tag) => [tag.key, tag]));
  for (const { article, annotations } of [library.a, library.b]) {
    for (const saved of annotations) {
      const item = items.get(`urn:uuid:${saved.id}`);
      expect(item, saved.quote).toBeDefined();
      expect(item?.target.selector[0].exact).toBe(saved.quote);
      expect(item?.target.source).toBe(
        article.id === library.a.article.id ? article.source : `urn:uuid:${article.id}`,
      );
      const texts = (item?.body ?? []).filter(
        (body): body is WebAnnotationTextualBody => body.type === 'TextualBody',
      );
      const values = (purpose: string) =>
        texts.filter((body) => body.purpose === purpose).map((body) => body.value);
      expect(values('tagging')).toEqual([tags.get(saved.tag)?.label]);
      // Comments and replies, depth first, each with its author.
      expect(
        texts
          .filter((body) => body.purpose === 'commenting' || body.purpose === 'replying')
          .map((body) => [body.value, body.creator?.name]),
      ).toEqual(flatten(saved.comments).map((entry) => [entry.body, entry.author]));
      if (saved.tag === 'quote') {
        expect(values('describing')).toEqual(
          expect.arrayContaining([
            `Speaker: ${saved.attributes.speaker}`,
            `Role or affiliation: ${saved.attributes.speakerRole}`,
            `Attribution cue: ${saved.attributes.cue}`,
          ]),
        );
      }
    }
  }
  const bodies = (id: string) => items.get(`urn:uuid:${id}`)?.body ?? [];
  const texts = (id: string) =>
    bodies(id).flatMap((body) => (body.type === 'TextualBody' ? [body.value] : []));
  // Evidence: every link as text, only the web address as a linked resource.
  const claim = library.a.annotations[0]!.id;
  expect(texts(claim)).toEqual(
    expect.arrayContaining(
      EVIDENCE.map(
        (link) =>
          `Evidence: ${[link.url.trim(), link.note.trim()].filter((part) => part !== '').join(' — ')}`,
      ),
    ),
  );
  const [reviewed] = library.b.annotations;
  expect(texts(reviewed!.id)).toEqual(
    expect.arrayContaining([
      `${HOSTILE[2]}: ${HOSTILE[8]}`,
      `${HOSTILE[5]}: javascript:window.__pwned=1`,
      `Stance: ${HOSTILE[6]}`,
      `onclick: ${HOSTILE[0]}`,
    ]),
  );
  const linked = [...items.values()].flatMap((item) =>
    item.body.flatMap((body) =>
      body.type === 'SpecificResource' && body.purpose === 'linking' ? [body.source] : [],
    ),
  );
  expect(linked).toEqual([new URL(SAFE_EVIDENCE_URL).href]);
});

test('ClaimReview carries the hostile strings in the reviewed claim and its appearance', async ({
  library,
}) => {
  const document = JSON.parse(
    await render(library, [library.a, library.b], 'claimreview'),
  ) as ClaimReviewDocument;
  const [claim] = library.a.annotations;
  const [reviewed] = library.b.annotations;
  expect(document['@graph']).toEqual([
    {
      '@type': 'ClaimReview',
      identifier: claim!.id,
      claimReviewed: TITLE_A,
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'false',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          headline: TITLE_A,
          url: library.a.article.source,
          author: { '@type': 'Person', name: BYLINE_A },
          publisher: { '@type': 'Organization', name: SITE_A },
          inLanguage: 'en',
        },
      },
      author: { '@type': 'Person', name: AUTHOR },
      datePublished: CLOCK.slice(0, 10),
      // Only the web address is cited; the note keeps its U+2028 and U+2029.
      citation: [{ '@type': 'CreativeWork', url: SAFE_EVIDENCE_URL, description: HOSTILE[9] }],
    },
    {
      '@type': 'ClaimReview',
      identifier: reviewed!.id,
      claimReviewed: HOSTILE[0],
      reviewRating: { '@type': 'Rating', alternateName: HOSTILE[8] },
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          headline: TITLE_B,
          author: { '@type': 'Person', name: BYLINE_B },
          inLanguage: LANG_B,
        },
      },
      author: { '@type': 'Person', name: reviewed!.comments[0]!.author },
      datePublished: CLOCK.slice(0, 10),
    },
  ]);
});
