import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, readZipParts } from '../../../../../../electron/services/import/docx/readZipParts';
import { readArticle } from '../../../../../../electron/services/import/readArticle';
import { expectRefusal, fixtureBytes, utf8 } from '../importTestKit';
import { deflatedEntry, type RawEntry, writeZip, zeroBomb } from './zipWriter';

const everything = () => true;
const DOCUMENT = utf8('<w:document/>');

describe('readZipParts, the zip-bomb guard in front of the Word importer', () => {
  it('unpacks the parts it is asked for and nothing else', async () => {
    const zip = writeZip([
      deflatedEntry('word/document.xml', DOCUMENT),
      deflatedEntry('word/media/image1.png', new Uint8Array(5000)),
    ]);
    const parts = await readZipParts(zip, (name) => name.endsWith('.xml'));
    expect([...parts.keys()]).toEqual(['word/document.xml']);
    expect(new TextDecoder().decode(parts.get('word/document.xml'))).toBe('<w:document/>');
  });

  it('refuses an archive that declares more parts than a document can need, before unpacking any', async () => {
    const entries = Array.from({ length: DOCX_LIMITS.maxEntries + 1 }, (_, index) =>
      deflatedEntry(`word/part${index}.xml`, new Uint8Array(0)),
    );
    const started = performance.now();
    const error = await expectRefusal(() => readZipParts(writeZip(entries), everything), 'too-large');
    expect(error.message).toContain(`${DOCX_LIMITS.maxEntries + 1} parts`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a part that declares more than the limit, on the declaration alone', async () => {
    const huge: RawEntry = { ...deflatedEntry('word/document.xml', DOCUMENT), declaredSize: 2 ** 31 };
    const error = await expectRefusal(() => readZipParts(writeZip([huge]), everything), 'too-large');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('refuses parts that together declare more than the limit', async () => {
    const part = (index: number): RawEntry => ({
      ...deflatedEntry(`word/part${index}.xml`, DOCUMENT),
      declaredSize: DOCX_LIMITS.maxPartBytes,
    });
    const zip = writeZip([0, 1, 2, 3, 4].map(part));
    await expectRefusal(() => readZipParts(zip, everything), 'too-large');
  });

  it('stops a part that unpacks to more than it declares: a gigabyte bomb that claims a kilobyte', async () => {
    const bomb = zeroBomb(1024);
    // A little over a megabyte of archive that would unpack to a gigabyte.
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const lying: RawEntry = {
      name: 'word/document.xml',
      stored: bomb,
      method: 8,
      declaredSize: 1024,
      crc: 0,
    };
    const memoryBefore = process.memoryUsage().rss;
    const error = await expectRefusal(() => readZipParts(writeZip([lying]), everything), 'too-large');
    expect(error.message).toMatch(/more than the size it declares/);
    // Unpacking stopped near the declared size: the process did not grow by anything like a gigabyte.
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('refuses an honest gigabyte bomb on its declared size', async () => {
    const bomb = zeroBomb(1024);
    const honest: RawEntry = {
      name: 'word/document.xml',
      stored: bomb,
      method: 8,
      declaredSize: 1024 ** 3,
      crc: 0,
    };
    await expectRefusal(() => readZipParts(writeZip([honest]), everything), 'too-large');
  });

  it('refuses a part that unpacks to less than it declares as damaged', async () => {
    const short: RawEntry = { ...deflatedEntry('word/document.xml', DOCUMENT), declaredSize: 4096 };
    await expectRefusal(() => readZipParts(writeZip([short]), everything), 'not-an-article');
  });

  it('refuses a password-protected part with a sentence saying so', async () => {
    const locked: RawEntry = { ...deflatedEntry('word/document.xml', DOCUMENT), isEncrypted: true };
    const error = await expectRefusal(() => readZipParts(writeZip([locked]), everything), 'not-an-article');
    expect(error.message).toMatch(/password/);
  });

  it('refuses a file that is not an archive, and one cut short', async () => {
    await expectRefusal(() => readZipParts(utf8('plain text, not a zip'), everything), 'not-an-article');
    const word = fixtureBytes('docx/ectc-terror-report.docx');
    await expectRefusal(() => readZipParts(word.subarray(0, word.length / 2), everything), 'not-an-article');
  });

  it('refuses the same part twice', async () => {
    const zip = writeZip([
      deflatedEntry('word/document.xml', DOCUMENT),
      deflatedEntry('word/document.xml', DOCUMENT),
    ]);
    await expectRefusal(() => readZipParts(zip, everything), 'not-an-article');
  });

  it('guards the importer itself: a bomb named .docx is refused, with nothing else tried', async () => {
    const bomb: RawEntry = {
      name: 'word/document.xml',
      stored: zeroBomb(256),
      method: 8,
      declaredSize: 100,
      crc: 0,
    };
    const contentTypes = utf8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    const zip = writeZip([deflatedEntry('[Content_Types].xml', contentTypes), bomb]);
    await expectRefusal(() => readArticle('report.docx', zip), 'too-large');
  });
});
