/**
 * The fuses of the packed app, read back from its binary with @electron/fuses: electron-builder
 * --linux dir with the real Electron found here, then every fuse as electron-builder.yml says.
 */
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NO_ELECTRON_REASON } from '../../scripts/electron-binary.ts';
import { packLinuxDir } from '../../scripts/pack-dir.ts';
import { EXPECTED_FUSES } from '../unit/build/expected-fuses.ts';
import { electronBinary, electronTest as test, expect } from '../e2e/targets.ts';

test.skip(!electronBinary, NO_ELECTRON_REASON);
test.skip(process.platform !== 'linux', 'the packed binary is built with --linux dir');

test('the packed binary has the security fuses set', async () => {
  test.setTimeout(300_000);
  const out = mkdtempSync(path.join(tmpdir(), 'eakte-fuses-'));
  try {
    const appDir = await packLinuxDir({ electronDist: path.dirname(electronBinary!), outDir: out });
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
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
