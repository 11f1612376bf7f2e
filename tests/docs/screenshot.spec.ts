import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { selectText } from '../e2e/support/selectText';
import { expect, FIXTURES, test } from '../e2e/support/workbench';

// Renders the README's pictures, in Chromium through `margin serve`: the reference article tagged
// (docs/screenshot.png), a claim's details with attributes and a thread (docs/detail-panel.png)
// and the Codebook (docs/codebook.png), and a new version under review (docs/review.png). Run with
// `npm run screenshot`.

const output = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

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

test('README screenshots', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(workbench.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ann Analyst');
  await page.getByRole('textbox', { name: 'Your name' }).press('Enter');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  for (const [passage, key] of TAGS) {
    await selectText(page, passage);
    await page.keyboard.press(key);
  }
  const region = page.getByRole('region', { name: 'Annotations' });
  const entries = page.locator('.annotation-list > li');
  await expect(entries).toHaveCount(TAGS.length);
  await entries.first().getByRole('button').click();
  await region.getByLabel('Verdict', { exact: true }).selectOption('misleading');
  await region.getByLabel('Check-worthiness').fill('4');
  await region.getByRole('button', { name: 'Add link' }).click();
  await region
    .getByLabel('Evidence link 1', { exact: true })
    .fill('https://www.europol.europa.eu/publications-events/main-reports');
  await region.getByLabel('Evidence note 1', { exact: true }).fill('ECTC report: names members as targets');
  await region
    .getByRole('textbox', { name: 'Comment' })
    .fill(
      'Check the ECTC report itself: does it say “more likely”, or only that coalition members are named as targets?',
    );
  await region
    .getByRole('textbox', { name: 'Reply' })
    .fill('It names them as targets; “more likely” is ours.');
  await region.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.locator('.reader-scroll').evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: output('screenshot.png') });
  await region.screenshot({ path: output('detail-panel.png') });

  await page.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await codebook.getByRole('textbox', { name: 'New tag name' }).fill('Statistic');
  await codebook.getByRole('button', { name: 'Add tag' }).click();
  await codebook
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('A figure the article relies on.');
  await codebook.getByRole('textbox', { name: 'New attribute name' }).fill('Unit');
  await codebook.getByRole('button', { name: 'Add attribute' }).click();
  await codebook.getByRole('group', { name: 'Attribute Unit' }).getByLabel('Type').selectOption('choice');
  const options = codebook.getByRole('group', { name: 'Attribute Unit' }).getByLabel('Options');
  await options.fill('people, per cent, euros');
  await options.press('Enter');
  await expect(codebook.getByRole('button', { name: 'Statistic', exact: true })).toBeVisible();
  await codebook.screenshot({ path: output('codebook.png') });
});

test('README screenshot of a new version under review', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(workbench.url);
  const original = readFileSync(`${FIXTURES}ectc-terror-report.txt`, 'utf8');
  const open = async (content: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open article' }).click();
    await (await chooser).setFiles({
      name: 'ectc-terror-report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(content),
    });
  };
  await open(original);
  for (const [passage, key] of [
    ['The global anti-ISIS coalition includes 66 countries', '1'],
    ['See the pattern?', '3'],
    ['“IS inspired attacks”', '2'],
  ] as const) {
    await selectText(page, passage);
    await page.keyboard.press(key);
  }
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The publisher's quiet edit: a figure changed, a sentence cut, a paragraph moved.
  const paragraphs = original.split(/\n\s*\n/);
  paragraphs.push(paragraphs.splice(2, 1)[0]!);
  await open(
    paragraphs.join('\n\n').replace('66 countries', '68 countries').replace(' See the pattern?', ''),
  );
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('without a place');
  await page.getByRole('button', { name: 'Dismiss' }).first().waitFor();
  await page.locator('.reader-scroll').evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: output('review.png') });
});
