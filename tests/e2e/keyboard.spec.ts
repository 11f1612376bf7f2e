import type { Page } from '@playwright/test';
import type { Report } from '../../shared/model';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

async function openReference(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  await expect(page.locator('.article-text')).toBeVisible();
}

test('tagging, moving, editing and undoing with the keyboard alone', async ({ page, workbench }) => {
  await openReference(page, workbench.url);
  const current = page.locator('.annotation-entry[aria-current="true"]');
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  const saved = page.getByRole('status').filter({ hasText: /^Saved$/ });

  // Q grows a fragment to its quotation marks, S to its sentence; a tag key tags the result.
  await selectText(page, 'inspired');
  await page.keyboard.press('q');
  await page.keyboard.press('2');
  await expect(current).toContainText('“IS inspired attacks”');
  await selectText(page, 'Belgium');
  await page.keyboard.press('s');
  await page.keyboard.press('1');
  await expect(current).toContainText(
    'France ranked especially high on the list; Belgium, Germany, and the UK are also particularly susceptible to attacks.',
  );
  await selectText(page, 'fairly obvious');
  await page.keyboard.press('3');
  await expect(entries).toHaveCount(3);

  // J and K walk the annotations in text order, wrapping around; Esc lets go.
  await page.keyboard.press('Escape');
  await expect(current).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(current).toContainText('France ranked');
  // The passage J lands on flashes once, so the eye finds it.
  const landed = page.locator('.article-text .annotation.is-selected');
  await expect(landed).toHaveCSS('animation-name', 'flash');
  await page.keyboard.press('j');
  await expect(current).toContainText('IS inspired attacks');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(current).toContainText('fairly obvious');

  // Enter writes in the comment; Esc returns to the text, where the keys work again.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await page.keyboard.type('Writer’s judgement');
  await page.keyboard.press('Escape');
  await expect(page.locator('.article-text')).toBeFocused();

  // R then a tag key retags; Shift+← and Alt+Shift+→ grow the passage a word at each end.
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: 'Retag' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(current).toContainText('Claim');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(current).toContainText('seem fairly obvious');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(current).toContainText('seem fairly obvious. For');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(current).toContainText('fairly obvious. For');
  await expect(page.locator('.article-text .annotation.is-selected')).toHaveText('fairly obvious. For');

  // Undo walks back one word step at a time, then the retag; what is undone is undone in the store.
  await page.keyboard.press('Control+z');
  await expect(current).toContainText('seem fairly obvious. For');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(current).toContainText('fairly obvious');
  await expect(current).not.toContainText('For');
  await page.keyboard.press('Control+z');
  await expect(current).toContainText('Opinion');

  // Delete removes the selected annotation; undo brings it back with its comment.
  await page.keyboard.press('Delete');
  await expect(entries).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(entries).toHaveCount(3);

  // An attribute set in the details undoes like everything else.
  await page.keyboard.press('j');
  await expect(current).toContainText('France ranked');
  // Exact: once a verdict is set, the list's filters offer a Verdict choice too.
  const verdict = page.getByRole('region', { name: 'Annotations' }).getByLabel('Verdict', { exact: true });
  await verdict.selectOption('false');
  await expect(current).toContainText('false');
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+z');
  await expect(verdict).toHaveValue('');
  await expect(saved).toBeVisible();

  const [document] = JSON.parse(workbench.cli('list', '--json')) as { id: string }[];
  const report = JSON.parse(workbench.cli('export', document!.id, '--format', 'json')) as Report;
  const byQuote = new Map(report.annotations.map((annotation) => [annotation.quote, annotation]));
  const quotes = [...byQuote.keys()];
  // The sentence keeps the article's own spaces (some are no-break spaces), so compare loosely.
  expect(quotes[0]).toMatch(
    /^France ranked especially high on the list;\sBelgium, Germany.*susceptible to attacks\.$/,
  );
  expect(quotes.slice(1)).toEqual(['“IS inspired attacks”', 'fairly obvious']);
  expect(byQuote.get('fairly obvious')).toMatchObject({
    tag: 'opinion',
    comments: [{ body: 'Writer’s judgement' }],
  });
  expect(report.annotations[0]!.attributes).toEqual({});
});

test('the ? overlay lists every shortcut, and find in the article counts and steps through matches', async ({
  page,
  workbench,
}) => {
  // The page loads without a single failed request or console error (a missing icon included).
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openReference(page, workbench.url);
  await page.locator('.article-text').focus();
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const meaning of ['Tag the selection as Claim', 'Next / previous annotation', 'Find in the article']) {
    await expect(overlay).toContainText(meaning);
  }
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await expect(page.locator('.article-text')).toBeFocused();

  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(search).toBeFocused();
  await search.fill('coalition');
  const total = await page.locator('.article-text .find-match').count();
  expect(total).toBeGreaterThan(2);
  const findStatus = page.getByRole('search').getByRole('status');
  await expect(findStatus).toHaveText(`1 of ${total}`);
  await page.keyboard.press('Enter');
  await expect(findStatus).toHaveText(`2 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(findStatus).toHaveText(`${total} of ${total}`);
  await expect(page.locator('.article-text .find-match.is-current')).toBeInViewport();
  await search.fill('no such words anywhere');
  await expect(findStatus).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(page.locator('.article-text .find-match')).toHaveCount(0);
  await expect(page.locator('.article-text')).toBeFocused();
  expect(errors).toEqual([]);
});
