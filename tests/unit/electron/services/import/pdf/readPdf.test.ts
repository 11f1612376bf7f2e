import { describe, expect, it } from 'vitest';
import { pdfDate } from '../../../../../../electron/services/import/pdf/readPdfPages';
import { type ImportedArticle, readArticle } from '../../../../../../electron/services/import/readArticle';
import { pageAt } from '../../../../../../shared/model';
import { FIXTURE_TIME } from '../../../../../fixtures/build/buildDocx';
import {
  FIXTURE_SOURCES,
  type FixtureArticle,
  fixtureArticle,
} from '../../../../../fixtures/build/fixtureArticles';
import { expectCanonical, expectRefusal, fixtureBytes, utf8 } from '../importTestKit';

/** What the fixture PDF shows, block by block: the headline, the byline line, then the article. */
function expectedBlocks(original: FixtureArticle) {
  const [first] = original.blocks;
  const hasHeadline = first?.type === 'heading' && first.level === 1;
  const blocks = original.blocks.map((block) => ({ type: block.type, text: block.text }));
  if (!hasHeadline) blocks.unshift({ type: 'heading', text: original.metadata.title });
  if (original.metadata.byline)
    blocks.splice(1, 0, { type: 'paragraph', text: `By ${original.metadata.byline}` });
  return blocks;
}

/**
 * A PDF keeps no difference between a space and a no-break space, nor a line break inside a
 * paragraph; a hyphen at a line's end is ambiguous where the word is not spelt elsewhere.
 */
const loosely = (text: string) => text.replace(/\s+/g, ' ');
const withoutHyphens = (text: string) => loosely(text).replace(/-/g, '');

async function readFixture(name: string): Promise<ImportedArticle> {
  return readArticle(`${name}.pdf`, fixtureBytes(`pdf/${name}.pdf`));
}

describe('readPdf on PDFs laid out from the reference article and two news pages', () => {
  for (const source of FIXTURE_SOURCES) {
    it(`rebuilds the paragraphs of ${source.name}.pdf in reading order, without its running lines`, async () => {
      const original = await fixtureArticle(source);
      const article = await readFixture(source.name);
      expectCanonical(article);
      const expected = expectedBlocks(original);
      expect(article.blocks.map((block) => block.type)).toEqual(expected.map((block) => block.type));
      expect(article.blocks.map((block) => withoutHyphens(block.text))).toEqual(
        expected.map((block) => withoutHyphens(block.text)),
      );
      const identical = article.blocks.filter(
        (block, index) => block.text === loosely(expected[index]!.text),
      );
      // Only a hard hyphen that falls at a line's end may be lost ("non-inscrits" in Le Monde's page).
      expect(identical.length).toBeGreaterThanOrEqual(expected.length - 1);
      expect(article.text).not.toMatch(/THE DAILY EXAMPLE|Page \d+ of \d+|Tuesday, 5 March 2024/);
      expect(article.metadata).toMatchObject({
        title: original.metadata.title,
        byline: original.metadata.byline,
        publishedAt: new Date(FIXTURE_TIME).toISOString(),
        format: 'pdf',
        source: `${source.name}.pdf`,
      });
    });
  }

  it('joins words hyphenated at line ends and keeps hyphens the text spells', async () => {
    const { text } = await readFixture('ectc-terror-report');
    expect(text).not.toMatch(/\p{L}- \p{Ll}/u);
    expect(text).toContain('self-radicalization');
    expect(text).toContain('US-led coalition');
  });

  it('records the page of every block, and where a paragraph runs onto the next page', async () => {
    const article = await readFixture('medium-1');
    const pages = article.blocks.map((block) => block.page);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(5);
    expect(pages).toEqual([...pages].sort((p, q) => p! - q!));
    const crossing = article.blocks.filter((block) => block.pageBreaks !== undefined);
    expect(crossing.length).toBeGreaterThan(0);
    for (const block of crossing) {
      const breakAt = block.start + block.pageBreaks![0]!;
      expect(pageAt(block, breakAt - 1)).toBe(block.page);
      expect(pageAt(block, breakAt)).toBe(block.page! + 1);
    }
    // "The media land-" ends page 2 and "scape will change" starts page 3.
    const landscape = article.blocks.find((block) => block.text.includes('The media landscape will change'))!;
    expect(landscape.page).toBe(2);
    expect(pageAt(landscape, article.text.indexOf('scape will change'))).toBe(3);
    expect(pageAt(landscape, article.text.indexOf('The media land'))).toBe(2);
  });

  it('reads list items with their bullets and numbers taken off', async () => {
    const { blocks } = await readFixture('medium-1');
    const items = blocks.filter((block) => block.type === 'listItem');
    const original = (await fixtureArticle(FIXTURE_SOURCES[1])).blocks.filter(
      (block) => block.type === 'listItem',
    );
    expect(items.map((item) => [item.ordered, item.number])).toEqual(
      original.map((item) => [item.ordered, item.ordered ? item.number : undefined]),
    );
  });

  it('reads a PDF handed over as a Node Buffer, as files and transports deliver it', async () => {
    const article = await readArticle('lemonde-1.pdf', Buffer.from(fixtureBytes('pdf/lemonde-1.pdf')));
    expect(article.blocks.length).toBeGreaterThan(30);
  });

  it('refuses a PDF of scanned pages with one sentence saying there is no text layer', async () => {
    const error = await expectRefusal(() => readFixture('scanned'), 'not-an-article');
    expect(error.message).toMatch(/no text layer/);
    expect(error.message).toMatch(/OCR/);
  });

  it('refuses bytes that are not a PDF, and a PDF cut short', async () => {
    await expectRefusal(() => readArticle('notes.pdf', utf8('just some text')), 'not-an-article');
    const pdf = fixtureBytes('pdf/lemonde-1.pdf');
    await expectRefusal(() => readArticle('cut.pdf', pdf.subarray(0, 600)), 'not-an-article');
  });
});

describe('pdfDate', () => {
  it('reads the dates PDF writers put in the document information', () => {
    expect(pdfDate('D:20240305093000Z')).toBe('2024-03-05T09:30:00.000Z');
    expect(pdfDate("D:20240305103000+01'00'")).toBe('2024-03-05T09:30:00.000Z');
    expect(pdfDate("D:20240305043000-05'00")).toBe('2024-03-05T09:30:00.000Z');
    expect(pdfDate('D:2024')).toBe('2024-01-01T00:00:00.000Z');
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate(null)).toBeNull();
  });
});
