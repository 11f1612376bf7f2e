import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBinary } from '../../../../../electron/services/import/checkArticleBytes';
import { type ImportedArticle, readArticle } from '../../../../../electron/services/import/readArticle';
import { readPlainText } from '../../../../../electron/services/import/readPlainText';
import { placeBlocks } from '../../../../../shared/anchoring/placeBlocks';
import { expectCanonical, fixtureBytes, utf8 } from './importTestKit';

const NO_BREAK_SPACE = '\u00a0';

describe('the reference article', () => {
  const bytes = fixtureBytes('ectc-terror-report.txt');
  let article: ImportedArticle;
  beforeAll(async () => {
    article = await readArticle('ectc-terror-report.txt', bytes);
  });
  const fileParagraphs = new TextDecoder()
    .decode(bytes)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');

  it('has its nine paragraphs as blocks, placed in the canonical text', () => {
    expect(fileParagraphs).toHaveLength(9);
    expect(article.blocks.map((block) => block.text)).toEqual(fileParagraphs);
    expect(article.blocks.every((block) => block.type === 'paragraph')).toBe(true);
    expectCanonical(article);
  });

  it('keeps every no-break space the file has', () => {
    const count = (text: string) => text.split(NO_BREAK_SPACE).length - 1;
    expect(count(article.text)).toBeGreaterThan(0);
    expect(count(article.text)).toBe(count(fileParagraphs.join('\n\n')));
  });

  it('takes its title from the file name, as its first paragraph is prose', () => {
    expect(article.metadata).toEqual({
      title: 'Ectc terror report',
      byline: null,
      siteName: null,
      source: 'ectc-terror-report.txt',
      publishedAt: null,
      lang: null,
      dir: 'ltr',
      format: 'text',
    });
  });
});

describe('readPlainText', () => {
  it('joins the lines of a paragraph with a space and treats whitespace-only lines as blank', () => {
    const { blocks } = readPlainText('first line\nsecond line\n \t\nnext paragraph', 'a.txt');
    expect(blocks.map((block) => block.text)).toEqual(['first line second line', 'next paragraph']);
  });

  it('makes a title-like opening line the title and a level-1 heading', () => {
    const { metadata, blocks } = readPlainText(
      'Europe braces for more attacks\n\nThe report says so.',
      'x.txt',
    );
    expect(metadata.title).toBe('Europe braces for more attacks');
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'Europe braces for more attacks',
      marks: [],
    });
    expect(blocks[1]?.type).toBe('paragraph');
  });

  it.each([
    ['a sentence', 'The report says so.\n\nMore.'],
    ['a lower-case start', 'according to the report\n\nMore.'],
    ['a wrapped paragraph', 'Europe braces\nfor more attacks\n\nMore.'],
    ['the only paragraph', 'Europe braces for more attacks'],
    ['more than 20 words', `${'word '.repeat(21).trim()}\n\nMore.`],
    ['more than 120 characters', `${'A'.repeat(121)}\n\nMore.`],
    ['a colon at the end', 'He said:\n\nMore.'],
  ])('takes the title from the file name when the opening is %s', (_case, source) => {
    const { metadata, blocks } = readPlainText(source, 'my_notes--on-it.text');
    expect(metadata.title).toBe('My notes on it');
    expect(blocks[0]?.type).toBe('paragraph');
  });
});

// Text built from the pieces that make normalisation hard, mixed with arbitrary characters.
const awkwardText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\r\n',
        '\r',
        '\n',
        '\n\n',
        '\n \n',
        ' ',
        '\t',
        NO_BREAK_SPACE,
        '😀',
        '\u{1F1EB}\u{1F1F7}',
        'a',
        'Z',
        '.',
      ),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

describe('plain text normalisation (property)', () => {
  const read = (source: string) => {
    const { metadata, blocks } = readPlainText(source, 'property.txt');
    return { metadata, ...placeBlocks(blocks) };
  };

  it('gives non-empty trimmed blocks that join to the text, with no carriage returns', () => {
    fc.assert(
      fc.property(awkwardText, (source) => {
        const article = read(source);
        expect(article.blocks.length === 0).toBe(source.trim() === '');
        if (article.blocks.length > 0) expectCanonical(article);
        for (const block of article.blocks) {
          expect(block.text).toBe(block.text.trim());
          expect(block.text).not.toContain('\n');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads its own canonical text back unchanged', () => {
    fc.assert(
      fc.property(awkwardText, (source) => {
        const once = read(source).text;
        expect(read(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same text from a file as from its decoded string, whatever its line endings', async () => {
    const printable = awkwardText.filter((text) => text.trim() !== '' && !isBinary(utf8(text)));
    await fc.assert(
      fc.asyncProperty(printable, async (source) => {
        const article = await readArticle('property.txt', utf8(source));
        expectCanonical(article);
        expect(article.text).toBe(read(source.replace(/\r\n?/g, '\n')).text);
      }),
      { numRuns: 300 },
    );
  });
});
