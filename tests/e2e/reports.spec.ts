import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { assertValidCorpus, assertValidReport } from '../support/reportSchema';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

interface ExportedReport {
  document: { id: string; text: string };
  annotations: {
    id: string;
    tag: string;
    start: number;
    end: number;
    quote: string;
    prefix: string;
    suffix: string;
  }[];
}

/** Chooses a format in the Export menu and returns the downloaded file's name and bytes. */
async function exportAs(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: format, exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('every report format from the Export menu, a corpus from the library, and a report imported with its conflicts', async ({
  page,
  workbench,
}) => {
  test.setTimeout(120_000);
  await page.goto(workbench.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  const region = page.getByRole('region', { name: 'Annotations' });
  const entries = page.locator('.annotation-list > li');

  // A claim with a verdict and a comment, and a quote with a speaker.
  await selectText(page, 'The global anti-ISIS coalition includes 66 countries');
  await page.keyboard.press('1');
  await region.getByLabel('Verdict', { exact: true }).selectOption('true');
  await region.getByRole('textbox', { name: 'Comment' }).fill('Counted on the coalition’s own site.');
  await selectText(page, '“IS inspired attacks”');
  await page.keyboard.press('2');
  await region.getByRole('combobox', { name: 'Speaker' }).fill('ECTC report');
  await expect(entries).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const json = await exportAs(page, 'JSON');
  expect(json.name).toBe('ectc-terror-report.margin.json');
  const report = JSON.parse(json.bytes.toString('utf8')) as ExportedReport;
  assertValidReport(report);
  // In text order: the quote comes first.
  expect(report.annotations.map((annotation) => annotation.tag)).toEqual(['quote', 'claim']);

  const html = await exportAs(page, 'HTML');
  const document = new JSDOM(html.bytes.toString('utf8')).window.document;
  expect(document.querySelectorAll('aside.margin-notes .note')).toHaveLength(2);
  expect(document.body.textContent).toContain('Counted on the coalition’s own site.');

  const pdf = await exportAs(page, 'PDF');
  expect(pdf.name).toBe('ectc-terror-report.margin.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const w3c = await exportAs(page, 'W3C Web Annotation');
  const collection = JSON.parse(w3c.bytes.toString('utf8'));
  expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 2 });

  const csv = await exportAs(page, 'CSV');
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const rows = parseCsv(csv.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => [row.tag, row.quote, row.verdict, row.speaker])).toEqual([
    ['quote', '“IS inspired attacks”', '', 'ECTC report'],
    ['claim', 'The global anti-ISIS coalition includes 66 countries', 'true', ''],
  ]);

  const claims = JSON.parse((await exportAs(page, 'ClaimReview')).bytes.toString('utf8'));
  expect(claims['@graph']).toHaveLength(1);
  expect(claims['@graph'][0]).toMatchObject({
    '@type': 'ClaimReview',
    claimReviewed: 'The global anti-ISIS coalition includes 66 countries',
    reviewRating: { alternateName: 'true' },
  });

  // The options: without comments, only the annotated paragraphs.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Include comments' }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Include comments' })).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await page.getByRole('menuitemcheckbox', { name: 'Only annotated passages' }).click();
  await page.keyboard.press('Escape');
  const bare = new JSDOM((await exportAs(page, 'HTML')).bytes.toString('utf8')).window.document;
  expect(bare.body.textContent).not.toContain('Counted on the coalition’s own site.');
  expect(bare.querySelectorAll('.omission').length).toBeGreaterThan(0);

  // Two articles chosen in the library: one report covering both.
  const second = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await second).setFiles(`${FIXTURES}html/guardian-1.html`);
  await expect(page.locator('.article-text')).toContainText('whale');
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: 'Choose all for a report' }).click();
  await expect(library.getByRole('status')).toHaveText('2 chosen for a report');
  const corpus = await exportAs(page, 'JSON');
  expect(corpus.name).toBe('margin-2-articles.margin.json');
  const corpusReport = JSON.parse(corpus.bytes.toString('utf8'));
  assertValidCorpus(corpusReport);
  expect(corpusReport.reports).toHaveLength(2);
  const corpusHtml = new JSDOM((await exportAs(page, 'HTML')).bytes.toString('utf8')).window.document;
  expect(corpusHtml.querySelectorAll('nav.toc li')).toHaveLength(2);
  await library.getByRole('button', { name: 'Clear' }).click();

  // Another analyst's report: one annotation retagged (a conflict), one new one.
  const [quote, claim] = report.annotations;
  const text = report.document.text;
  const start = text.indexOf('See the pattern?');
  const theirs = {
    ...report,
    annotations: [
      { ...quote, tag: 'opinion' },
      claim,
      {
        ...quote,
        id: '7d1c2b1e-1111-4a57-9d1a-3f1f6f0b2c11',
        tag: 'opinion',
        start,
        end: start + 'See the pattern?'.length,
        quote: 'See the pattern?',
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + 16, start + 48),
        attributes: {},
        comments: [],
      },
    ],
  };
  const theirsFile = join(workbench.folder, 'bea.margin.json');
  writeFileSync(theirsFile, JSON.stringify(theirs));
  await library.getByRole('button', { name: /^Ectc terror report/ }).click();
  await expect(entries).toHaveCount(2);
  const reportChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await reportChooser).setFiles(theirsFile);
  const dialog = page.getByRole('dialog', { name: 'Report imported' });
  await expect(dialog).toContainText('1 added, 1 already there, 1 conflict.');
  const conflict = dialog.getByRole('list', { name: /Conflicts in/ }).getByRole('listitem');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Differs in tag');
  await expect(conflict.getByRole('region', { name: 'Kept (this library)' })).toContainText('Quote');
  await expect(conflict.getByRole('region', { name: 'Not taken (the report)' })).toContainText('Opinion');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The new annotation is in the open document; the library's quote is still a quote.
  await expect(entries).toHaveCount(3);
  await expect(page.locator('.article-text [data-tag="quote"]')).toHaveText('“IS inspired attacks”');
});
