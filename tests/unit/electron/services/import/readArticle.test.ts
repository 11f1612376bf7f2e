import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../electron/services/import/decodeText';
import { isArticleFileName, readArticle } from '../../../../../electron/services/import/readArticle';
import { ARTICLE_EXTENSIONS } from '../../../../../shared/api/articleFileTypes';
import { MAX_ARTICLE_BYTES } from '../../../../../shared/api/contract';
import { expectCanonical, expectRefusal, utf8, utf16 } from './importTestKit';

const SAMPLE = 'Título 😀\u00a0here\n\nSecond paragraph.';

describe('decoding', () => {
  it('drops a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    expect(decodeText(bytes)).toBe(SAMPLE);
    expect((await readArticle('a.txt', bytes)).text.startsWith('Título')).toBe(true);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s by its byte order mark', async (byteOrder) => {
    expect(decodeText(utf16(SAMPLE, byteOrder))).toBe(SAMPLE);
    const article = await readArticle('a.txt', utf16(SAMPLE, byteOrder));
    expectCanonical(article);
    expect(article.text).toBe(SAMPLE);
  });

  it('turns CRLF and lone CR into LF', async () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n\r\nfour'))).toBe('one\ntwo\nthree\n\nfour');
    const article = await readArticle('a.txt', utf8('Title line\r\n\r\nFirst\r\nparagraph.\r\rSecond.'));
    expect(article.blocks.map((block) => block.text)).toEqual(['Title line', 'First paragraph.', 'Second.']);
  });

  it('reads a page in a legacy encoding by its declared charset', async () => {
    const page =
      '<html><head><title>Caf\xe9</title><meta charset="windows-1252"></head><body><p>Un caf\xe9 cr\xe8me, s\x92il vous pla\xeet.</p></body></html>';
    const article = await readArticle(
      'cafe.html',
      Uint8Array.from(page, (char) => char.charCodeAt(0)),
    );
    expect(article.metadata.title).toBe('Café');
    expect(article.text).toBe('Café\n\nUn café crème, s’il vous plaît.');
  });
});

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

describe('decoding pages', () => {
  it('honours a charset declared after the first 1024 bytes', async () => {
    const page = `<html><head><!-- ${'padding '.repeat(200)} --><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 \x96 na\xefve</p></body></html>`;
    expect((await readArticle('late.html', latin1Bytes(page))).blocks.at(-1)?.text).toBe('“Quoted” – naïve');
  });

  it('reads GBK by its declaration', async () => {
    const bytes = latin1Bytes(
      '<html><head><meta charset="gbk"><title>T</title></head><body><p>\xd6\xd0\xce\xc4</p></body></html>',
    );
    expect((await readArticle('zh.html', bytes)).blocks.at(-1)?.text).toBe('中文');
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares', async () => {
    const page =
      '<html><head><meta charset="gb2312"><title>中文标题</title></head><body><p>中文内容</p></body></html>';
    const article = await readArticle('zh.html', utf8(page));
    expect(article.metadata.title).toBe('中文标题');
    expect(article.text).toBe('中文标题\n\n中文内容');
  });

  it('gives a right-to-left language right-to-left direction', async () => {
    const page = '<html lang="fa"><head><title>عنوان</title></head><body><p>متن مقاله.</p></body></html>';
    expect((await readArticle('fa.html', utf8(page))).metadata).toMatchObject({ lang: 'fa', dir: 'rtl' });
  });
});

describe('refusals', () => {
  it('refuses invalid UTF-8 without a UTF-16 byte order mark', async () => {
    await expectRefusal(
      () => readArticle('a.txt', new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0x20, 0xff])),
      'not-an-article',
    );
    await expectRefusal(
      () => readArticle('a.md', new Uint8Array([0x48, 0x69, 0xe9, 0x74, 0xe9])),
      'not-an-article',
    );
  });

  it('refuses binary data: NUL bytes, or mostly control characters', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect((await expectRefusal(() => readArticle('photo.txt', png), 'not-an-article')).message).toMatch(
      /binary/,
    );
    await expectRefusal(() => readArticle('a.txt', utf8('Text with a NUL\0 inside.')), 'not-an-article');
    await expectRefusal(() => readArticle('a.html', utf8('\x01\x02\x03\x04<p>abc</p>')), 'not-an-article');
  });

  it('accepts text with an occasional control character', async () => {
    expect(
      (await readArticle('a.txt', utf8('A form feed\f and a bell\x07 in long enough text.'))).text,
    ).toContain('bell');
  });

  it.each(['a.txt', 'a.md', 'a.html'])('refuses an empty %s', async (name) => {
    expect(
      (await expectRefusal(() => readArticle(name, new Uint8Array()), 'not-an-article')).message,
    ).toMatch(/empty/);
  });

  it.each(['a.txt', 'a.md', 'a.html'])('refuses a %s of only whitespace', async (name) => {
    await expectRefusal(() => readArticle(name, utf8(' \n\t\r\n \u00a0 \n')), 'not-an-article');
  });

  it('refuses a file over 50 MB before decoding it', async () => {
    const bytes = new Uint8Array(MAX_ARTICLE_BYTES + 1);
    const started = performance.now();
    // All NUL bytes: any decoding or binary check before the size check would give another code.
    expect((await expectRefusal(() => readArticle('huge.txt', bytes), 'too-large')).message).toMatch(/50 MB/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('has a reader for every extension the file pickers offer', () => {
    for (const extension of ARTICLE_EXTENSIONS)
      expect(isArticleFileName(`article.${extension.toUpperCase()}`)).toBe(true);
    for (const name of ['photo.png', 'report.odt', 'notes', 'archive.tar.gz', 'docx', '.pdf']) {
      expect(isArticleFileName(name)).toBe(false);
    }
  });

  it.each(['photo.png', 'report.odt', 'notes', 'archive.tar.gz'])(
    'refuses the unknown type of %s',
    async (name) => {
      const message = (await expectRefusal(() => readArticle(name, utf8('Some text.')), 'not-an-article'))
        .message;
      expect(message).toContain('.txt');
      expect(message).toContain('.md');
      expect(message).toContain('.html');
      expect(message).toContain('.docx');
      expect(message).toContain('.pdf');
    },
  );

  it('refuses a page with no article text', async () => {
    await expectRefusal(
      () => readArticle('a.html', utf8('<html><body><script>var x = 1;</script></body></html>')),
      'not-an-article',
    );
    await expectRefusal(
      () => readArticle('a.md', utf8('---\ntitle: Only front matter\n---\n\n***\n')),
      'not-an-article',
    );
  });
});

describe('dispatch', () => {
  it('reads extensions whatever their case, and keeps only the base name as source', async () => {
    const article = await readArticle('/home/ann/News/Story.MD', utf8('# Story\n\nBody.'));
    expect(article.metadata).toMatchObject({ format: 'markdown', source: 'Story.MD', title: 'Story' });
    expect(
      (await readArticle('C:\\News\\page.HTM', utf8('<p>Body of the page.</p>'))).metadata,
    ).toMatchObject({
      format: 'html',
      source: 'page.HTM',
    });
    expect((await readArticle('notes.TEXT', utf8('Body.'))).metadata.format).toBe('text');
  });
});
