/**
 * The Electron suite: the built app (dist/) in a real Electron binary, against the reference
 * server on a free loopback port (fixtures in test/e2e/targets.ts). Run by scripts/test-electron.ts,
 * which reports every test as skipped, with the reason, where no binary exists.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../.test-output/electron',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/electron-results.json' }]],
  workers: 1,
  timeout: 90_000,
  use: { trace: 'retain-on-failure' },
});
