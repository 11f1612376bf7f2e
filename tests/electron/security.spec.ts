import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import { launchDesktop, projectRoot, skipUnless } from './support/desktop';

// What only a real Electron can show: the page has no Node in reach, cannot leave the workbench,
// and the packaged binary carries the fuses electron-builder.yml asks for. Each test skips, saying
// why, where no Electron binary (or no packaged app) exists.

test('the workbench page has no Node, loads from app://, and cannot navigate or open windows', async () => {
  const { app } = await launchDesktop();
  const page = await app.firstWindow();
  await expect(page.getByRole('button', { name: 'Open article' })).toBeVisible();
  const globals = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      protocol: location.protocol,
      node: ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].filter(
        (name) => typeof scope[name] !== 'undefined',
      ),
      bridge: Object.keys(scope.margin as object).sort(),
      opened: window.open('https://example.com/') === null,
    };
  });
  expect(globals.protocol).toBe('app:');
  expect(globals.node).toEqual([]);
  expect(globals.bridge).toContain('library');
  expect(globals.opened).toBe(true);
  expect(app.windows()).toHaveLength(1);

  const before = page.url();
  await page.evaluate(() => {
    location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  const escaped = await page.evaluate(async () => (await fetch('app://margin/../../package.json')).status);
  expect(escaped).toBe(404);
  await app.close();
});

/** A fuse's byte in the binary's fuse wire: the characters '0' and '1'. */
const DISABLED = 0x30;
const ENABLED = 0x31;

test('the packaged app carries the security fuses', () => {
  const binary = process.env.MARGIN_PACKAGED_APP ?? join(projectRoot, 'dist', 'linux-unpacked', 'margin');
  skipUnless(
    existsSync(binary),
    'no packaged app: run `npm run dist` (it needs Electron downloads), or point MARGIN_PACKAGED_APP at one.',
  );
  return getCurrentFuseWire(binary).then((wire) => {
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLED);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLED);
  });
});
