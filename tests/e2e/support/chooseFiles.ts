import type { Page } from '@playwright/test';

/** A file as the file picker is given it: a path, or a name with its bytes. */
export type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Opens files the way a person does: the Open article button, then the system's file picker. */
export async function chooseFiles(
  page: Page,
  files: ChosenFile | ChosenFile[],
  button = 'Open article',
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files as Parameters<Awaited<typeof chooser>['setFiles']>[0]);
}
