import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

test('overlapping annotations stay visible and reachable; retag, undo and redo', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');

  // A claim around a quote: both are drawn where they overlap, each with its own underline lane.
  await selectText(
    page,
    'any country participating in the US-led coalition can expect a wave of “IS inspired attacks”',
  );
  await page.keyboard.press('1');
  await selectText(page, '“IS inspired attacks”');
  await page.keyboard.press('2');
  await expect(entries).toHaveCount(2);
  const quote = page.locator('.article-text [data-tag="quote"]');
  await expect(quote).toHaveText('“IS inspired attacks”');
  const claimText = await page.locator('.article-text [data-tag="claim"]').allTextContents();
  expect(claimText.join('')).toBe(
    'any country participating in the US-led coalition can expect a wave of “IS inspired attacks”',
  );
  const lanes = await page
    .locator('.article-text .annotation')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-lane')));
  expect(new Set(lanes).size).toBe(2);

  // Hovering a highlight shows its tag; clicking where both lie selects the shorter one and
  // offers both to pick from, with the keyboard as well.
  const current = page.locator('.annotation-entry[aria-current="true"]');
  await page.locator('.article-text').focus();
  await page.keyboard.press('Escape');
  await expect(current).toHaveCount(0);
  const claim = page.locator('.article-text [data-tag="claim"]').first();
  await claim.hover();
  await expect(page.getByRole('tooltip')).toContainText('Claim');
  // A scroll hides the card; the pointer moving on within the same highlight shows it again.
  await page.mouse.wheel(0, 3);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  const line = await claim.evaluate((element) => {
    const { x, y, width, height } = element.getClientRects()[0]!;
    return { x: x + width / 2, y: y + height / 2 };
  });
  await page.mouse.move(line.x + 2, line.y);
  await expect(page.getByRole('tooltip')).toContainText('Claim');
  await quote.click();
  await expect(current).toContainText('“IS inspired attacks”');
  await expect(current).toContainText('Quote');
  const picker = page.getByRole('menu', { name: 'Overlapping annotations' });
  await expect(picker.getByRole('menuitem')).toHaveText([/Quote.*IS inspired attacks/, /Claim.*any country/]);
  await expect(picker.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(current).toContainText('Claim');

  // Retag the claim as an opinion; undo and redo it.
  await page.getByRole('radio', { name: 'Opinion' }).check();
  await expect(page.locator('.article-text [data-tag="opinion"]').first()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.article-text [data-tag="opinion"]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.article-text [data-tag="opinion"]').first()).toBeVisible();

  // A comment typed in one go undoes in one step, and the undone state is what is saved.
  await page.getByRole('textbox', { name: 'Comment' }).pressSequentially('Loaded framing');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(entries).toHaveCount(2);
  await expect(page.locator('.article-text [data-tag="opinion"]').first()).toBeVisible();
  await expect(page.locator('.entry-comment')).toHaveCount(0);
});
