import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../../shared/report';

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
