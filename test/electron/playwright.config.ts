/** The Electron suite: the packaged-layout app (dist/) in a real Electron binary. */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../.test-output/electron',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/electron-results.json' }]],
  workers: 1,
  timeout: 90_000,
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
