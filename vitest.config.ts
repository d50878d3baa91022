/**
 * Test projects: `unit` runs in Node (shared logic, main-process modules, the reference server
 * over real HTTP); `browser` runs in a real Chromium (IndexedDB, WebCrypto, canvases).
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { CHROMIUM_ARGS, locateChromium } from './scripts/chromium.ts';
import { referenceServerCommands } from './test/support/reference-server-commands.ts';

export default defineConfig({
  test: {
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: '.test-output/vitest-results.json' },
    // Failure screenshots and other attachments stay with the rest of the test output.
    attachmentsDir: '.test-output/vitest-attachments',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotDirectory: '.test-output/browser-screenshots',
            provider: playwright({
              // Looked up, not required: the unit project runs without a Chromium.
              launchOptions: { executablePath: locateChromium() ?? undefined, args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: 'chromium' }],
            commands: referenceServerCommands,
          },
        },
      },
    ],
  },
});
