import { defineConfig } from '@playwright/test';

// `npm run bench`: measures the built workbench in the system's Chromium. Not part of `npm test`:
// benchmarks measure, tests assert.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/bench',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
