import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixture, launchDesktop } from './support/desktop';

// The desktop smoke test: launch the real app, open the reference article, tag it, export. It needs
// an Electron binary and a better-sqlite3 built for Electron (`npm start` makes both on a machine
// that can download them); where either is missing the test is skipped and says why.

test('the desktop app opens the reference article, tags it and exports a report', async () => {
  const { app, home } = await launchDesktop();
  const window = await app.firstWindow();
  const chooser = window.waitForEvent('filechooser');
  await window.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(fixture);
  await expect(window.locator('.article-text')).toContainText('European Counter Terrorism Centre');
  await window.locator('.article-text').getByText('See the pattern?').selectText();
  await window.keyboard.press('3');
  await expect(window.getByRole('region', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);
  const isolated = await window.evaluate(
    () => typeof (globalThis as { require?: unknown }).require === 'undefined',
  );
  expect(isolated).toBe(true);

  // Export: the download's save dialog is answered by saving into the test's folder.
  await app.evaluate(({ session }, folder) => {
    session.defaultSession.on('will-download', (_event, item) =>
      item.setSavePath(`${folder}/${item.getFilename()}`),
    );
  }, home);
  await window.getByRole('button', { name: 'Export' }).click();
  await window.getByRole('menuitem', { name: 'JSON' }).click();
  const exported = join(home, 'ectc-terror-report.margin.json');
  await expect.poll(() => existsSync(exported)).toBe(true);
  const report = JSON.parse(readFileSync(exported, 'utf8')) as { annotations: { quote: string }[] };
  expect(report.annotations.map((annotation) => annotation.quote)).toEqual(['See the pattern?']);
  await app.close();
});
