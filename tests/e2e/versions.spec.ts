import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseFiles } from './support/chooseFiles';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

const FIRST = readFileSync(`${FIXTURES}ectc-terror-report.txt`, 'utf8');

/** The article as its publisher quietly changed it: a figure, a cut sentence, a paragraph moved to the end. */
function stealthEdited(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  paragraphs.push(paragraphs.splice(2, 1)[0]!);
  return paragraphs.join('\n\n').replace('66 countries', '68 countries').replace(' See the pattern?', '');
}

async function open(page: Page, name: string, content: string) {
  await chooseFiles(page, { name, mimeType: 'text/plain', buffer: Buffer.from(content) });
}

test('a new version carries the annotations over, and the review panel settles what changed', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await open(page, 'ectc-terror-report.txt', FIRST);
  await expect(page.locator('.article-text')).toContainText('66 countries');
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  await selectText(page, 'includes 66 countries');
  await page.keyboard.press('1');
  await selectText(page, 'See the pattern?');
  await page.keyboard.press('3');
  await selectText(page, 'European Counter Terrorism Centre');
  await page.keyboard.press('2');
  await expect(entries).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await open(page, 'ectc-terror-report.txt', stealthEdited(FIRST));
  await expect(page.getByRole('status').filter({ hasText: 'Imported as version 2' })).toContainText(
    '2 of its 3',
  );
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText(
    'From version 1: 1 exact, 0 moved, 1 on changed words, 1 without a place.',
  );
  await expect(review).toContainText('To review: 1 on changed words, 1 without a place.');
  const changed = review.getByRole('list', { name: 'Annotations on changed words' }).getByRole('listitem');
  await expect(changed).toContainText('Was: includes 66 countries');
  await expect(changed).toContainText('Now: includes 68 countries');

  // The publisher's changes, word by word.
  await review.getByRole('button', { name: 'Compare with version 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changes from version 1 to version 2' });
  await expect(dialog.locator('del').filter({ hasText: /^66$/ })).toBeVisible();
  await expect(dialog.locator('ins').filter({ hasText: /^68$/ })).toBeVisible();
  await expect(dialog.locator('del').filter({ hasText: 'See the pattern?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Confirm the changed claim; place the lost opinion on another passage.
  await changed.getByRole('button', { name: 'Confirm' }).click();
  await expect(review.getByRole('list', { name: 'Annotations on changed words' })).toHaveCount(0);
  await selectText(page, 'Which eventually');
  const orphan = review.getByRole('list', { name: 'Annotations without a place' }).getByRole('listitem');
  await expect(orphan).toContainText('See the pattern?');
  await orphan.getByRole('button', { name: 'Place on selection' }).click();
  await expect(review).toContainText('Nothing is left to review.');
  await expect(entries).toHaveCount(3);
  await expect(page.locator('.article-text [data-tag="opinion"]')).toHaveText('Which eventually');

  // Both versions are in the library; the first still has its own annotations.
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('listitem')).toHaveCount(2);
  const listed = JSON.parse(workbench.cli('list', '--json')) as {
    id: string;
    version: number;
    annotationCount: number;
  }[];
  expect(listed.map((row) => [row.version, row.annotationCount]).sort()).toEqual([
    [1, 3],
    [2, 3],
  ]);
});

test('correcting the text keeps every annotation on its words and saves a new version', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await open(
    page,
    'ocr-scan.txt',
    'Tbe cornmittee met on Tuesday.\n\nIt voted to fund the bridge across the river.',
  );
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  await selectText(page, 'cornmittee met on Tuesday');
  await page.keyboard.press('1');
  await selectText(page, 'fund the bridge');
  await page.keyboard.press('1');
  await expect(entries).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Correct text…' }).click();
  const text = page.getByLabel('Article text, being corrected');
  await expect(text).toBeFocused();
  // Fix the scanner's "rn" for "m" and "b" for "h", typing over a selection as anyone would.
  await selectText(page, 'cornmittee');
  await page.keyboard.type('committee');
  await selectText(page, 'Tbe');
  await page.keyboard.type('The');
  await expect(text).toContainText('The committee met on Tuesday.');
  await expect(text.locator('.correction-mark')).toHaveCount(2);
  await page.getByRole('button', { name: 'Save corrections' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the corrections as version 2' }),
  ).toBeVisible();
  await expect(page.locator('.article-text')).toContainText('The committee met on Tuesday.');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('committee met on Tuesday');
  const listed = JSON.parse(workbench.cli('list', '--json')) as { id: string; version: number }[];
  const second = listed.find((row) => row.version === 2)!;
  const report = JSON.parse(workbench.cli('export', second.id, '--format', 'json'));
  expect(report.document.versionReason).toBe('corrected');
  for (const annotation of report.annotations) {
    expect(report.document.text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
  }
  expect(report.annotations.map((annotation: { quote: string }) => annotation.quote)).toEqual([
    'committee met on Tuesday',
    'fund the bridge',
  ]);
});

test('a file of another name can be imported as a new version, re-placed, and taken back apart', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  await open(page, 'ectc-terror-report.txt', FIRST);
  await selectText(page, 'includes 66 countries');
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  await chooseFiles(
    page,
    {
      name: 'updated-copy.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(stealthEdited(FIRST)),
    },
    'Import a new version…',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Imported as version 2' })).toBeVisible();
  const review = page.getByRole('region', { name: 'Review' });
  const changed = review.getByRole('list', { name: 'Annotations on changed words' }).getByRole('listitem');
  await expect(changed).toContainText('Now: includes 68 countries');

  // The person decides the claim belongs on the whole phrase with its number.
  await selectText(page, 'The global anti-ISIS coalition includes 68 countries');
  await changed.getByRole('button', { name: 'Move to selection' }).click();
  await expect(review.getByRole('list', { name: 'Annotations on changed words' })).toHaveCount(0);
  await expect(page.locator('.article-text [data-tag="claim"]')).toHaveText(
    'The global anti-ISIS coalition includes 68 countries',
  );
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // It was another article after all: the second document stands alone, without carried annotations.
  await review.getByRole('button', { name: 'Not a new version' }).click();
  await expect(page.getByRole('region', { name: 'Review' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(0);
  const listed = JSON.parse(workbench.cli('list', '--json')) as { version: number; versionCount: number }[];
  expect(listed.map((row) => [row.version, row.versionCount])).toEqual([
    [1, 1],
    [1, 1],
  ]);
});
