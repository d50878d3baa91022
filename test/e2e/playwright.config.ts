/** End-to-end tests: both windows as pages of one real Chromium, against the built renderer. */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The same specs run in the real app in the project "electron-e2e" (test/electron/playwright.config.ts).
  projects: [{ name: 'browser' }],
  outputDir: '../../.test-output/e2e',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/e2e-results.json' }]],
  workers: 1,
  timeout: 60_000,
  use: {
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  },
});
