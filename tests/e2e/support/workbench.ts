import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

/** The built CLI, as `npx margin` runs it. */
export const CLI = fileURLToPath(new URL('../../../out/main/margin.js', import.meta.url));
/** The test fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A running `margin serve` on a fresh library in a temporary folder. */
export interface Workbench {
  /** The address to open, token included. */
  url: string;
  /** The library database file. */
  database: string;
  /** A scratch folder for the test's own files. */
  folder: string;
  /** Runs the CLI on the same library and returns its standard output. */
  cli(...args: string[]): string;
}

/** Starts `margin serve --json` and waits for the address it prints. */
async function serve(database: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', database, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      try {
        resolve((JSON.parse(output) as { url: string }).url);
      } catch {
        // Not the whole JSON yet.
      }
    });
    child.once('exit', (code) => reject(new Error(`margin serve exited with ${code}: ${errors}`)));
  });
  return { child, url };
}

/** Playwright's test, with a `workbench` fixture: a served library of the test's own. */
export const test = base.extend<{ workbench: Workbench }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
  workbench: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-e2e-'));
    const database = join(folder, 'margin.db');
    const { child, url } = await serve(database);
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, [CLI, ...args, '--db', database], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`margin ${args.join(' ')} failed: ${result.stderr}`);
      return result.stdout;
    };
    await use({ url, database, folder, cli });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
