import { expect, type Page } from '@playwright/test';

/** Sets "Your name" in Settings, waiting until the library has stored it (it checks authorship). */
export async function setName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  const stored = page.waitForResponse((response) => response.url().endsWith('/api/settings/update'));
  await dialog.getByRole('textbox', { name: 'Your name' }).press('Enter');
  await stored;
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
}
