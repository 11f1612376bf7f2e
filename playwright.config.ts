import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built workbench through `margin serve` in the system's Chromium
// (Debian's /usr/bin/chromium, or CHROMIUM_PATH); no browser is downloaded. Desktop specs in
// tests/electron run where an Electron binary exists and skip, saying why, where it does not.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How every Playwright run here starts the system's Chromium. */
export const chromium = {
  browserName: 'chromium' as const,
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testMatch: 'e2e/**/*.spec.ts',
      use: { ...chromium, trace: 'retain-on-failure' },
    },
    { name: 'desktop', testMatch: 'electron/**/*.spec.ts' },
    // Not part of `npm test`: `npm run screenshot` renders the README's picture.
    { name: 'docs', testMatch: 'docs/**/*.spec.ts', use: chromium },
  ],
});
