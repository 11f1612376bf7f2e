import { defineConfig } from '@playwright/test';
import { chromium } from '../../playwright.config';

// `npm run bench`: measures the built workbench in the system's Chromium. Not part of `npm test`:
// benchmarks measure, tests assert.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/bench',
  use: { ...chromium, actionTimeout: 60_000 },
});
