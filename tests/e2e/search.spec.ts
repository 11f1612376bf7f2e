import { expect, FIXTURES, test } from './support/workbench';

test('search finds words across the library and opens each hit in place; a deletion can be undone', async ({
  page,
  workbench,
}) => {
  workbench.cli(
    'import',
    `${FIXTURES}ectc-terror-report.txt`,
    `${FIXTURES}pdf/lemonde-1.pdf`,
    `${FIXTURES}docx/medium-1.docx`,
  );
  await page.goto(workbench.url);
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
