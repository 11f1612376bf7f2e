import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

// The desktop smoke test: launch the real app, open the reference article, tag it, export. It needs
// an Electron binary and a better-sqlite3 built for Electron (`npm start` makes both on a machine
// that can download them); where either is missing the test is skipped and says why.

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/ectc-terror-report.txt', import.meta.url));

function electronBinary(): string | null {
  const result = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(require(process.argv[1]))', 'electron'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return result.status === 0 ? result.stdout.trim() : null;
}

function sqliteBinding(): string | null {
  const version = (
    JSON.parse(readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const path = join(
    projectRoot,
    'node_modules/.margin-electron',
    `better-sqlite3-electron-${version}`,
    'build/Release/better_sqlite3.node',
  );
  return existsSync(path) ? path : null;
}

/** Skips the test with a reason, printed too, so a run's log says why the desktop went untested. */
function skipUnless(condition: boolean, reason: string): void {
  if (!condition) console.warn(`Desktop smoke test skipped: ${reason}`);
  test.skip(!condition, reason);
}

test('the desktop app opens the reference article, tags it and exports a report', async () => {
  const executablePath = electronBinary();
  skipUnless(
    executablePath !== null,
    'no Electron binary could be obtained on this machine (its download site is unreachable).',
  );
  const binding = sqliteBinding();
  skipUnless(
    binding !== null,
    'better-sqlite3 has not been built for Electron here; run `npm start` once to build it.',
  );

  const home = mkdtempSync(join(tmpdir(), 'margin-desktop-'));
  const app = await electron.launch({
    executablePath: executablePath!,
    args: [projectRoot],
    env: { ...process.env, MARGIN_SQLITE_BINDING: binding!, XDG_CONFIG_HOME: home, HOME: home },
  });
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
