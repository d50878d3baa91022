/**
 * A real electron-builder run (`--linux dir`) over the built app with a stand-in Electron folder
 * (no Electron binary exists here, and nothing may be downloaded): the ASAR holds exactly the
 * built files, app-update.yml names the generic feed, the policy schema ships beside the app, only
 * German and English locales stay, and the fuses in the binary are flipped as configured.
 */
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { makeStandInElectron, packLinuxDir } from '../../../scripts/pack-dir.ts';
import { EXPECTED_FUSES } from './expected-fuses.ts';

const out = mkdtempSync(path.join(tmpdir(), 'eakte-pack-'));
let appDir: string;

beforeAll(async () => {
  if (!existsSync('dist/main/index.cjs') || !existsSync('dist/renderer/workspace.html')) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  process.env['EAKTE_UPDATE_URL'] = 'https://updates.jobcenter.example/e-akte/';
  appDir = await packLinuxDir({ electronDist: makeStandInElectron(path.join(out, 'electron')), outDir: out });
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('electron-builder --linux dir with a stand-in Electron', () => {
  it('packs exactly the built app into the ASAR', () => {
    const files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false });
    const top = [...new Set(files.map((f) => f.split(/[\\/]/).filter(Boolean).slice(0, 2).join('/')))].sort();
    expect(top).toEqual(['dist', 'dist/main', 'dist/preload', 'dist/renderer', 'package.json']);
    expect(files).toContain(path.join('/', 'dist', 'main', 'index.cjs'));
    expect(files).toContain(path.join('/', 'dist', 'preload', 'index.cjs'));
    expect(files).toContain(path.join('/', 'dist', 'renderer', 'workspace.html'));
    expect(files).toContain(path.join('/', 'dist', 'renderer', 'viewer.html'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.includes('quickjs-eval'))).toEqual([]);
    expect(files.some((f) => f.endsWith('openjpeg.wasm'))).toBe(true);
  });

  it('writes app-update.yml for the generic feed and ships the policy schema beside the app', () => {
    const updateConfig = load(readFileSync(path.join(appDir, 'resources', 'app-update.yml'), 'utf8'));
    expect(updateConfig).toEqual({
      provider: 'generic',
      url: 'https://updates.jobcenter.example/e-akte/',
      channel: 'latest',
      updaterCacheDirName: 'e-akte-desktop-updater',
    });
    expect(readFileSync(path.join(appDir, 'resources', 'policy.schema.json'), 'utf8')).toBe(
      readFileSync('assets/policy.schema.json', 'utf8'),
    );
  });

  it('names the program e-akte-desktop and keeps only the German and English locales', () => {
    expect(statSync(path.join(appDir, 'e-akte-desktop')).mode & 0o111).not.toBe(0);
    expect(readdirSync(path.join(appDir, 'locales')).sort()).toEqual(['de.pak', 'en-US.pak']);
  });

  it('flips the fuses in the binary as configured', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'e-akte-desktop'));
    const on = (option: FuseV1Options): boolean => wire[option] === FuseState.ENABLE;
    expect({
      runAsNode: on(FuseV1Options.RunAsNode),
      enableCookieEncryption: on(FuseV1Options.EnableCookieEncryption),
      enableNodeOptionsEnvironmentVariable: on(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: on(FuseV1Options.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: on(FuseV1Options.OnlyLoadAppFromAsar),
      loadBrowserProcessSpecificV8Snapshot: on(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
      grantFileProtocolExtraPrivileges: on(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual(EXPECTED_FUSES);
  });
});
