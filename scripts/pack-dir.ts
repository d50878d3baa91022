/**
 * Packs E-Akte Desktop for Linux as an unpacked folder (electron-builder's `dir` target) from the
 * built dist/, with electron-builder.yml as it is, and never downloads anything: the Electron
 * distribution is given (`--electron-dist DIR`, e.g. the folder of ELECTRON_OVERRIDE_DIST_PATH),
 * or, with `--stand-in`, a stand-in folder is made (a dummy `electron` file with a fuse wire, a
 * `version` file, three locales). The packaging test uses the stand-in to check the ASAR's
 * contents, app-update.yml and the flipped fuses where no Electron exists.
 * Usage: node scripts/pack-dir.ts [--electron-dist DIR | --stand-in] [--out DIR]   (run `npm run build` first)
 */
import { build, Platform, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function electronVersion(): string {
  return (
    JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

/** Where @electron/fuses finds the fuse wire in an Electron binary: this sentinel, a version byte, a length byte. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own fuse states ('1' on, '0' off): RunAsNode, cookie encryption, NODE_OPTIONS, inspect flags, ASAR integrity, only ASAR, V8 snapshot, file protocol. */
const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * A folder shaped like an unpacked Linux Electron, without Electron in it: the `electron` file is
 * a shell script that carries a fuse wire with Electron's default states, so electron-builder
 * flips the configured fuses in it exactly as in the real binary, and they can be read back.
 */
export function makeStandInElectron(dir: string): string {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(
    path.join(dir, 'electron'),
    `#!/bin/sh\n# stand-in for Electron, not a program\nexit 1\n# ${FUSE_SENTINEL}\x01${String.fromCharCode(ELECTRON_DEFAULT_FUSES.length)}${ELECTRON_DEFAULT_FUSES}\n`,
    'latin1',
  );
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion());
  for (const locale of ['de', 'en-US', 'fr']) writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  return dir;
}

export type PackOptions = { electronDist: string; outDir: string; fuses?: boolean };

/** Runs electron-builder; answers the unpacked app folder. */
export async function packLinuxDir({ electronDist, outDir, fuses = true }: PackOptions): Promise<string> {
  if (!existsSync(path.join(projectRoot, 'dist', 'main', 'index.cjs')))
    throw new Error('dist/ fehlt: zuerst "npm run build" ausführen.');
  const config = load(readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as Configuration;
  // The feed URL app-update.yml names at build time; the policy's updateUrl is used at run time.
  process.env['EAKTE_UPDATE_URL'] ??= 'https://updates.e-akte.invalid/desktop/';
  const packConfig: Configuration = {
    ...config,
    electronDist,
    directories: { ...config.directories, output: outDir },
    ...(fuses ? {} : { electronFuses: null }),
  };
  // Given as a file: an object would be merged into electron-builder.yml, arrays element by element.
  mkdirSync(outDir, { recursive: true });
  const configFile = path.join(outDir, 'electron-builder.pack.json');
  writeFileSync(configFile, JSON.stringify(packConfig, null, 2));
  await build({
    projectDir: projectRoot,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: configFile,
  });
  return path.join(outDir, 'linux-unpacked');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const outDir = path.resolve(value('--out') ?? path.join(projectRoot, 'release', 'pack-dir'));
  const standIn = args.includes('--stand-in');
  const electronDist = standIn
    ? makeStandInElectron(path.join(outDir, 'stand-in-electron'))
    : path.resolve(value('--electron-dist') ?? process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? '');
  if (!standIn && !existsSync(path.join(electronDist, 'electron'))) {
    console.error('Kein Electron-Ordner: --electron-dist DIR, ELECTRON_OVERRIDE_DIST_PATH oder --stand-in angeben.');
    process.exit(2);
  }
  console.log(`packed → ${await packLinuxDir({ electronDist, outDir })}`);
}
