/**
 * The Electron suite: the built app (dist/) in a real Electron binary, against the reference
 * server on a free loopback port (fixtures in test/e2e/targets.ts). Run by scripts/test-electron.ts,
 * which reports every test as skipped, with the reason, where no binary exists.
 */
import { defineConfig } from '@playwright/test';

// The end-to-end specs of test/e2e get the Electron implementation of their fixtures (targets.ts).
process.env['EAKTE_E2E_TARGET'] = 'electron';

export default defineConfig({
  testMatch: '**/*.spec.ts',
  projects: [
    // What only Electron has: IPC from foreign frames, navigation, CSP on app://, single instance, fuses.
    { name: 'electron', testDir: '.' },
    // The same end-to-end specs as browser mode, in the real app.
    { name: 'electron-e2e', testDir: '../e2e' },
  ],
  outputDir: '../../.test-output/electron',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/electron-results.json' }]],
  workers: 1,
  timeout: 90_000,
  use: { trace: 'retain-on-failure' },
});
