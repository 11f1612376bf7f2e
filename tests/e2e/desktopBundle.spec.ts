import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { listMethods } from '../../shared/api';

// The desktop shell cannot run here (no Electron binary), so its built files are checked as far as
// Node can: every bundle parses, the preload exposes exactly the contract, and the page carries
// its Content Security Policy.

const OUT = fileURLToPath(new URL('../../out/', import.meta.url));

test('every built bundle of the main process and the preload parses', () => {
  const files = [
    ...readdirSync(join(OUT, 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(OUT, 'main', file)),
    join(OUT, 'preload', 'index.cjs'),
  ];
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(result.stderr, file).toBe('');
    expect(result.status, file).toBe(0);
  }
});

test('the preload exposes one function per contract method, each on its own channel, and nothing else', async () => {
  const exposed: Record<string, unknown> = {};
  const invoked: { channel: string; input: unknown }[] = [];
  // Electron's preload API, stood in for: what the bundle asks of it is recorded.
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, value: unknown) => (exposed[name] = value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => invoked.push({ channel, input }),
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const source = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8');
  const module = { exports: {} };
  runInNewContext(source, {
    module,
    exports: module.exports,
    require: (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`The sandboxed preload may not require "${name}".`);
    },
  });
  expect(Object.keys(exposed)).toEqual(['margin']);
  const bridge = exposed.margin as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>> | unknown
  >;
  const methods = listMethods();
  expect(Object.keys(bridge).sort()).toEqual(
    [...new Set(methods.map((entry) => entry.service)), 'onCommand'].sort(),
  );
  for (const entry of methods) {
    const call = (bridge[entry.service] as Record<string, (input: unknown) => Promise<unknown>>)[
      entry.method
    ]!;
    await call({ probe: entry.method });
    expect(invoked.at(-1)).toEqual({ channel: entry.channel, input: { probe: entry.method } });
  }
  for (const service of new Set(methods.map((entry) => entry.service))) {
    expect(Object.keys(bridge[service] as object).sort()).toEqual(
      methods
        .filter((entry) => entry.service === service)
        .map((entry) => entry.method)
        .sort(),
    );
  }
});

test('the built page has exactly one strict Content Security Policy', () => {
  const html = readFileSync(join(OUT, 'renderer', 'index.html'), 'utf8');
  const { document } = new JSDOM(html).window;
  const policies = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(
    (meta) => meta.getAttribute('content') ?? '',
  );
  expect(policies).toHaveLength(1);
  const policy = policies[0]!;
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  for (const script of document.querySelectorAll('script')) expect(script.getAttribute('src')).toBeTruthy();
});
