import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../../../electron/services/import/decodeHtml';
import { decodeText, normaliseLineEndings } from '../../../../../electron/services/import/decodeText';
import { type ImportedArticle, readArticle } from '../../../../../electron/services/import/readArticle';
import { ApiError, ErrorCode } from '../../../../../shared/api/errors';
import { expectCanonical, expectOneSentence, utf8, utf16 } from './importTestKit';

function withUtf8Bom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
}

/**
 * Imports a file, asserting that it either gives a canonical article or is refused with an
 * ApiError of a known code and one sentence; anything else thrown fails the property.
 */
async function importOrRefusal(fileName: string, bytes: Uint8Array): Promise<ImportedArticle | ApiError> {
  try {
    const article = await readArticle(fileName, bytes);
    expectCanonical(article);
    return article;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(ErrorCode.options).toContain(error.code);
    expectOneSentence(error.message);
    expect(error.message).not.toContain('\n');
    return error;
  }
}

/** Line breaks of every kind, whitespace JavaScript trims, and text in several scripts. */
const TEXT_PIECE = fc.constantFrom(
  'word',
  'Capital',
  'x',
  '.',
  ',',
  ':',
  ' ',
  '   ',
  '\t',
  '\f',
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  'é',
  'e\u0301',
  '😀',
  'שלום',
  'текст',
);
const text = fc.string({ unit: TEXT_PIECE, maxLength: 120 });
/** Any well-formed Unicode, control characters included. */
const unicode = fc.string({ unit: 'binary', maxLength: 120 });

/** Text with every line break turned into CRLF, lone CR or a mix of the three. */
const withOtherLineEndings = (source: string) =>
  fc
    .array(fc.constantFrom('\r\n', '\r', '\n'), {
      minLength: (source.match(/\n/g) ?? []).length,
      maxLength: (source.match(/\n/g) ?? []).length,
    })
    .map((endings) =>
      source.split('\n').reduce((joined, line, index) => {
        const ending = endings[index - 1] ?? '\n';
        // A lone CR right before an LF would join the two into one line break.
        return `${joined}${ending === '\n' && joined.endsWith('\r') ? '\r\n' : ending}${line}`;
      }),
    );

describe('decoding', () => {
  it('reads the same text from UTF-8, UTF-8 with a BOM, and UTF-16 LE and BE with a BOM', () => {
    fc.assert(
      fc.property(fc.oneof(text, unicode), (source) => {
        const expected = normaliseLineEndings(source);
        expect(decodeText(withUtf8Bom(source))).toBe(expected);
        expect(decodeText(utf16(source, 'le'))).toBe(expected);
        expect(decodeText(utf16(source, 'be'))).toBe(expected);
        // Without a BOM of its own, a leading U+FEFF is read as one.
        expect(decodeText(utf8(source))).toBe(normaliseLineEndings(source.replace(/^\uFEFF/, '')));
        expect(decodeHtml(utf16(source, 'le'))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normaliseLineEndings', () => {
  it('leaves no CR, keeps every line, and changes nothing a second time', () => {
    fc.assert(
      fc.property(fc.oneof(text, unicode), (source) => {
        const normalised = normaliseLineEndings(source);
        expect(normalised).not.toContain('\r');
        expect(normalised.split('\n')).toEqual(source.split(/\r\n|\r|\n/));
        expect(normaliseLineEndings(normalised)).toBe(normalised);
      }),
      { numRuns: 500 },
    );
  });
});

describe('plain text import', () => {
  it('keeps every character but whitespace, in order, in trimmed one-line blocks, a paragraph each', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const result = await importOrRefusal('story.txt', utf8(source));
        if (result instanceof ApiError) {
          expect(source.trim()).toBe('');
          return;
        }
        expect(result.text.replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));
        for (const block of result.blocks) {
          expect(block.text).toBe(block.text.trim());
          expect(block.text).not.toMatch(/[\r\n]/);
        }
        const lines = source.split(/\r\n|\r|\n/);
        const paragraphStarts = lines.filter(
          (line, index) => line.trim() !== '' && (index === 0 || lines[index - 1]!.trim() === ''),
        );
        expect(result.blocks).toHaveLength(paragraphStarts.length);
      }),
      { numRuns: 400 },
    );
  });

  it('reads its own canonical text back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const result = await importOrRefusal('story.txt', utf8(source));
        if (result instanceof ApiError) return;
        expect((await readArticle('again.txt', utf8(result.text))).text).toBe(result.text);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['story.txt', 'story.md'])(
    'reads %s the same whatever its encoding or line endings',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(
          text
            // A U+FEFF after a UTF-16 BOM is text, where UTF-8 would read it as a BOM and drop it.
            .map((source) => source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''))
            .chain((source) => fc.tuple(fc.constant(source), withOtherLineEndings(source))),
          async ([source, converted]) => {
            const expected = await importOrRefusal(name, utf8(source));
            for (const bytes of [utf8(converted), utf16(converted, 'le'), utf16(source, 'be')]) {
              const result = await importOrRefusal(name, bytes);
              if (expected instanceof ApiError) expect((result as ApiError).code).toBe(expected.code);
              else expect(result).toEqual(expected);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it('imports or refuses any bytes at all, never throwing anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        await importOrRefusal('bytes.txt', bytes);
        await importOrRefusal('bytes.md', bytes);
      }),
      { numRuns: 300 },
    );
  });
});

