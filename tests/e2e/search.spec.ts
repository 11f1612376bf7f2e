import type { Page } from '@playwright/test';
import { expect, FIXTURES, test, type Workbench } from './support/workbench';

/** A library of the reference article, Le Monde's page as a PDF and Medium's as a Word file, open in the page. */
async function openLibraryOfThree(page: Page, workbench: Workbench): Promise<void> {
  workbench.cli(
    'import',
    `${FIXTURES}ectc-terror-report.txt`,
    `${FIXTURES}pdf/lemonde-1.pdf`,
    `${FIXTURES}docx/medium-1.docx`,
  );
  await page.goto(workbench.url);
}

test('search finds words across the library and opens each hit in place; a deletion can be undone', async ({
  page,
  workbench,
}) => {
  await openLibraryOfThree(page, workbench);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('listitem')).toHaveCount(3);

  // Accents need not be typed: "penitentiaire" finds Le Monde's "pénitentiaire".
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  await search.fill('renseignement penitentiaire');
  const results = page.getByRole('region', { name: 'Search results' });
  const hits = results.getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toHaveText(/renseignement|pénitentiaire/i);
  await hits.filter({ hasText: 'Article text' }).first().getByRole('button').click();
  await expect(page.locator('.article-text')).toContainText('Le renseignement pénitentiaire pourra');
  await expect(page.getByRole('searchbox', { name: 'Find in article' })).toHaveValue(
    /renseignement|pénitentiaire/i,
  );
  await expect(page.locator('.article-text .find-match.is-current')).toBeInViewport();

  // Words in other articles are found too; Escape clears the search and shows the library again.
  await search.fill('coalition');
  await expect(hits.filter({ hasText: 'Ectc terror report' }).first()).toBeVisible();
  await search.press('Escape');
  await expect(results).toHaveCount(0);
  await library.getByRole('button', { name: /^Ectc terror report/ }).click();
  await expect(page.locator('.article-text')).toContainText('European Counter Terrorism Centre');

  // Delete, then undo.
  await library.getByRole('button', { name: 'Delete “Ectc terror report”' }).click();
  await library
    .getByRole('group', { name: 'Delete “Ectc terror report”?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted “Ectc terror report”' });
  await expect(notice).toBeVisible();
  await expect(library.getByRole('listitem')).toHaveCount(2);
  expect(JSON.parse(workbench.cli('list', '--json'))).toHaveLength(2);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(library.getByRole('listitem')).toHaveCount(3);
  await expect(page.locator('.article-text')).toContainText('European Counter Terrorism Centre');
});

test('a comment is found by search, and choosing it selects its annotation', async ({ page, workbench }) => {
  workbench.cli('import', `${FIXTURES}ectc-terror-report.txt`);
  await page.goto(workbench.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Ectc terror report/ })
    .click();
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  await page.locator('.article-text').waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('.article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf('66 countries');
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + '66 countries'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await page.keyboard.press('1');
  await expect(entries).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Comment' }).fill('Cross-check with the State Department roster');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('.article-text').click();

  await page.getByRole('searchbox', { name: 'Search the library' }).fill('roster');
  const hit = page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Comment');
  await hit.getByRole('button').click();
  await expect(entries.first().getByRole('button')).toHaveAttribute('aria-current', 'true');
});

test('the library table shows every column, sorts, filters, and corrects a document’s details', async ({
  page,
  workbench,
}) => {
  await openLibraryOfThree(page, workbench);
  await page.getByRole('button', { name: 'Table…' }).click();
  const table = page.getByRole('dialog', { name: 'Library' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(table.getByRole('columnheader')).toContainText([
    'Title',
    'Outlet',
    'Byline',
    'Published',
    'Imported',
    'Version',
    'Claim',
    'Quote',
    'Opinion',
  ]);

  await table.getByRole('button', { name: 'Title' }).click();
  await expect(table.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.locator('th')).toHaveText([
    /^Ectc terror report/,
    /^Le projet de loi/,
    /^The Open Journalism Project/,
  ]);
  await table.getByRole('button', { name: 'Title' }).click();
  await expect(rows.first().locator('th')).toHaveText(/^The Open Journalism Project/);

  await table.getByRole('searchbox', { name: 'Filter the library' }).fill('untersinger');
  await expect(rows).toHaveCount(1);
  await expect(table.getByRole('status')).toHaveText('1 of 3 documents');
  await table.getByRole('searchbox', { name: 'Filter the library' }).fill('');

  await table.getByRole('button', { name: 'Edit the details of “Ectc terror report”' }).click();
  const form = table.getByRole('form', { name: 'Details of “Ectc terror report”' });
  await form.getByLabel('Title').fill('Europe braces for more attacks');
  await form.getByLabel('Outlet').fill('Geopolitics Alert');
  await form.getByLabel('Published').fill('2016-12-06');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(rows.filter({ hasText: 'Europe braces for more attacks' })).toContainText('Geopolitics Alert');
  await table.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText(
    'Europe braces for more attacks',
  );
  const listed = JSON.parse(workbench.cli('list', '--json')) as {
    title: string;
    siteName: string;
    publishedAt: string;
  }[];
  expect(listed.find((row) => row.title === 'Europe braces for more attacks')).toMatchObject({
    siteName: 'Geopolitics Alert',
    publishedAt: '2016-12-06',
  });
});
