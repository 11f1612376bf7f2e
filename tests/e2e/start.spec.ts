import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const START = fileURLToPath(new URL('../../out/main/start.js', import.meta.url));

test('npm start without an Electron binary says so in one sentence and serves the workbench', async ({
  page,
}) => {
  const home = mkdtempSync(join(tmpdir(), 'margin-start-'));
  // Pointing Electron at an empty folder stands for a machine where its binary cannot be had.
  const child = spawn(process.execPath, [START], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(home, 'no-electron'), XDG_CONFIG_HOME: home },
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = output.match(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    });
    const [sentence] = output.split('\n');
    expect(sentence).toMatch(/^Margin is opening in your browser instead of its own window, because .+\.$/);
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Open article' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('No articles yet');
    expect(output).toContain(join(home, 'Margin', 'margin.db'));
  } finally {
    child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
});
