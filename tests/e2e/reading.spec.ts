import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

/** WCAG contrast of two CSS colours as the browser computed them ("rgb(…)" or "color(srgb …)"). */
function contrast(first: string, second: string): number {
  const luminance = (css: string) => {
    const numbers = css.match(/[\d.]+/g)!.map(Number);
    const channels = css.startsWith('color(')
      ? numbers.slice(0, 3)
      : numbers.slice(0, 3).map((value) => value / 255);
    const linear = channels.map((value) =>
      value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

test('themes follow the system or a choice, keep tag contrast, and the text zooms and narrows', async ({
  page,
  workbench,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(workbench.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  for (const [needle, key] of [
    ['66 countries', '1'],
    ['“IS inspired attacks”', '2'],
    ['fairly obvious', '3'],
  ] as const) {
    await selectText(page, needle);
    await page.keyboard.press(key);
  }

  // Every tag's underline stands 3:1 from the paper, and its coloured label 4.5:1, in both themes;
  // each tag also has its own underline pattern, a cue that does not need colour.
  const measure = () =>
    page.evaluate(() => {
      const paper = getComputedStyle(document.documentElement).backgroundColor;
      return [...document.querySelectorAll<HTMLElement>('.article-text .annotation')].map((element) => {
        const badge = document.querySelector(
          `.annotation-entry[data-tag="${element.dataset.tag}"] .tag-badge`,
        )!;
        return {
          paper,
          line: getComputedStyle(element).textDecorationColor,
          style: getComputedStyle(element).textDecorationStyle,
          label: getComputedStyle(badge).color,
        };
      });
    });
  const check = async (theme: string) => {
    const samples = await measure();
    expect(samples).toHaveLength(3);
    expect(new Set(samples.map((sample) => sample.style)).size, theme).toBe(3);
    for (const sample of samples) {
      expect(contrast(sample.line, sample.paper), `${theme} line ${sample.line}`).toBeGreaterThanOrEqual(3);
      expect(contrast(sample.label, sample.paper), `${theme} label ${sample.label}`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
    return samples[0]!.paper;
  };
  const systemDark = await check('system dark');

  const settings = page.getByRole('dialog', { name: 'Settings' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings.getByLabel('Theme').selectOption('light');
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .not.toBe(systemDark);
  const light = await check('light');
  expect(contrast(light, systemDark)).toBeGreaterThan(10);

  // Text size and reading width are settings too, and survive a reload.
  const article = page.locator('.article-text');
  const size = async () =>
    Number.parseFloat(await article.evaluate((element) => getComputedStyle(element).fontSize));
  const width = async () => (await page.locator('.article-mount').boundingBox())!.width;
  const [normalSize, normalWidth] = [await size(), await width()];
  await settings.getByLabel('Reading width').selectOption('narrow');
  await expect.poll(width).toBeLessThan(normalWidth);
  await settings.getByRole('button', { name: 'Close' }).click();
  await article.focus();
  await page.keyboard.press('Control+=');
  const stored = page.waitForResponse((response) => response.url().includes('/api/settings/update'));
  await page.keyboard.press('Control+=');
  await stored;
  await expect.poll(size).toBeCloseTo(normalSize * 1.2, 0);
  await page.reload();
  await expect(article).toBeVisible();
  await expect.poll(size).toBeCloseTo(normalSize * 1.2, 0);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await page.keyboard.press('Control+0');
  await expect.poll(size).toBeCloseTo(normalSize, 0);
});

test('the panels fill the window under the top bar, with or without a notice above them', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  // A short article: the panels must still reach the bottom of the window.
  const short = join(workbench.folder, 'short.txt');
  writeFileSync(short, 'A short note\n\nOne paragraph of text, and nothing more.\n');
  await (await chooser).setFiles(short);
  await expect(page.locator('.article-text')).toBeVisible();
  const bottomOf = (selector: string) =>
    page.locator(selector).evaluate((element) => Math.round(element.getBoundingClientRect().bottom));
  const windowHeight = page.viewportSize()!.height;
  await expect.poll(() => bottomOf('.workspace')).toBe(windowHeight);
  await expect.poll(() => bottomOf('.library')).toBe(windowHeight);
});
