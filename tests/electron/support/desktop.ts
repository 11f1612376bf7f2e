import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, _electron as electron, test } from '@playwright/test';

/** The repository's root. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The reference article. */
export const fixture = fileURLToPath(new URL('../../fixtures/ectc-terror-report.txt', import.meta.url));

/** The Electron binary npm installed, or null where none could be downloaded. */
export function electronBinary(): string | null {
  const result = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(require(process.argv[1]))', 'electron'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return result.status === 0 && existsSync(result.stdout.trim()) ? result.stdout.trim() : null;
}

/** better-sqlite3 built for the installed Electron (`npm start` builds it), or null. */
export function sqliteBinding(): string | null {
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
export function skipUnless(condition: boolean, reason: string): void {
  if (!condition) console.warn(`Desktop test skipped: ${reason}`);
  test.skip(!condition, reason);
}

/**
 * Launches the built desktop app on a library of its own, or skips the test saying what is
 * missing. Returns the app and its scratch home folder.
 */
export async function launchDesktop(): Promise<{ app: ElectronApplication; home: string }> {
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
  return { app, home };
}
