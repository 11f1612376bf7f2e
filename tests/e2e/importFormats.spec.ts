import { readFileSync } from 'node:fs';
import { chooseFiles } from './support/chooseFiles';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

test('a Word document opens with its headings, lists, links and properties', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await chooseFiles(page, `${FIXTURES}docx/medium-1.docx`);
  const article = page.locator('.article-text');
  await expect(article.locator('h1')).toHaveText('The Open Journalism Project: Better Student Journalism');
  await expect(article.locator('h3').first()).toBeVisible();
  await expect(article.locator('.list-item').first()).toBeVisible();
  await expect(article.locator('a[href^="http"]').first()).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library).toContainText('medium-1.docx');

  await selectText(page, 'We are building a shoe machine, not a shoe.');
  await page.keyboard.press('3');
  await expect(page.getByRole('region', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);
  const [listed] = JSON.parse(workbench.cli('list', '--json')) as { id: string }[];
  const report = JSON.parse(workbench.cli('export', listed!.id, '--format', 'json'));
  expect(report.document).toMatchObject({
    format: 'docx',
    byline: 'Pippin Lee',
    publishedAt: '2024-03-05T09:30:00.000Z',
  });
  expect(report.annotations[0].quote).toBe('We are building a shoe machine, not a shoe.');
});

test('a two-column PDF reads in order, without its running headers, with its pages in the margin', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await chooseFiles(page, `${FIXTURES}pdf/ectc-terror-report.pdf`);
  const article = page.locator('.article-text');
  // The first paragraph runs down the left column unbroken by the right one.
  await expect(article.locator('p').first()).toHaveText(
    /^\(GPA\) – According to a report from the European Counter Terrorism Centre \(ECTC\), European countries who are taking part/,
  );
  await expect(article).not.toContainText('THE DAILY EXAMPLE');
  await expect(article).not.toContainText('Page 1 of 2');
  await expect(article.locator('.page-marker')).toHaveText(['p. 1', 'p. 2']);

  // A passage on the second page is cited as such in the list and in the HTML report.
  await selectText(page, 'This report prepared by Randi Nord');
  await page.keyboard.press('1');
  const entry = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem').first();
  await expect(entry).toContainText('p. 2');
  const [listed] = JSON.parse(workbench.cli('list', '--json')) as { id: string }[];
  const html = workbench.cli('export', listed!.id, '--format', 'html');
  expect(html).toContain('<span class="note-page">p. 2</span>');
});

test('a PDF of scanned pages is refused with one sentence, and several files open at once', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await chooseFiles(page, `${FIXTURES}pdf/scanned.pdf`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This PDF has no text layer');
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  await chooseFiles(page, [
    {
      name: 'lemonde-1.docx',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(`${FIXTURES}docx/lemonde-1.docx`),
    },
    {
      name: 'lemonde-1.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(`${FIXTURES}pdf/lemonde-1.pdf`),
    },
  ]);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 of 2 files.' })).toBeVisible();
  await expect(library.getByRole('listitem')).toHaveCount(2);
  await expect(library).toContainText('lemonde-1.pdf');
  await expect(library).toContainText('lemonde-1.docx');
});

test('an import of many files shows its progress and can be stopped between files', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  const pdf = readFileSync(`${FIXTURES}pdf/medium-1.pdf`);
  const files = Array.from({ length: 40 }, (_, index) => ({
    name: `copy-${String(index + 1).padStart(2, '0')}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdf,
  }));
  await chooseFiles(page, files);
  await expect(page.getByText(/Importing \d+ of 40: copy-\d\d\.pdf/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop importing' }).click();
  const summary = page.getByRole('status').filter({ hasText: 'as you stopped' });
  // The first copy is imported; any later one before the stop has the same text, already there.
  await expect(summary).toContainText(
    /^Imported 1 of 40 files; (?:\d+ already in the library; )?\d+ not imported, as you stopped\./,
  );
  await expect(page.getByRole('button', { name: 'Stop importing' })).toHaveCount(0);
  expect(JSON.parse(workbench.cli('list', '--json'))).toHaveLength(1);
});
