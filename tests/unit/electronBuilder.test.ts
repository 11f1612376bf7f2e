import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema check, so the test reads the packaging config exactly
// as `npm run dist` does, and a misspelt option fails here rather than being ignored there.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: null, options: null) => Promise<Record<string, unknown>>;
  validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

async function packagingConfig(): Promise<Record<string, unknown>> {
  return getConfig(PROJECT, null, null);
}

describe('the packaging config (electron-builder.yml)', () => {
  it('passes electron-builder’s schema, which refuses a misspelt fuse', async () => {
    const config = await packagingConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableCookieEncryption', true],
  ] as const)('sets the %s fuse to %s', async (fuse, value) => {
    const fuses = (await packagingConfig()).electronFuses as Record<string, boolean>;
    expect(fuses[fuse]).toBe(value);
  });

  it('packs only the built app, in an archive, with the native SQLite module beside it', async () => {
    const config = await packagingConfig();
    expect(config.asar).toBe(true);
    // The loader wraps the list of patterns in one filter.
    expect(config.files).toEqual([
      { filter: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'] },
    ]);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
  });
});
