/**
 * The packaging configuration: valid for electron-builder, only the files that run, per-machine
 * NSIS, AppImage and deb, dmg, the generic update feed from the environment, icons from assets/,
 * and the security fuses.
 */
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FUSES } from './expected-fuses.ts';

type Config = Parameters<typeof validateConfiguration>[0];
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is refused by the same check when a key is misspelt (the check can fail)', async () => {
    const broken = { ...config, nsis: { ...(config.nsis as object), perMachin: true } } as Config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('packs the built app and nothing else: no node_modules, no source maps', () => {
    expect(config.files).toEqual([
      'dist/main/**',
      'dist/preload/**',
      'dist/renderer/**',
      'package.json',
      '!**/*.map',
      '!node_modules/**',
      '!dist/renderer/pdfjs/wasm/quickjs-*',
    ]);
    expect(config.extraResources).toEqual([{ from: 'assets/policy.schema.json', to: 'policy.schema.json' }]);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('installs per machine on Windows (assisted, not one-click), AppImage and deb on Linux, dmg (and zip for updates) on macOS', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, deleteAppDataOnUninstall: false });
    expect(config.win).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }], verifyUpdateCodeSignature: true });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true });
  });

  it('takes its icons from assets/', () => {
    expect(config.directories).toMatchObject({ buildResources: 'assets' });
    expect(config.win).toMatchObject({ icon: 'assets/icon.ico' });
    expect(config.mac).toMatchObject({ icon: 'assets/icon.icns' });
    expect(config.linux).toMatchObject({ icon: 'assets/icons' });
  });

  it('publishes to the generic provider at the URL from the environment', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.EAKTE_UPDATE_URL}', channel: 'latest' }]);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
  });
});
