import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type ImportedArticle, readArticle } from '../../../../../electron/services/import/readArticle';
import { expectCanonical, FIXTURES, fixtureBytes } from './importTestKit';

interface PageMeta {
  title: string;
  lang?: string;
  dir: string | null;
}

const HTML = new URL('html/', FIXTURES);
const pageNames = readdirSync(HTML)
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length))
  .sort();
async function readPage(name: string) {
  const bytes = fixtureBytes(`html/${name}.html`);
  const started = performance.now();
  const article = await readArticle(`${name}.html`, bytes);
  const milliseconds = performance.now() - started;
  const meta = JSON.parse(readFileSync(new URL(`${name}.meta.json`, HTML), 'utf8')) as PageMeta;
  return { name, bytes, article, meta, milliseconds };
}
// One page at a time, so each page's time is its own.
const pages: Awaited<ReturnType<typeof readPage>>[] = [];
for (const name of pageNames) pages.push(await readPage(name));

/** Lines longer than 40 characters of every script and style element of the page as saved. */
function codeLines(bytes: Uint8Array): string[] {
  // Every saved page is UTF-8, so decoding here does not depend on how the importer reads charsets.
  const document = new JSDOM(new TextDecoder().decode(bytes), { virtualConsole: new VirtualConsole() }).window
    .document;
  return [...document.querySelectorAll('script, style')]
    .flatMap((element) => (element.textContent ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length > 40);
}

describe('the saved news pages', () => {
  it('are all in the corpus', () => {
    expect(pageNames).toHaveLength(14);
  });

  it.each(pages.map((page) => [page.name, page]))(
    '%s gives article text in canonical form',
    (_name, page) => {
      expect(page.article.text.length).toBeGreaterThan(0);
      expect(page.article.metadata.format).toBe('html');
      expectCanonical(page.article);
    },
  );

  it('give the reader’s title for at least 12 of the 14 pages', () => {
    const differing = pages.filter((page) => page.article.metadata.title !== page.meta.title);
    const details = differing.map(
      (page) =>
        `\n  ${page.name}: ${JSON.stringify(page.article.metadata.title)} ≠ ${JSON.stringify(page.meta.title)}`,
    );
    console.info(
      `${pages.length - differing.length} of ${pages.length} titles match their .meta.json${details.join('')}`,
    );
    expect(pages.length - differing.length).toBeGreaterThanOrEqual(12);
  });

  it.each(pages.map((page) => [page.name, page]))(
    '%s has the language and direction its meta gives',
    (_name, page) => {
      if (page.meta.lang !== undefined) expect(page.article.metadata.lang).toBe(page.meta.lang);
      expect(page.article.metadata.dir).toBe(page.meta.dir ?? 'ltr');
    },
  );

  it('reads the right-to-left page as right to left', () => {
    expect(pages.find((page) => page.name === 'rtl-1')?.article.metadata.dir).toBe('rtl');
  });

  it.each(pages.map((page) => [page.name, page]))(
    '%s lets no script or style text into the article',
    (_name, page) => {
      const leaked = codeLines(page.bytes).filter((line) => page.article.text.includes(line));
      expect(leaked).toEqual([]);
    },
  );

  it.each(pages.map((page) => [page.name, page]))('%s keeps only http(s) and mailto links', (_name, page) => {
    const hrefs = page.article.blocks.flatMap((block) => block.marks.flatMap((mark) => mark.href ?? []));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it('decodes every page as Unicode, so no mojibake reaches the text', () => {
    for (const { article } of pages) expect(article.text).not.toMatch(/â€|Ã[\x80-\xbf]|\ufffd/);
  });

  it('takes the source from the page’s canonical address when it has one', () => {
    const guardian = pages.find((page) => page.name === 'guardian-1')?.article as ImportedArticle;
    expect(guardian.metadata.source).toMatch(/^https:\/\/www\.theguardian\.com\//);
    const rtl = pages.find((page) => page.name === 'rtl-1')?.article as ImportedArticle;
    expect(rtl.metadata.source).toBe('rtl-1.html');
  });

  it('imports the largest page quickly', () => {
    const largest = pages.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
    console.info(
      `${largest.name}.html (${largest.bytes.length} bytes) imported in ${Math.round(largest.milliseconds)} ms`,
    );
    expect(largest.milliseconds).toBeLessThan(3000);
  });
});

describe('the headline', () => {
  it('goes back in front of the body as a level-1 heading, so it can be tagged', async () => {
    const page =
      '<html><head><title>Minister denies report</title></head><body><article><h1>Minister denies report</h1><p>The minister said on Monday that the report was wrong and would be withdrawn.</p><p>Critics disagreed.</p></article></body></html>';
    const { blocks } = await readArticle('page.html', new TextEncoder().encode(page));
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, text: 'Minister denies report' });
    expect(blocks.filter((block) => block.text === 'Minister denies report')).toHaveLength(1);
  });
});
