import { readFileSync } from 'node:fs';
import { expect, FIXTURES, test } from './support/workbench';

test('a right-to-left page dropped on the window opens right to left', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const html = readFileSync(`${FIXTURES}html/rtl-1.html`, 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'rtl-1.html', { type: 'text/html' }));
    return transfer;
  }, html);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to open the article')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.locator('.article-text')).toContainText('Lorem ipsum dolor sit amet.');
  await expect(page.locator('.article-mount')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('RTL Test');
});

test('a file that is not an article is refused with one sentence, and nothing is stored', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  for (const file of [
    {
      name: 'photo.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    },
    { name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) },
    { name: 'slides.pptx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') },
  ]) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open article' }).click();
    await (await chooser).setFiles(file);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    const sentence = ((await alert.locator('span').first().textContent()) ?? '').trim();
    expect(sentence).toMatch(/\.$/);
    expect(sentence).not.toMatch(/[.!?]\s+[A-Z]/);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('No articles yet');
  expect(JSON.parse(workbench.cli('list', '--json'))).toEqual([]);
});

test('importing the same article twice opens the copy already in the library', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  for (let round = 0; round < 2; round++) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open article' }).click();
    await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
    await expect(page.locator('.article-text')).toContainText('Geopolitics Alert');
  }
  await expect(page.getByRole('status').filter({ hasText: 'already in the library' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('listitem')).toHaveCount(1);
});
