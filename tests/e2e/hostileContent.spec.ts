import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contentHash } from '../../electron/services/contentHash';
import { titleFromFileName } from '../../electron/services/import/fileName';
import { excerpt } from '../../renderer/src/annotations/excerpt';
import { anchorAt } from '../../shared/anchoring';
import type { Annotation, Block, Comment, Report, Tag } from '../../shared/model';
import { selectText } from './support/selectText';
import { setName } from './support/settings';
import { expect, test, type Workbench } from './support/workbench';
import { HOSTILE, MARKDOWN_PAYLOADS, MARKUP_PAYLOADS, SENTINEL } from './support/xssPayloads';

// Hostile content in the workbench itself, from a real import to a real browser. Articles made of
// XSS payloads come in as plain text, Markdown, HTML and another analyst's JSON report; each is
// scrolled through (highlights are drawn lazily), its links clicked, passages tagged, and payloads
// typed in as comments, replies, speakers, the analyst's name and tag names. Nothing may run,
// open, load or navigate, and every payload the workbench shows must read as exactly that text.

// The workbench's Content Security Policy would stop inline script by itself. It is switched off
// here, so what is proven is that no payload ever becomes markup, a link or a request.
test.use({ bypassCSP: true });

// Each test is a whole working session (an import, a dozen edits, a reload, every annotation read
// back): give it room.
test.describe.configure({ timeout: 90_000 });

/** Every payload tried, once each. */
const ALL = [...new Set<string>([...MARKUP_PAYLOADS, ...MARKDOWN_PAYLOADS, ...HOSTILE])];
/** The payloads a one-line field holds as they are (a text input drops line breaks). */
const ONE_LINE = ALL.filter((payload) => !payload.includes('\n'));
/** The payloads short enough to name a tag (labels hold 80 characters). */
const LABELS = ONE_LINE.filter((payload) => payload.trim() === payload && payload.length <= 80);

/** Where a payload was put, for the count each test records. */
type Place =
  | 'article text'
  | 'article markup'
  | 'title or file name'
  | 'link clicked'
  | 'analyst name'
  | 'speaker'
  | 'comment'
  | 'reply'
  | 'tag name';

/** What a test saw that hostile content must never cause, and what it tried. */
interface Watch {
  problems: string[];
  /** Addresses of the links clicked: a click may open a window there, and nowhere else. */
  followed: Set<string>;
  /** Every window opened. */
  windows: Page[];
  /** The payloads put in each place. */
  tried: Map<Place, Set<string>>;
}

const withoutHash = (url: string) => url.split('#')[0];

/**
 * Watches a page (and every window it opens) for what hostile content must not make the workbench
 * do: call the sentinel, open a dialog, navigate the workbench, fail with an error, or request
 * anything from another origin (such requests are refused, so nothing leaves the machine).
 */
