import { selectText } from './support/selectText';
import { expect, FIXTURES, test } from './support/workbench';

test('an analyst backs up the library and restores it from the Settings dialog', async ({
  page,
  workbench,
}) => {
  await page.goto(workbench.url);
  const entries = page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open article' }).click();
  await (await chooser).setFiles(`${FIXTURES}ectc-terror-report.txt`);
  await selectText(page, 'See the pattern?');
  await page.keyboard.press('3');
  await expect(entries).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Back up now, from Settings → Backups and restore…
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Backups and restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('row').filter({ hasText: 'Taken by hand' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // More work after the backup.
  await selectText(page, '“IS inspired attacks”');
  await page.keyboard.press('2');
  await expect(entries).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Restore the backup: after confirming, the workbench reads the library as it was.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Backups and restore…' }).click();
  await dialog
    .getByRole('row')
    .filter({ hasText: 'Taken by hand' })
    .getByRole('button', { name: /^Restore the backup taken/ })
    .click();
  await expect(dialog.getByRole('alertdialog')).toContainText('Everything changed since then is replaced');
  await dialog.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Backups' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Library' }).getByText('Ectc terror report').click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('See the pattern?');

  // The library as it was before the restore is kept, so the restore can be undone.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Backups and restore…' }).click();
  await expect(dialog.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  await dialog
    .getByRole('row')
    .filter({ hasText: 'Before a restore' })
    .getByRole('button', { name: /^Restore the backup taken/ })
    .click();
  await dialog.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByRole('navigation', { name: 'Library' }).getByText('Ectc terror report').click();
  await expect(entries).toHaveCount(2);

  // From the command line, the same snapshots are listed.
  expect(workbench.cli('backups')).toContain('manual');
});
