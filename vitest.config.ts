import { defineConfig } from 'vitest/config';

// Unit tests run under Node against real SQLite files in temporary folders; tests/unit mirrors the
// source tree. End-to-end tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
