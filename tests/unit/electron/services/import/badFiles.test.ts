import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../../../../electron/host/cli/commands';
import { LibraryStore } from '../../../../../electron/services/db/libraryStore';
import { readArticle } from '../../../../../electron/services/import/readArticle';
import { MAX_ARTICLE_BYTES } from '../../../../../shared/api/contract';
import { ApiError, ErrorCode } from '../../../../../shared/api/errors';
import { openTestWorkbench } from '../../../support/library';
import { useTemporaryFolder } from '../../../support/temporaryFolder';
import { expectCanonical, expectRefusal, utf8, utf16 } from './importTestKit';

/** Asserts a refusal as a person meets it: an ApiError with a stable code, one sentence, one line. */
async function expectClearRefusal(read: () => unknown, code: ErrorCode): Promise<ApiError> {
  const error = await expectRefusal(read, code);
  expect(ErrorCode.options).toContain(error.code);
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).not.toMatch(/\bat \S+ \(|node_modules|RangeError|TypeError/);
  return error;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Byte sequences no UTF-8 decoder may accept. */
const INVALID_UTF8: ReadonlyArray<[string, number[]]> = [
  ['a lone continuation byte', [0x80]],
  ['an overlong slash', [0xc0, 0xaf]],
  ['an overlong NUL', [0xc0, 0x80]],
  ['a truncated three-byte sequence', [0xe2, 0x82]],
  ['an encoded surrogate half', [0xed, 0xa0, 0x80]],
  ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a byte never used in UTF-8', [0xf8]],
  ['a Latin-1 é', [0xe9]],
];

function withInvalid(sequence: number[]): Uint8Array {
  return concat(utf8('Some valid text, then '), Uint8Array.from(sequence), utf8(' and more text.\n'));
}

/** A 1×1 PNG: signature, IHDR, IDAT and IEND chunks. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('invalid UTF-8', () => {
  it.each(['notes.txt', 'notes.md'])('refuses %s holding any invalid sequence', async (name) => {
    for (const [description, sequence] of INVALID_UTF8) {
      const error = await expectClearRefusal(
        () => readArticle(name, withInvalid(sequence)),
        'not-an-article',
      );
      expect(error.message, description).toContain('UTF-8');
    }
  });

  it('reads a page that is not UTF-8 as windows-1252, as browsers do, whatever the bytes', async () => {
    const page = latin1(
      '<html><body><p>Un caf\xe9 cr\xe8me, \x93s\x92il vous pla\xeet\x94.</p></body></html>',
    );
    expect((await readArticle('cafe.html', page)).blocks.at(-1)?.text).toBe(
      'Un café crème, “s’il vous plaît”.',
    );
    for (const [, sequence] of INVALID_UTF8) {
      const article = await readArticle(
        'page.html',
        concat(utf8('<p>Some valid text, then '), Uint8Array.from(sequence), utf8(' and more.</p>')),
      );
      expectCanonical(article);
      expect(article.text).toContain('Some valid text, then ');
      expect(article.text).not.toContain('\uFFFD');
    }
  });

  it('reads a page declaring UTF-16 without a byte order mark as UTF-8, bad bytes becoming U+FFFD', async () => {
    const page = latin1('<meta charset="utf-16"><p>Before\xffafter, caf\xc3\xa9.</p>');
    expect((await readArticle('page.html', page)).blocks.at(-1)?.text).toBe('Before\uFFFDafter, café.');
  });
});

describe('UTF-16 with a byte order mark', () => {
  const SAMPLES = {
    'story.txt': 'Título: 😀 🇫🇷\n\nΚείμενο, текст and עברית in one paragraph.',
    'story.md': '# Título 😀\n\n*Κείμενο*, текст and עברית.\n\n> 引用 𝕏',
    'story.html': '<h1>Título 😀</h1><p>Κείμενο, текст and עברית.</p><blockquote>引用 𝕏</blockquote>',
  };

  it.each(Object.entries(SAMPLES))(
    'reads %s in both byte orders exactly as its UTF-8',
    async (name, source) => {
      const expected = await readArticle(name, utf8(source));
      expect(expected.text).toContain('😀');
      for (const byteOrder of ['le', 'be'] as const) {
        const article = await readArticle(name, utf16(source, byteOrder));
        expectCanonical(article);
        expect(article).toEqual(expected);
      }
    },
  );

  it('refuses UTF-16 holding a NUL code unit or a lone surrogate', async () => {
    await expectClearRefusal(() => readArticle('a.txt', utf16('Text\0with a NUL.', 'le')), 'not-an-article');
    await expectClearRefusal(
      () => readArticle('a.txt', utf16('Half a pair: \ud83d here.', 'be')),
      'not-an-article',
    );
  });
});

/** Ways to end lines other than LF. */
const LINE_ENDINGS: ReadonlyArray<[string, (text: string) => string]> = [
  ['CRLF', (text) => text.replaceAll('\n', '\r\n')],
  ['lone CR', (text) => text.replaceAll('\n', '\r')],
  [
    'mixed',
    (text) => {
      // Never a lone CR before an LF: together they would be one line break, not two.
      const endings = ['\r\n', '\n', '\r'];
      return text.split('\n').reduce((joined, line, index) => `${joined}${endings[index % 3]}${line}`);
    },
  ],
];

describe('line endings', () => {
  const SAMPLES = {
    'story.txt': 'A title line\n\nFirst paragraph\nwrapped over lines.\n\n  Second, indented.\n\n\n\nLast.\n',
    'story.md':
      '---\ntitle: Front matter\n---\n# Heading\n\nPara *em* line\nnext line.\n\n> quote\n> more\n\n- one\n- two\n\n```\ncode 1\n\ncode 3\n```\n\n    indented\n    code\n',
    'story.html':
      '<!doctype html>\n<html>\n<head>\n<title>Page</title>\n</head>\n<body>\n<article>\n<h1>Page</h1>\n<p>First\nparagraph.</p>\n<pre>line one\nline two\n\nline four</pre>\n<p>Last.</p>\n</article>\n</body>\n</html>\n',
  };

  it.each(Object.entries(SAMPLES))(
    'reads %s with CRLF, lone CR or mixed endings as with LF',
    async (name, source) => {
      const expected = await readArticle(name, utf8(source));
      expectCanonical(expected);
      for (const [ending, convert] of LINE_ENDINGS) {
        const article = await readArticle(name, utf8(convert(source)));
        expect(article, ending).toEqual(expected);
      }
    },
  );

  it('normalises line endings in a page read in a legacy charset too', async () => {
    const page = '<p>Caf\xe9\nau lait.</p><pre>one\ntwo\n\nfour</pre>';
    const expected = await readArticle('page.html', latin1(page));
    expect(expected.text).toContain('Café au lait.');
    for (const [, convert] of LINE_ENDINGS) {
      const article = await readArticle('page.html', latin1(convert(page)));
      expectCanonical(article);
      expect(article).toEqual(expected);
    }
  });
});

describe('binary data', () => {
  it.each(['a.txt', 'a.md', 'a.html'])('refuses %s holding a NUL byte anywhere', async (name) => {
    for (const text of ['\0Leading NUL.', 'A NUL\0 inside.', 'A trailing NUL.\0']) {
      const error = await expectClearRefusal(() => readArticle(name, utf8(text)), 'not-an-article');
      expect(error.message).toMatch(/binary/);
    }
  });

  it.each([
    'photo.txt',
    'photo.text',
    'photo.md',
    'photo.markdown',
    'photo.html',
    'photo.htm',
    'photo.xhtml',
  ])('refuses a PNG renamed %s', async (name) => {
    expect(Buffer.from(PNG.subarray(0, 8)).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(Buffer.from(PNG.subarray(12, 16)).toString('latin1')).toBe('IHDR');
    const error = await expectClearRefusal(() => readArticle(name, PNG), 'not-an-article');
    expect(error.message).toMatch(/binary/);
  });
});

describe('size', () => {
  it('reads a 10 MB single line of text as one block', async () => {
    const line = 'word '.repeat(2 * 1024 * 1024);
    for (const name of ['long.txt', 'long.md']) {
      const article = await readArticle(name, utf8(line));
      expect(article.blocks).toHaveLength(1);
      expect(article.text).toBe(line.trim());
    }
  });

  it('refuses bytes over MAX_ARTICLE_BYTES as too large, and takes MAX_ARTICLE_BYTES itself', async () => {
    const over = new Uint8Array(MAX_ARTICLE_BYTES + 1);
    const error = await expectClearRefusal(() => readArticle('huge.txt', over), 'too-large');
    expect(error.message).toContain('50 MB');
    // All NUL bytes: at the limit the size passes and the binary check refuses them instead.
    await expectClearRefusal(() => readArticle('huge.txt', over.subarray(1)), 'not-an-article');
  });
});

describe('deep nesting', () => {
  const DEPTH = 100_000;

  it.each([
    ['quotes', '>'.repeat(DEPTH)],
    ['spaced quotes', '> '.repeat(DEPTH)],
    ['bullet lists', '- '.repeat(DEPTH)],
    ['numbered lists', '1. '.repeat(DEPTH)],
  ])('refuses Markdown nesting %s 100,000 levels deep', async (_, prefix) => {
    const error = await expectClearRefusal(
      () => readArticle('deep.md', utf8(`Before.\n\n${prefix}deep\n\nAfter.`)),
      'not-an-article',
    );
    expect(error.message).toMatch(/too deeply/);
  });

  it('refuses rather than silently drops text past the Markdown nesting limit', async () => {
    for (const depth of [100, 200]) {
      await expectClearRefusal(
        () => readArticle('deep.md', utf8(`Before.\n\n${'> '.repeat(depth)}deep\n\nAfter.`)),
        'not-an-article',
      );
    }
    const article = await readArticle('nested.md', utf8(`Before.\n\n${'> '.repeat(40)}deep\n\nAfter.`));
    expect(article.text).toBe('Before.\n\ndeep\n\nAfter.');
  });

  it('reads 100,000 nested emphasis markers and brackets without overflowing', async () => {
    const stars = await readArticle('stars.md', utf8(`${'*'.repeat(DEPTH)}x${'*'.repeat(DEPTH)}`));
    expectCanonical(stars);
    const brackets = await readArticle('brackets.md', utf8(`${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}`));
    expectCanonical(brackets);
    expect(brackets.text).toContain('x');
  });

  it.each([
    ['div', (depth: number) => `${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`],
    ['b', (depth: number) => `<p>Hello.${'<b>'.repeat(depth)}deep text${'</b>'.repeat(depth)}</p>`],
    ['unclosed div', (depth: number) => `${'<div>'.repeat(depth)}deep text`],
    ['self-closed div', (depth: number) => `${'<div/>'.repeat(depth)}deep text`],
    ['table', (depth: number) => `${'<table><tr><td>'.repeat(depth)}deep text`],
    ['list', (depth: number) => `${'<ul><li>'.repeat(depth)}deep text`],
  ])('refuses a page nesting %s 100,000 and 1,000 levels deep', async (_, page) => {
    for (const depth of [DEPTH, 1_000]) {
      const error = await expectClearRefusal(
        () => readArticle('deep.html', utf8(page(depth))),
        'not-an-article',
      );
      expect(error.message).toMatch(/too deeply/);
    }
  });

  it('refuses formatting elements that each new paragraph would reopen one level deeper', async () => {
    // "<b id=1><p><b id=2><p>…": the parser reopens every unclosed <b> inside each new paragraph,
    // so 44 KB of this once nested thousands deep and ran jsdom out of memory.
    for (const count of [300, 3_000]) {
      const page = Array.from({ length: count }, (_, n) => `<b id=x${n}><p>Paragraph ${n}.`).join('');
      const error = await expectClearRefusal(
        () => readArticle('reopened.html', utf8(page)),
        'not-an-article',
      );
      expect(error.message).toMatch(/too deeply/);
    }
  });

  it('reads a page nested 60 levels deep', async () => {
    const nested = await readArticle(
      'nested.html',
      utf8(`${'<div>'.repeat(60)}<p>Deep text.</p>${'</div>'.repeat(60)}`),
    );
    expect(nested.text).toContain('Deep text.');
  });

  // Each holds over a thousand unclosed or self-closed tags, which a count of open tags alone
  // would take for nesting deeper than any page Margin reads.
  it.each([
    [
      'unclosed paragraphs and fonts',
      Array.from({ length: 600 }, (_, n) => `<p>Paragraph <font>${n}.`).join(''),
    ],
    [
      'unclosed table cells',
      `<table>${Array.from({ length: 600 }, (_, n) => `<tr><td><font>${n}</td>`).join('')}</table>`,
    ],
    [
      'self-closed SVG elements',
      `<svg>${'<path d="M0 0"/>'.repeat(1_100)}</svg><p>Text after the icons.</p>`,
    ],
  ])('reads sloppy markup that only looks deep: %s', async (_, body) => {
    expectCanonical(await readArticle('sloppy.html', utf8(`<p>A page of old markup.</p>${body}`)));
  });
});

describe('pages left unclosed', () => {
  // Each once made the importer search the rest of the page again at every tag: minutes of work.
  it.each([
    ['scripts', '<script>x</scrip'],
    ['style sheets', '<style>p{}</styl'],
    ['script tags', '<script '],
    ['comments', '<!-- x --'],
    ['titles', '<title>x</titl'],
  ])('reads or refuses a page of 100,000 unclosed %s', async (_, unclosed) => {
    const page = `<p>The article text comes first.</p>${unclosed.repeat(100_000)}`;
    try {
      expectCanonical(await readArticle('unclosed.html', utf8(page)));
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
    }
  });
});

describe('hostile file names', () => {
  it('shows a refused name on one line, without the controls that would reorder it', async () => {
    const error = await expectClearRefusal(
      () => readArticle('evil\nname\u202Egnp.exe', utf8('Some text.')),
      'not-an-article',
    );
    expect(error.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(error.message).toContain('evil\uFFFDname\uFFFDgnp.exe');
  });

  it('keeps only the base name of a path, whichever separators it uses', async () => {
    expect((await readArticle('../../etc/passwd.txt', utf8('Some text.'))).metadata.source).toBe(
      'passwd.txt',
    );
    expect((await readArticle('C:\\Users\\..\\story.md', utf8('Some text.'))).metadata.source).toBe(
      'story.md',
    );
  });
});

describe('refusals leave the library untouched', () => {
  const temporaryFolder = useTemporaryFolder();

  const HOSTILE: ReadonlyArray<[string, Uint8Array, ErrorCode]> = [
    ['invalid.txt', withInvalid([0xc0, 0xaf]), 'not-an-article'],
    ['invalid.md', withInvalid([0xed, 0xa0, 0x80]), 'not-an-article'],
    ['nul.txt', utf8('A NUL\0 inside.'), 'not-an-article'],
    ['photo.md', PNG, 'not-an-article'],
    ['photo.html', PNG, 'not-an-article'],
    ['deep.md', utf8(`${'> '.repeat(100_000)}deep`), 'not-an-article'],
    ['deep.html', utf8(`${'<div>'.repeat(100_000)}deep`), 'not-an-article'],
    ['empty.txt', new Uint8Array(), 'not-an-article'],
    ['blank.md', utf8(' \r\n\t\r\n'), 'not-an-article'],
    ['photo.png', PNG, 'not-an-article'],
    ['huge.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1), 'too-large'],
  ];

  it('stores nothing of a refused file, in the library or on disk', async () => {
    const folder = temporaryFolder();
    const { workbench, store } = openTestWorkbench(folder);
    await workbench.library.importBytes('good.txt', utf8('A good article.\n\nIts body.'));
    for (const [name, bytes, code] of HOSTILE) {
      const error = await expectClearRefusal(() => workbench.library.importBytes(name, bytes), code);
      expect(error, name).toBeInstanceOf(ApiError);
      expect(workbench.library.list(), name).toHaveLength(1);
    }
    store.close();
    const reopened = LibraryStore.open(join(folder, 'margin.db'));
    expect(reopened.documents.summaries().map((summary) => summary.source)).toEqual(['good.txt']);
    reopened.close();
  });
});

describe('margin import', () => {
  const temporaryFolder = useTemporaryFolder();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a file over the size limit by its size on disk, before reading it', async () => {
    const folder = temporaryFolder();
    const { workbench, store } = openTestWorkbench(folder);
    // A sparse file: 60 MB long, nothing written, so only a read would notice it holds no text.
    const file = join(folder, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 60 * 1024 * 1024);
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    expect(await importFiles(workbench, [file], {})).toBe(1);
    expect(errors).toHaveLength(1);
    const message = errors[0]!.replace(`margin: ${file}: `, '').trimEnd();
    // Only the size check made before reading says this; the importer's own check words it otherwise.
    expect(message).toBe(
      'This file is larger than 50 MB, more than Margin opens as one article; split it and import the parts.',
    );
    expect(workbench.library.list()).toEqual([]);
    store.close();
  });
});
