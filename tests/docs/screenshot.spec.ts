import { fileURLToPath } from 'node:url';
import { selectText } from '../e2e/support/selectText';
import { expect, FIXTURES, test } from '../e2e/support/workbench';

// Renders docs/screenshot.png, the README's picture: the reference article tagged, in Chromium
// through `margin serve`. Run with `npm run screenshot`.

const OUTPUT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

const TAGS: [string, string][] = [
  [
    'European countries who are taking part in the US-led coalition against ISIS are more likely to suffer terrorist attacks at home',
    '1',
  ],
  ['any country participating in the US-led coalition can expect a wave of “IS inspired attacks”', '1'],
  ['“IS inspired attacks”', '2'],
  ['most of which seem fairly obvious', '3'],
  ['“they may not read the Quran and may not be regular visitors of a mosque.', '2'],
];

test('README screenshot', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  for (const [passage, key] of TAGS) {
    await selectText(page, passage);
    await page.keyboard.press(key);
  }
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  await expect(entries).toHaveCount(TAGS.length);
  await entries.first().getByRole('button').click();
  await page
    .getByRole('textbox', { name: 'Comment' })
    .fill(
      'Check the ECTC report itself: does it say “more likely”, or only that coalition members are named as targets?',
    );
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.locator('.reader-scroll').evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: OUTPUT });
});