async function watch(page: Page, workbench: Workbench): Promise<Watch> {
  const context = page.context();
  const origin = new URL(workbench.url).origin;
  const result: Watch = { problems: [], followed: new Set(), windows: [], tried: new Map() };
  const { problems, followed } = result;
  await context.exposeBinding(SENTINEL, (_source, n: unknown) => {
    problems.push(`payload ${String(n)} ran`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && withoutHash(frame.url()) !== withoutHash(workbench.url)) {
      problems.push(`the workbench navigated to ${frame.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  context.on('page', (opened) => result.windows.push(opened));
  context.on('request', (request) => {
    const url = request.url();
    if (new URL(url).origin === origin) return;
    // Only the window a clicked link opened may ask for that link's address.
    let isLinkWindow = false;
    if (followed.has(url) && request.isNavigationRequest()) {
      try {
        isLinkWindow = request.frame().page() !== page;
      } catch {
        // A new window's first request comes before its frame does.
        isLinkWindow = true;
      }
    }
    if (!isLinkWindow) problems.push(`a request for ${url}`);
  });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
  );
  return result;
}

/** Notes that `payloads` were tried in `place`. */
function tried(watched: Watch, place: Place, ...payloads: string[]): void {
  const set = watched.tried.get(place) ?? new Set<string>();
  for (const payload of payloads) set.add(payload);
  watched.tried.set(place, set);
}

/**
 * What the workbench's page must never hold, read from the live DOM: runs in the page, so it
 * stands alone. Returns one line per problem.
 */
function scanWorkbench(): string[] {
  const problems: string[] = [];
  const sentinel = (window as Window & { __pwned?: unknown }).__pwned;
  if (sentinel !== undefined) problems.push(`window.__pwned is ${String(sentinel)}: a script ran`);
  const own = (value: string) => {
    try {
      return new URL(value, location.href).origin === location.origin;
    } catch {
      return false;
    }
  };
  const safeLink = (value: string) => {
    if (!/^(?:https?:|mailto:)/i.test(value)) return false;
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  };
  // Elements that embed another document, run code, refresh or retarget the page: the workbench has none.
  const never = new Set([
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'portal',
    'noscript',
    'template',
    'math',
    'video',
    'audio',
    'source',
    'track',
    'marquee',
    'foreignobject',
  ]);
  const loading = new Set([
    'srcset',
    'srcdoc',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
  ]);
  for (const element of document.querySelectorAll('*')) {
    const name = element.localName.toLowerCase();
    if (never.has(name)) problems.push(`a <${name}> element`);
    if (name === 'script' && !own(element.getAttribute('src') ?? 'about:blank')) {
      problems.push('a script that is not one of the workbench’s files');
    }
    const equiv = name === 'meta' ? element.getAttribute('http-equiv') : null;
    // The desktop build writes its policy into the page; nothing else may.
    if (equiv !== null && equiv.toLowerCase() !== 'content-security-policy') {
      problems.push(`a <meta http-equiv="${equiv}">`);
    }
    for (const attribute of element.attributes) {
      const attributeName = attribute.name.toLowerCase();
      const value = attribute.value;
      if (attributeName.startsWith('on')) problems.push(`<${name}> has an event attribute ${attributeName}`);
      else if (attributeName === 'href' || attributeName.endsWith(':href')) {
        const isAllowed = name === 'link' ? own(value) : own(value) || safeLink(value);
        if (!isAllowed) problems.push(`<${name}> links to ${JSON.stringify(value)}`);
      } else if (attributeName === 'src' && !own(value)) {
        problems.push(`<${name}> loads ${JSON.stringify(value)}`);
      } else if (loading.has(attributeName)) {
        problems.push(`<${name}> has ${attributeName}=${JSON.stringify(value.slice(0, 80))}`);
      } else if (attributeName === 'style' && /url\s*\(|expression\s*\(/i.test(value)) {
        problems.push(`<${name}> is styled with ${JSON.stringify(value.slice(0, 80))}`);
      }
    }
  }
  // The article is text, emphasis, links and highlights; nothing else.
  const allowed = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code']);
  for (const inline of ['em', 'strong', 'a', 'span', 'br']) allowed.add(inline);
  for (const element of document.querySelectorAll('.article-text *')) {
    const name = element.localName.toLowerCase();
    // ProseMirror's own spacer after inline content at the end of a block.
    if (name === 'img' && element.classList.contains('ProseMirror-separator')) continue;
    if (!allowed.has(name)) problems.push(`a <${name}> in the article`);
  }
  return problems;
}

/** The text of each block of the article as drawn (highlights and links included). */
function blockTexts(page: Page): Promise<string[]> {
  return page
    .locator('.article-text')
    .evaluate((root) => [...root.children].map((block) => block.textContent ?? ''));
}

/** Expects every string of `wanted` to be the whole text of one block of the article. */
async function expectBlocks(page: Page, wanted: readonly string[]): Promise<void> {
  const shown = new Set(await blockTexts(page));
  expect(
    wanted.filter((text) => !shown.has(text)),
    'blocks not shown exactly',
  ).toEqual([]);
}

/** Scrolls the article from top to bottom a screen at a time, a frame or two at each screen. */
async function scrollThrough(page: Page): Promise<void> {
  await page.locator('.reader-scroll').evaluate(async (scroller) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let top = 0; top < scroller.scrollHeight; top += scroller.clientHeight) {
      scroller.scrollTop = top;
      await frame();
    }
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
  });
}

/** Clicks every link in the article; a link must point to the web or e-mail, and open only there. */
async function clickLinks(page: Page, watched: Watch): Promise<number> {
  const links = page.locator('.article-text a');
  const count = await links.count();
  for (let index = 0; index < count; index++) {
    const link = links.nth(index);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href, 'a link in the article goes to the web or e-mail').toMatch(/^(?:https?|mailto):/);
    expect(await link.getAttribute('rel')).toContain('noopener');
    watched.followed.add(href);
    tried(watched, 'link clicked', href);
    await link.click();
  }
  return count;
}

/**
 * Selects `payload` where it first follows `marker` in the article, with the mouse. Its block is
 * brought into view first, until it stays put: blocks are laid out as they come near, so the text
 * moves about for a few frames after a jump.
 */
async function selectAfter(page: Page, marker: string, payload: string): Promise<void> {
  const occurrence = await page.locator('.article-text').evaluate(
    async (root, { marker, payload }) => {
      const block = [...root.children].find((candidate) => candidate.textContent?.includes(marker));
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let tries = 0, top = Number.NaN; block && tries < 20; tries++) {
        block.scrollIntoView({ block: 'center' });
        await frame();
        if (block.getBoundingClientRect().top === top) break;
        top = block.getBoundingClientRect().top;
      }
      const text = root.textContent ?? '';
      const at = text.indexOf(payload, text.indexOf(marker));
      let count = 0;
      for (
        let index = text.indexOf(payload);
        index !== -1 && index < at;
        index = text.indexOf(payload, index + 1)
      ) {
        count += 1;
      }
      return count;
    },
    { marker, payload },
  );
  await selectText(page, payload, occurrence);
}

/** A passage to tag: `payload`, where it first follows `marker`. */
interface Passage {
  marker: string;
  payload: string;
}

/** What the test typed on an annotation, to read back. */
interface Typed {
  id: string;
  quote: string;
  speaker: string;
  comment: string;
  reply: string;
}

/** How many annotations the tests type payloads into, all told: each payload goes into one of them. */
const SLOTS = 12;
/** How many of them each test makes. */
const PER_TEST = SLOTS / 4;

/** `PER_TEST` items of a list, spread across it from its first (the second is never one of them). */
function spread<T>(list: readonly T[]): T[] {
  const step = Math.max(2, Math.floor(list.length / PER_TEST));
  return list.filter((_, index) => index % step === 0).slice(0, PER_TEST);
}

/** The payloads of `list` that annotation `slot` carries. */
function share(list: readonly string[], slot: number): string[] {
  return list.filter((_, index) => index % SLOTS === slot % SLOTS);
}

/**
 * Tags each passage as a quote, then types payloads in as its speaker (on one line), its comment
 * and a reply (a line each): the shares of annotations `firstSlot` on.
 */
async function annotate(
  page: Page,
  watched: Watch,
  passages: readonly Passage[],
  firstSlot: number,
): Promise<Typed[]> {
  const detail = page.locator('.annotation-detail');
  const current = page.locator('.annotation-entry[aria-current="true"]');
  const typed: Typed[] = [];
  for (const [index, { marker, payload }] of passages.entries()) {
    await selectAfter(page, marker, payload);
    await page.keyboard.press('2');
    await expect(detail.getByRole('radio', { name: 'Quote', exact: true })).toBeChecked();
    const id = (await current.getAttribute('data-annotation-id')) ?? '';
    expect(typed.map((entry) => entry.id)).not.toContain(id);
    await expect(page.locator(`.article-text [data-annotation-id="${id}"]`)).toHaveText(payload);
    const slot = firstSlot + index;
    const speakers = share(ONE_LINE, slot);
    const comments = share(ALL, slot);
    const replies = share(ALL, slot + SLOTS / 2);
    const entry = {
      id,
      quote: payload,
      speaker: speakers.join(' '),
      comment: comments.join('\n'),
      reply: replies.join('\n'),
    };
    await detail.getByLabel('Speaker', { exact: true }).fill(entry.speaker);
    await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill(entry.comment);
    const replyBox = detail.getByRole('textbox', { name: 'Reply' });
    await replyBox.fill(entry.reply);
    await replyBox.press('Control+Enter');
    await expect(detail.locator('.comment-body')).toHaveCount(1);
    tried(watched, 'article text', payload);
    tried(watched, 'speaker', ...speakers);
    tried(watched, 'comment', ...comments);
    tried(watched, 'reply', ...replies);
    typed.push(entry);
  }
  return typed;
}

/**
 * Reads every annotation back after a reload: its highlight (clicked, and hovered for its card),
 * its entry, its speaker, its comment and its reply, each exactly as typed.
 */
async function readBack(page: Page, typed: readonly Typed[], author: string): Promise<void> {
  const detail = page.locator('.annotation-detail');
  const card = page.getByRole('tooltip');
  for (const entry of typed) {
    const highlight = page.locator(`.article-text [data-annotation-id="${entry.id}"]`);
    await expect(highlight).toHaveText(entry.quote);
    // Scrolling hides the card: the highlight is brought into view first, and the pointer comes to
    // it from outside the article, so each card shown is the one for this highlight.
    await highlight.scrollIntoViewIfNeeded();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.mouse.move(0, 0);
    await highlight.hover();
    await expect(card.locator('.hover-glance')).toHaveText(entry.speaker);
    expect(await card.locator('.hover-comment').textContent()).toBe(
      `${author}: ${excerpt(entry.comment, 160)}`,
    );
    await highlight.click();
    const chosen = page.locator(`.annotation-entry[data-annotation-id="${entry.id}"]`);
    await expect(chosen).toHaveAttribute('aria-current', 'true');
    expect(await chosen.locator('.entry-quote').textContent()).toBe(excerpt(entry.quote, 140));
    expect(await chosen.locator('.entry-glance').textContent()).toBe(entry.speaker);
    expect(await chosen.locator('.entry-comment').textContent()).toBe(excerpt(entry.comment, 100));
    await expect(detail.getByLabel('Speaker', { exact: true })).toHaveValue(entry.speaker);
    await expect(detail.getByRole('textbox', { name: 'Comment', exact: true })).toHaveValue(entry.comment);
    // The reply reads back character for character, line breaks included.
    expect(await detail.locator('.comment-body').textContent()).toBe(entry.reply);
    expect(await detail.locator('.comment-author').textContent()).toBe(author);
    await expect(detail.getByRole('region', { name: `Thread by ${author}` })).toHaveCount(1);
  }
}

/** How many tag names each test types into the Codebook; the rest come in a codebook file. */
const TYPED_LABELS = 3;

/** The name of the text attribute of the `index`-th tag a codebook file brings in. */
const noteLabel = (index: number) => LABELS[(index + 7) % LABELS.length]!;

/**
 * Names tags with `labels` in the Codebook: the first few typed in, the rest brought in with
 * Import codebook from a file whose tags also have payloads as their descriptions, attribute
 * names and choices. Each must be listed by exactly its name.
 */
async function addTags(page: Page, workbench: Workbench, labels: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  const name = dialog.getByRole('textbox', { name: 'New tag name' });
  const rows = dialog.locator('.codebook-tag-label');
  const before = await rows.count();
  const field = await name.elementHandle();
  for (const label of labels.slice(0, TYPED_LABELS)) {
    await name.fill(label);
    await name.press('Enter');
    // The name is cleared once the tag is in the codebook.
    await page.waitForFunction((input) => (input as HTMLInputElement).value === '', field, {
      polling: 'raf',
    });
  }
  const imported: Tag[] = labels.slice(TYPED_LABELS).map((label, index) => ({
    key: `hostile-${index + 1}`,
    label,
    color: '#0e7490',
    description: ALL[index]!,
    shortcut: null,
    underline: 'dashed',
    archived: false,
    attributes: [
      { key: 'note', label: noteLabel(index), type: 'text' },
      { key: 'pick', label: 'Pick', type: 'choice', options: LABELS.slice(index, index + 3) },
    ],
  }));
  const file = join(workbench.folder, 'codebook.margin.json');
  writeFileSync(file, JSON.stringify({ format: 'margin.codebook', version: 1, tags: imported }));
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog.getByRole('status')).toHaveText(
    `Imported ${imported.length} tags from “codebook.margin.json”.`,
  );
  await expect(rows).toHaveCount(before + labels.length);
  const shown = await rows.allTextContents();
  expect(labels.filter((label) => !shown.includes(label))).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Tags a passage from the toolbar with the tag named `label`, and expects the label shown exactly
 * in the entry and as the checked tag of the annotation's details.
 */
async function tagWith(page: Page, label: string, passage: Passage): Promise<void> {
  await selectAfter(page, passage.marker, passage.payload);
  const button = page.getByRole('toolbar', { name: 'Tag the selection' }).getByRole('button', {
    name: label,
    exact: true,
  });
  await button.click();
  const current = page.locator('.annotation-entry[aria-current="true"]');
  expect(await current.locator('.tag-badge').textContent()).toBe(label);
  await expect(
    page.locator('.annotation-detail').getByRole('radio', { name: label, exact: true }),
  ).toBeChecked();
}

/** Waits until every change is in the library. */
async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

/** The library's own record of its documents, read through the CLI. */
function listed(workbench: Workbench): { id: string; title: string; source: string }[] {
  return JSON.parse(workbench.cli('list', '--json')) as { id: string; title: string; source: string }[];
}

/** Expects the open document's title and source shown exactly as the library holds them. */
async function expectProvenance(
  page: Page,
  workbench: Workbench,
  title: string,
  source: string,
): Promise<void> {
  const [stored] = listed(workbench);
  expect(stored?.title).toBe(title);
  expect(stored?.source).toBe(source);
  const library = page.getByRole('navigation', { name: 'Library' });
  expect(await library.locator('.library-title').allTextContents()).toEqual([title]);
  expect(await page.locator('.article-source').textContent()).toBe(source);
  const heading = page.locator('.article-title');
  const shownTitle = (await heading.count()) > 0 ? await heading.textContent() : (await blockTexts(page))[0];
  expect(shownTitle).toBe(title);
}

/** Everything the watch saw and the page holds that hostile content must not cause; empty when safe. */
async function findings(page: Page, watched: Watch): Promise<string[]> {
  // Let timers, failed loads' error events and any refresh run before looking.
  await page.waitForTimeout(300);
  const problems = [...watched.problems, ...(await page.evaluate(scanWorkbench))];
  // A followed link may open one window, at its own address (refused at the route); nothing else may.
  if (watched.windows.length > watched.followed.size) {
    problems.push(`${watched.windows.length} windows opened for ${watched.followed.size} links followed`);
  }
  return problems;
}

/** Ends a test: the page holds nothing hostile, nothing ran, and the counts are recorded. */
async function finish(page: Page, watched: Watch, document: string): Promise<void> {
  expect(await findings(page, watched)).toEqual([]);
  expect(await page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned)).toBeUndefined();
  const total = new Set([...watched.tried.values()].flatMap((set) => [...set]));
  const places = [...watched.tried.entries()].map(([place, set]) => `${set.size} as ${place}`).join(', ');
  const links =
    watched.followed.size === 0
      ? ''
      : `; the ${watched.followed.size} web link(s) kept opened a window at their own address only`;
  const description = `${document}: ${total.size} of the corpus's ${ALL.length + HOSTILE_HREFS.length} payloads tried (${places}); none ran, navigated or requested anything from elsewhere${links}.`;
  test.info().annotations.push({ type: 'payloads', description });
  console.log(description);
}

/** A marker that finds payload `index` again in an imported text. */
const lead = (index: number, how = 'reads') => `Payload ${index + 1} ${how}`;

/** Escapes text for an HTML file, so the page's text is literally the payload. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The part every test shares, on the open document: quotes with payloads typed in, tags named
 * with payloads (one of them applied from the toolbar), then a reload, a scroll through the whole
 * article, and every annotation read back. `existing` counts the annotations the document came with.
 */
async function workOn(
  page: Page,
  workbench: Workbench,
  watched: Watch,
  plan: { index: number; author: string; passages: readonly Passage[]; tagged: Passage; existing?: number },
): Promise<void> {
  expect(plan.passages).toHaveLength(PER_TEST);
  const typed = await annotate(page, watched, plan.passages, plan.index * PER_TEST);
  const labels = LABELS.filter((_, index) => index % 4 === plan.index);
  await addTags(page, workbench, labels);
  tried(watched, 'tag name', ...labels);
  // A tag from the file, so its attributes are offered with their hostile names and choices.
  await tagWith(page, labels[TYPED_LABELS]!, plan.tagged);
  const detail = page.locator('.annotation-detail');
  await expect(detail.getByRole('textbox', { name: noteLabel(0), exact: true })).toBeVisible();
  expect(await detail.getByRole('combobox', { name: 'Pick' }).locator('option').allTextContents()).toEqual([
    '—',
    ...LABELS.slice(0, 3),
  ]);
  await saved(page);

  // After a reload every highlight is drawn as it scrolls into view, and reads back exactly.
  await page.reload();
  await page.locator('.article-text').waitFor();
  await scrollThrough(page);
  const highlighted = await page
    .locator('.article-text [data-annotation-id]')
    .evaluateAll((spans) => new Set(spans.map((span) => span.getAttribute('data-annotation-id'))).size);
  expect(highlighted).toBe((plan.existing ?? 0) + typed.length + 1);
  await readBack(page, typed, plan.author);
}

/** The analyst's name in each test: none is the name on a comment of the hostile report. */
const AUTHORS = [MARKUP_PAYLOADS[2]!, MARKUP_PAYLOADS[42]!, HOSTILE[1], MARKUP_PAYLOADS[44]!];

/** Opens the workbench, watched, under a hostile analyst name. */
async function start(
  page: Page,
  workbench: Workbench,
  index: number,
): Promise<{ watched: Watch; author: string }> {
  const watched = await watch(page, workbench);
  await page.goto(workbench.url);
  const author = AUTHORS[index]!;
  await setName(page, author);
  tried(watched, 'analyst name', author);
  return { watched, author };
}

test('the watch catches a payload that runs, loads, opens or alerts', async ({ page, workbench }) => {
  // What an escaping bug in the workbench would amount to, put in the page by hand.
  const watched = await watch(page, workbench);
  await page.goto(workbench.url);
  await page.evaluate((sentinel) => {
    const injected = document.createElement('div');
    injected.innerHTML = `<img src=x onerror="${sentinel}(999)"><a href="javascript:void 0">a link</a>`;
    document.body.append(injected);
    window.open('https://attacker.invalid/window');
    (window as Window & { __pwned?: unknown }).__pwned = 1;
    alert('pwned');
  }, SENTINEL);
  const problems = await findings(page, watched);
  for (const pattern of [
    /^payload 999 ran$/,
    /^window\.__pwned is 1: a script ran$/,
    /^a alert dialog: pwned$/,
    /^a request for https:\/\/attacker\.invalid\/window$/,
    /^1 windows opened for 0 links followed$/,
    /^<img> has an event attribute onerror$/,
    /^<a> links to "javascript:void 0"$/,
  ]) {
    expect(
      problems.some((problem) => pattern.test(problem)),
      `${pattern} among:\n${problems.join('\n')}`,
    ).toBe(true);
  }
});

test('plain text made of payloads, opened with the button, stays text', async ({ page, workbench }) => {
  const { watched, author } = await start(page, workbench, 0);
  // Each one-line payload in a paragraph of its own, led by its marker; the file name is one too.
  const paragraphs = ONE_LINE.map((payload, index) => `${lead(index)} ${payload} and ends here.`);
  const fileName = `${MARKUP_PAYLOADS[5]}.txt`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles({
    name: fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from(paragraphs.join('\n\n')),
  });
  await expect(page.locator('.article-text')).toContainText(lead(0));
  tried(watched, 'article text', ...ONE_LINE);
  tried(watched, 'title or file name', MARKUP_PAYLOADS[5]!);

  await scrollThrough(page);
  await expectBlocks(page, paragraphs);
  // With no title line, the title is made from the file name.
  await expectProvenance(page, workbench, titleFromFileName(fileName), fileName);
  expect(await clickLinks(page, watched)).toBe(0);

  const passage = (payload: string) => ({ marker: lead(ONE_LINE.indexOf(payload)), payload });
  await workOn(page, workbench, watched, {
    index: 0,
    author,
    passages: spread(MARKUP_PAYLOADS).map(passage),
    tagged: passage(MARKUP_PAYLOADS[1]!),
  });
  await finish(page, watched, 'plain text');
});

test('Markdown made of payloads, dropped on the window, keeps no link, image or markup', async ({
  page,
  workbench,
}) => {
  const { watched, author } = await start(page, workbench, 1);
  const title = `${MARKUP_PAYLOADS[0]} ${HOSTILE[1]}`;
  const byline = MARKUP_PAYLOADS[2]!;
  const fileName = `${MARKUP_PAYLOADS[3]}.md`;
  // Every payload as Markdown reads it (raw HTML is not parsed), then in code spans, then fenced.
  const raw = [...MARKUP_PAYLOADS, ...MARKDOWN_PAYLOADS].map((payload, index) => `${lead(index)} ${payload}`);
  const inCode = ONE_LINE.filter((payload) => !payload.includes('`'));
  const codeParagraphs = inCode.map(
    (payload, index) => `${lead(index, 'as code reads')} ${payload} and ends here.`,
  );
  const fenced = ALL.filter((payload) => !payload.includes('```')).join('\n');
  const markdown = [
    '---',
    `title: ${title}`,
    `author: ${byline}`,
    '---',
    '',
    ...raw,
    ...inCode.map((payload, index) => `${lead(index, 'as code reads')} \`${payload}\` and ends here.`),
    `\`\`\`\n${fenced}\n\`\`\``,
    '',
  ].join('\n\n');
  const dataTransfer = await page.evaluateHandle(
    ({ content, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/markdown' }));
      return transfer;
    },
    { content: markdown, name: fileName },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.locator('.article-text')).toContainText(lead(0));
  tried(watched, 'article markup', ...MARKUP_PAYLOADS, ...MARKDOWN_PAYLOADS);
  tried(watched, 'article text', ...inCode, ...ALL);
  tried(watched, 'title or file name', MARKUP_PAYLOADS[0]!, HOSTILE[1], byline, MARKUP_PAYLOADS[3]!);

  await scrollThrough(page);
  await expectBlocks(page, [...codeParagraphs, fenced]);
  await expectProvenance(page, workbench, title, fileName);
  expect(await page.locator('.article-details').textContent()).toBe(byline);
  await clickLinks(page, watched);

  const passage = (payload: string) => ({ marker: lead(inCode.indexOf(payload), 'as code reads'), payload });
  const markdownPayloads = MARKDOWN_PAYLOADS.filter((payload) => inCode.includes(payload));
  await workOn(page, workbench, watched, {
    index: 1,
    author,
    passages: spread(markdownPayloads).map(passage),
    tagged: passage(markdownPayloads[1]!),
  });
  await finish(page, watched, 'Markdown');
});

test('HTML made of payloads, opened with the button, keeps only its text', async ({ page, workbench }) => {
  const { watched, author } = await start(page, workbench, 2);
  const title = `${HOSTILE[1]} ${MARKUP_PAYLOADS[3]}`;
  // Readability decodes entities in a page's metadata a second time (many sites escape them
  // twice), so the byline and site name carry none; the article's text has them.
  const byline = MARKUP_PAYLOADS[23]!;
  const site = MARKUP_PAYLOADS[24]!;
  // The payloads as the page's text first (escaped), then as its markup, in the head and the body.
  const asText = ONE_LINE.map(
    (payload, index) => `${lead(index, 'as text reads')} ${payload} and ends here.`,
  );
  const multiLine = ALL.filter((payload) => payload.includes('\n'));
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${htmlText(title)}</title>`,
    `<meta name="author" content="${htmlText(byline)}">`,
    `<meta property="og:site_name" content="${htmlText(site)}">`,
    ...MARKUP_PAYLOADS.filter((payload) => /^<(?:script|meta|base|link|style)/.test(payload)),
    `</head><body onload="${SENTINEL}(0)"><article>`,
    `<h1>${htmlText(title)}</h1>`,
    ...asText.map((text) => `<p>${htmlText(text)}</p>`),
    ...multiLine.map((text) => `<pre>${htmlText(text)}</pre>`),
    ...MARKUP_PAYLOADS.map((payload, index) => `<p>${lead(index)} ${payload} and ends here.</p>`),
    '</article></body></html>',
  ].join('\n');
  const fileName = 'payloads.html';
  writeFileSync(join(workbench.folder, fileName), html);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(join(workbench.folder, fileName));
  await expect(page.locator('.article-text')).toContainText(lead(0, 'as text reads'));
  tried(watched, 'article text', ...ALL);
  tried(watched, 'article markup', ...MARKUP_PAYLOADS);
  tried(watched, 'title or file name', HOSTILE[1], MARKUP_PAYLOADS[3]!, byline, site);

  await scrollThrough(page);
  await expectBlocks(page, [...asText, ...multiLine]);
  await expectProvenance(page, workbench, title, fileName);
  expect(await page.locator('.article-details').textContent()).toBe(`${byline} · ${site}`);
  expect(await clickLinks(page, watched)).toBe(0);

  const passage = (payload: string) => ({
    marker: lead(ONE_LINE.indexOf(payload), 'as text reads'),
    payload,
  });
  await workOn(page, workbench, watched, {
    index: 2,
    author,
    passages: spread(HOSTILE.filter((payload) => ONE_LINE.includes(payload))).map(passage),
    tagged: passage(HOSTILE[1]),
  });
  await finish(page, watched, 'HTML');
});

/** Link addresses no importer lets through, which a report could still carry in its blocks. */
const HOSTILE_HREFS = [
  `javascript:${SENTINEL}(200)`,
  ` JaVaScRiPt:${SENTINEL}(201)`,
  `java\tscript:${SENTINEL}(202)`,
  `\u0000javascript:${SENTINEL}(203)`,
  `data:text/html,<script>${SENTINEL}(204)</script>`,
  'vbscript:msgbox(205)',
  'file:///etc/passwd',
  '//attacker.invalid/206',
  '/api/library/list',
];

/**
 * Another analyst's JSON report of a document made of payloads: its title and provenance, link
 * marks with hostile addresses, a tag whose name, description and attributes are payloads, and
 * annotations whose attributes, comments, authors and replies are payloads.
 */
function hostileReport(): Report {
  const texts = ONE_LINE.map(
    (payload, index) => `${lead(index, 'in the report reads')} ${payload} and ends here.`,
  );
  const blocks: Block[] = [];
  let offset = 0;
  for (const [index, text] of texts.entries()) {
    // Each paragraph's word "reads" is a link to one of the hostile addresses.
    const word = text.indexOf('reads');
    const href = HOSTILE_HREFS[index % HOSTILE_HREFS.length]!;
    const marks = [{ type: 'link' as const, start: word, end: word + 'reads'.length, href }];
    blocks.push({ type: 'paragraph', text, start: offset, end: offset + text.length, marks });
    offset += text.length + 2;
  }
  const text = texts.join('\n\n');
  const now = '2026-11-27T10:00:00.000Z';
  const documentId = randomUUID();
  const tag: Tag = {
    key: 'hostile',
    label: MARKUP_PAYLOADS[0]!,
    color: '#6d28d9',
    description: MARKUP_PAYLOADS[2]!,
    shortcut: null,
    underline: 'dotted',
    archived: false,
    attributes: [
      { key: 'note', label: MARKUP_PAYLOADS[5]!, type: 'text' },
      { key: 'stance', label: MARKUP_PAYLOADS[13]!, type: 'choice', options: ONE_LINE.slice(0, 5) },
      { key: 'link', label: MARKUP_PAYLOADS[21]!, type: 'url' },
    ],
  };
  const comment = (author: string, body: string, replies: Comment[] = []): Comment => ({
    id: randomUUID(),
    author,
    body,
    createdAt: now,
    updatedAt: now,
    replies,
  });
  const annotation = (index: number, key: string, attributes: Annotation['attributes']): Annotation => {
    const block = blocks[index]!;
    const start = block.start + block.text.indexOf(ONE_LINE[index]!);
    const end = start + ONE_LINE[index]!.length;
    return {
      id: randomUUID(),
      documentId,
      tag: key,
      start,
      end,
      ...anchorAt(text, start, end),
      attributes,
      comments: [
        {
          ...comment(ONE_LINE[index + 1]!, ALL[index + 2]!, [comment(ONE_LINE[index + 3]!, ALL[index + 4]!)]),
          resolvedAt: now,
          resolvedBy: ONE_LINE[index + 5]!,
        },
      ],
      createdAt: now,
      updatedAt: now,
    };
  };
  const annotations = [
    annotation(1, 'hostile', {
      note: MARKUP_PAYLOADS[1]!,
      stance: MARKUP_PAYLOADS[7]!,
      link: `javascript:${SENTINEL}(210)`,
    }),
    annotation(3, 'quote', {
      speaker: MARKUP_PAYLOADS[9]!,
      speakerRole: MARKUP_PAYLOADS[10]!,
      cue: HOSTILE[0],
    }),
    annotation(5, 'claim', {
      verdict: 'false',
      evidence: HOSTILE_HREFS.map((url, index) => ({ url, note: ONE_LINE[index]! })),
    }),
  ];
  return {
    format: 'margin.report',
    version: 1,
    generatedAt: now,
    generator: MARKUP_PAYLOADS[0]!,
    document: {
      id: documentId,
      title: `${MARKUP_PAYLOADS[11]} ${HOSTILE[8]}`,
      byline: MARKUP_PAYLOADS[16]!,
      siteName: MARKUP_PAYLOADS[17]!,
      source: HOSTILE_HREFS[0]!,
      publishedAt: '<!--]]>',
      lang: `en" onmouseover="${SENTINEL}(212)`,
      dir: 'ltr',
      format: 'html',
      contentHash: contentHash(text),
      text,
      blocks,
      importedAt: now,
    },
    tags: [tag],
    annotations,
    stats: { annotationCount: annotations.length, byTag: { hostile: 1, quote: 1, claim: 1 }, coverage: 0.01 },
  };
}

/** Imports a JSON report with the Import report button and waits for the dialog saying what it did. */
async function importReport(page: Page, workbench: Workbench, report: Report, fileName: string) {
  const file = join(workbench.folder, fileName);
  writeFileSync(file, JSON.stringify(report));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Report imported' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('another analyst’s report made of payloads, imported, runs and links nothing', async ({
  page,
  workbench,
}) => {
  const { watched, author } = await start(page, workbench, 3);
  const report = hostileReport();
  const { document } = report;
  let dialog = await importReport(page, workbench, report, 'report.json');
  await expect(dialog.locator('.merge-summary')).toHaveText('report.json: no conflicts.');
  await dialog.getByRole('button', { name: document.title, exact: true }).click();
  await expect(page.locator('.article-text')).toContainText(lead(0, 'in the report reads'));
  // The tag the report added is shown by its name and offered with its attributes at once.
  tried(watched, 'article text', ...ONE_LINE);
  tried(
    watched,
    'title or file name',
    MARKUP_PAYLOADS[11]!,
    HOSTILE[8],
    document.source,
    document.byline!,
    document.siteName!,
  );
  for (const href of HOSTILE_HREFS) tried(watched, 'article markup', href);

  await scrollThrough(page);
  await expectBlocks(
    page,
    document.blocks.map((block) => block.text),
  );
  await expectProvenance(page, workbench, document.title, document.source);
  await expect(page.locator('.article-details')).toContainText(`${document.byline} · ${document.siteName}`);
  await clickLinks(page, watched);

  // The report's own annotations: the hostile tag, attributes, threads by other analysts.
  const detail = page.locator('.annotation-detail');
  for (const annotation of report.annotations) {
    await page.locator(`.article-text [data-annotation-id="${annotation.id}"]`).click();
    await expect(detail).toHaveAttribute('data-tag', annotation.tag);
    const [thread] = annotation.comments;
    const shown = await detail.locator('.comment-body').allTextContents();
    expect(shown).toEqual([thread!.body, thread!.replies[0]!.body]);
    expect(await detail.locator('.comment-author').allTextContents()).toEqual([
      thread!.author,
      thread!.replies[0]!.author,
    ]);
    await expect(detail.locator('.thread-state')).toContainText(`Resolved by ${thread!.resolvedBy}, `);
    tried(watched, 'comment', thread!.body);
    tried(watched, 'reply', thread!.replies[0]!.body);
  }
  const [tagged, quoted, claimed] = report.annotations;
  const [tag] = report.tags;
  await page.locator(`.article-text [data-annotation-id="${tagged!.id}"]`).click();
  await expect(detail.getByRole('radio', { name: tag!.label!, exact: true })).toBeChecked();
  for (const attribute of tag!.attributes!) {
    await expect(detail.getByLabel(attribute.label, { exact: true })).toHaveValue(
      String(tagged!.attributes[attribute.key]),
    );
  }
  await page.locator(`.article-text [data-annotation-id="${quoted!.id}"]`).click();
  await expect(detail.getByLabel('Speaker', { exact: true })).toHaveValue(String(quoted!.attributes.speaker));
  await page.locator(`.article-text [data-annotation-id="${claimed!.id}"]`).click();
  for (const [index, url] of HOSTILE_HREFS.entries()) {
    await expect(detail.getByLabel(`Evidence link ${index + 1}`, { exact: true })).toHaveValue(url.trim());
  }

  // The same report again, with other content: each conflict is shown side by side, as text.
  await page.keyboard.press('Escape');
  const changed: Report = {
    ...report,
    annotations: report.annotations.map((annotation) => ({
      ...annotation,
      attributes: { ...annotation.attributes, holder: MARKUP_PAYLOADS[30]! },
    })),
  };
  dialog = await importReport(page, workbench, changed, `${MARKUP_PAYLOADS[2]}.json`);
  await expect(dialog.locator('.merge-summary')).toHaveText(
    `${MARKUP_PAYLOADS[2]}.json: 3 conflicts; the library’s copies were kept.`,
  );
  const quotes = await dialog.locator('.conflict-quote').allTextContents();
  expect(quotes).toEqual(report.annotations.flatMap((annotation) => [annotation.quote, annotation.quote]));
  expect(await dialog.locator('dd').allTextContents()).toContain(MARKUP_PAYLOADS[30]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const passage = (payload: string) => ({
    marker: lead(ONE_LINE.indexOf(payload), 'in the report reads'),
    payload,
  });
  await workOn(page, workbench, watched, {
    index: 3,
    author,
    passages: ONE_LINE.slice(8, 8 + PER_TEST).map(passage),
    tagged: passage(ONE_LINE[7]!),
    existing: report.annotations.length,
  });
  await finish(page, watched, 'JSON report');
});
