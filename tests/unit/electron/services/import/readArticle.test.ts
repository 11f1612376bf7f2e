import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../electron/services/import/decodeText';
import { readArticle } from '../../../../../electron/services/import/readArticle';
import { MAX_ARTICLE_BYTES } from '../../../../../shared/api/contract';
import { expectCanonical, expectRefusal, utf8, utf16 } from './importTestKit';

const SAMPLE = 'Título 😀\u00a0here\n\nSecond paragraph.';

describe('decoding', () => {
  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    expect(decodeText(bytes)).toBe(SAMPLE);
    expect(readArticle('a.txt', bytes).text.startsWith('Título')).toBe(true);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s by its byte order mark', (byteOrder) => {
    expect(decodeText(utf16(SAMPLE, byteOrder))).toBe(SAMPLE);
    const article = readArticle('a.txt', utf16(SAMPLE, byteOrder));
    expectCanonical(article);
    expect(article.text).toBe(SAMPLE);
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n\r\nfour'))).toBe('one\ntwo\nthree\n\nfour');
    const article = readArticle('a.txt', utf8('Title line\r\n\r\nFirst\r\nparagraph.\r\rSecond.'));
    expect(article.blocks.map((block) => block.text)).toEqual(['Title line', 'First paragraph.', 'Second.']);
  });

  it('reads a page in a legacy encoding by its declared charset', () => {
    const page =
      '<html><head><title>Caf\xe9</title><meta charset="windows-1252"></head><body><p>Un caf\xe9 cr\xe8me, s\x92il vous pla\xeet.</p></body></html>';
    const article = readArticle(
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
  it('honours a charset declared after the first 1024 bytes', () => {
    const page = `<html><head><!-- ${'padding '.repeat(200)} --><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 \x96 na\xefve</p></body></html>`;
    expect(readArticle('late.html', latin1Bytes(page)).blocks.at(-1)?.text).toBe('“Quoted” – naïve');
  });

  it('reads GBK by its declaration', () => {
    const bytes = latin1Bytes(
      '<html><head><meta charset="gbk"><title>T</title></head><body><p>\xd6\xd0\xce\xc4</p></body></html>',
    );
    expect(readArticle('zh.html', bytes).blocks.at(-1)?.text).toBe('中文');
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares', () => {
    const page =
      '<html><head><meta charset="gb2312"><title>中文标题</title></head><body><p>中文内容</p></body></html>';
    const article = readArticle('zh.html', utf8(page));
    expect(article.metadata.title).toBe('中文标题');
    expect(article.text).toBe('中文标题\n\n中文内容');
  });

  it('gives a right-to-left language right-to-left direction', () => {
    const page = '<html lang="fa"><head><title>عنوان</title></head><body><p>متن مقاله.</p></body></html>';
    expect(readArticle('fa.html', utf8(page)).metadata).toMatchObject({ lang: 'fa', dir: 'rtl' });
  });
});

describe('refusals', () => {
  it('refuses invalid UTF-8 without a UTF-16 byte order mark', () => {
    expectRefusal(
      () => readArticle('a.txt', new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0x20, 0xff])),
      'not-an-article',
    );
    expectRefusal(
      () => readArticle('a.md', new Uint8Array([0x48, 0x69, 0xe9, 0x74, 0xe9])),
      'not-an-article',
    );
  });

  it('refuses binary data: NUL bytes, or mostly control characters', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(expectRefusal(() => readArticle('photo.txt', png), 'not-an-article').message).toMatch(/binary/);
    expectRefusal(() => readArticle('a.txt', utf8('Text with a NUL\0 inside.')), 'not-an-article');
    expectRefusal(() => readArticle('a.html', utf8('\x01\x02\x03\x04<p>abc</p>')), 'not-an-article');
  });

  it('accepts text with an occasional control character', () => {
    expect(readArticle('a.txt', utf8('A form feed\f and a bell\x07 in long enough text.')).text).toContain(
      'bell',
    );
  });

  it.each(['a.txt', 'a.md', 'a.html'])('refuses an empty %s', (name) => {
    expect(expectRefusal(() => readArticle(name, new Uint8Array()), 'not-an-article').message).toMatch(
      /empty/,
    );
  });

  it.each(['a.txt', 'a.md', 'a.html'])('refuses a %s of only whitespace', (name) => {
    expectRefusal(() => readArticle(name, utf8(' \n\t\r\n \u00a0 \n')), 'not-an-article');
  });

  it('refuses a file over 50 MB before decoding it', () => {
    const bytes = new Uint8Array(MAX_ARTICLE_BYTES + 1);
    const started = performance.now();
    // All NUL bytes: any decoding or binary check before the size check would give another code.
    expect(expectRefusal(() => readArticle('huge.txt', bytes), 'too-large').message).toMatch(/50 MB/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each(['photo.png', 'report.pdf', 'notes', 'archive.tar.gz'])(
    'refuses the unknown type of %s',
    (name) => {
      const message = expectRefusal(() => readArticle(name, utf8('Some text.')), 'not-an-article').message;
      expect(message).toContain('.txt');
      expect(message).toContain('.md');
      expect(message).toContain('.html');
    },
  );

  it('refuses a page with no article text', () => {
    expectRefusal(
      () => readArticle('a.html', utf8('<html><body><script>var x = 1;</script></body></html>')),
      'not-an-article',
    );
    expectRefusal(
      () => readArticle('a.md', utf8('---\ntitle: Only front matter\n---\n\n***\n')),
      'not-an-article',
    );
  });
});

describe('dispatch', () => {
  it('reads extensions whatever their case, and keeps only the base name as source', () => {
    const article = readArticle('/home/ann/News/Story.MD', utf8('# Story\n\nBody.'));
    expect(article.metadata).toMatchObject({ format: 'markdown', source: 'Story.MD', title: 'Story' });
    expect(readArticle('C:\\News\\page.HTM', utf8('<p>Body of the page.</p>')).metadata).toMatchObject({
      format: 'html',
      source: 'page.HTM',
    });
    expect(readArticle('notes.TEXT', utf8('Body.')).metadata.format).toBe('text');
  });
});
