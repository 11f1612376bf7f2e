import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { assertValidReport } from '../support/reportSchema';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

interface ExportedReport {
  document: { text: string; title: string };
  annotations: {
    id: string;
    tag: string;
    start: number;
    end: number;
    quote: string;
    comments: { body: string }[];
  }[];
}

const COMMENT = 'Check <b>this</b> & "verify" the 173 figure — it’s the US count 🧐\nSecond line.';

test('an analyst annotates the reference article end to end', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const annotations = page.getByRole('region', { name: 'Annotations' });
  const entries = annotations.getByRole('listitem');

  // Open the reference article with the Open article button.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  await expect(page.locator('.article-text')).toContainText('European Counter Terrorism Centre');
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Ectc terror report');

  // A claim with the key 1; the selection starts and ends inside words and snaps to them.
  await selectText(page, 'nited States claims the coalition has only caused 173 casualtie');
  await page.keyboard.press('1');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(
    'United States claims the coalition has only caused 173 casualties',
  );

  // A quote with the toolbar's Quote button.
  await selectText(page, '“IS inspired attacks”');
  await page.getByRole('toolbar').getByRole('button', { name: 'Quote', exact: true }).click();
  await expect(entries).toHaveCount(2);

  // An opinion with the key 3.
  await selectText(page, 'See the pattern?');
  await page.keyboard.press('3');
  await expect(entries).toHaveCount(3);
  await expect(page.locator('.article-text [data-tag="opinion"]')).toHaveText('See the pattern?');

  // Comment on the claim: choose it in the list, type, and it saves without a save button.
  await entries.filter({ hasText: '173 casualties' }).getByRole('button').click();
  const comment = page.getByRole('textbox', { name: 'Comment' });
  await comment.fill(COMMENT);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Delete the opinion with the Delete key, then undo it.
  await entries.filter({ hasText: 'See the pattern?' }).getByRole('button').click();
  await page.keyboard.press('Delete');
  await expect(entries).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(entries).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Clicking a highlight selects its entry.
  await page.locator('.article-text [data-tag="quote"]').click();
  await expect(entries.filter({ hasText: 'IS inspired attacks' }).getByRole('button')).toHaveAttribute(
    'aria-current',
    'true',
  );

  // Reload: everything is still there, and the last document opens by itself.
  await page.reload();
  await expect(entries).toHaveCount(3);
  await entries.filter({ hasText: '173 casualties' }).getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT);

  // Export JSON: valid against the schema, offsets right, the comment byte for byte.
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'JSON' }).click();
  const jsonFile = await (await download).path();
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as ExportedReport;
  assertValidReport(report);
  expect(report.annotations.map((annotation) => annotation.tag).sort()).toEqual([
    'claim',
    'opinion',
    'quote',
  ]);
  for (const annotation of report.annotations) {
    expect(report.document.text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
  }
  const claim = report.annotations.find((annotation) => annotation.tag === 'claim');
  expect(claim?.quote).toBe('United States claims the coalition has only caused 173 casualties');
  expect(claim?.comments[0]?.body).toBe(COMMENT);

  // Export HTML: no script, every annotation a mark[data-tag], the comment escaped and shown.
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'HTML' }).click();
  const html = readFileSync(await (await download).path(), 'utf8');
  const { document } = new JSDOM(html).window;
  expect(document.querySelectorAll('script')).toHaveLength(0);
  expect(html).not.toContain('<b>this</b>');
  for (const annotation of report.annotations) {
    const marks = document.querySelectorAll(`mark[data-annotation-id="${annotation.id}"]`);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]?.getAttribute('data-tag')).toBe(annotation.tag);
  }
  expect(document.body.textContent).toContain('Check <b>this</b> & "verify" the 173 figure');

  // The library agrees, through the CLI, on the same database.
  const listed = JSON.parse(workbench.cli('list', '--json')) as { annotationCount: number }[];
  expect(listed[0]?.annotationCount).toBe(3);
});