/** Markdown syntax of every kind, raw HTML (kept as text) and hostile link targets. */
const MARKDOWN_PIECE = fc.constantFrom(
  '# ',
  '###### ',
  '####### ',
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '99999999999999999999. ',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '~~~',
  '    ',
  '\t',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '[x]: ',
  'https://example.com/a?b=c',
  'javascript:alert(1)',
  '<https://example.com>',
  '<b>',
  '</b>',
  '<script>',
  '<!--',
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '\\',
  '|',
  '| --- |',
  '---',
  '===',
  '---\ntitle: T\n---\n',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  'word',
  'Capital',
  'é',
  '😀',
  'שלום',
);
const markdownSource = fc.oneof(fc.string({ unit: MARKDOWN_PIECE, maxLength: 80 }), unicode);

describe('Markdown import', () => {
  it('imports any text as a canonical article or refuses it with one sentence', async () => {
    await fc.assert(
      fc.asyncProperty(markdownSource, async (source) => {
        await importOrRefusal('story.md', utf8(source));
      }),
      { numRuns: 500 },
    );
  });
});

/** Elements Margin reads, skips or must never run, with attributes that try to get through. */
const HTML_PIECE = fc.constantFrom(
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<a href="https://example.com/x">',
  '<a href="javascript:alert(1)">',
  '<a href="/relative">',
  '</a>',
  '<ul>',
  '<ol start="-99999999999">',
  '<li>',
  '</li>',
  '</ul>',
  '<table>',
  '<tr>',
  '<td>',
  '<th>',
  '</table>',
  '<pre>',
  '</pre>',
  '<br>',
  '<hr>',
  '<h1>',
  '</h1>',
  '<h7>',
  '<blockquote>',
  '<svg><path d="M0 0"/>',
  '</svg>',
  '<math>',
  '<script>alert(1)</script>',
  '<script>',
  '<style>p{}</style>',
  '<iframe srcdoc="<p>x</p>">',
  '<template>',
  '<noscript>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<title>',
  '</title>',
  '<meta charset="koi8-r">',
  '<meta charset="utf-16">',
  '<meta charset="no-such-charset">',
  '<html lang="ar" dir="rtl">',
  '<base href="https://example.com/">',
  '<link rel="canonical" href="https://example.com/story">',
  '<img alt="an image" src="x">',
  '&nbsp;',
  '&lt;',
  '&#0;',
  '&#x1F600;',
  '&bogus;',
  '<',
  '>',
  '"',
  ' ',
  '\n',
  '\r',
  'word',
  'Capital',
  'é',
  '😀',
  'שלום',
);
const htmlSource = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: HTML_PIECE, maxLength: 60 }) },
  { weight: 1, arbitrary: unicode },
);

describe('web page import', () => {
  it('imports any markup as a canonical article or refuses it with one sentence', async () => {
    await fc.assert(
      fc.asyncProperty(htmlSource, async (source) => {
        await importOrRefusal('page.html', utf8(source));
      }),
      // Each page costs jsdom a window of its own, some 50 ms.
      { numRuns: 40 },
    );
  });

  it('imports or refuses any bytes at all, whatever charset they fall back to', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 120 }), async (bytes) => {
        await importOrRefusal('page.html', bytes);
      }),
      { numRuns: 40 },
    );
  });
});
