#!/usr/bin/env node
// The launcher behind `npm start`, `npm test` and `npm run bench`: plain JavaScript that runs on the Node a fresh
// machine has (18 and later). It provides what the real scripts need, then runs them:
//   1. a Node as new as package.json's engines field asks (the pinned Node from the npm package for
//      this platform, into .tools/node), re-running itself under it;
//   2. the dependencies (`npm install`) when node_modules is missing or older than package-lock.json;
//   3. the real script: scripts/start.ts, scripts/test.ts or scripts/bench.ts, with the arguments given.
// It prints one line for each step it takes and nothing when there is nothing to do.
// Usage: node scripts/launch.mjs <start|test|bench> [arguments for the script]
//        node scripts/launch.mjs node-path   (provides Node only and prints its folder; for
//                                             scripts/ensure-node.sh)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node put in place when the machine's is too old; kept in step with scripts/ensure-node.sh. */
export const PINNED_NODE = '24.21.0';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCRIPTS = { start: 'scripts/start.ts', test: 'scripts/test.ts', bench: 'scripts/bench.ts' };

// Progress goes to stderr, so that `node-path` can answer on stdout.
function say(line) {
  process.stderr.write(`E-Akte Desktop: ${line}\n`);
}

function fail(line) {
  process.stderr.write(`E-Akte Desktop: ${line}\n`);
  process.exit(1);
}

/** `>=22.12` (the only form the engines field uses here) as [major, minor]. */
export function minimumNode(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range ?? '');
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [0, 0];
}

export function satisfies(version, [major, minor]) {
  const [a, b] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** The npm package that carries Node for this platform, and where its binary lies; null where there is none. */
export function nodePackageFor(platform, arch) {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[platform];
  const cpu = { x64: 'x64', arm64: 'arm64' }[arch];
  if (!os || !cpu) return null;
  const name = `node-${os}-${cpu}`;
  const binary = platform === 'win32' ? path.join('bin', 'node.exe') : path.join('bin', 'node');
  return { name, binary };
}

function npmCommand() {
  // Under `npm start` / `npm test`, npm names its own entry point; run it with the chosen Node.
  const cli = process.env.npm_execpath;
  if (cli && /\.(c?js|mjs)$/.test(cli) && existsSync(cli)) return { command: process.execPath, prefix: [cli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

function runNpm(args, env = process.env) {
  const { command, prefix } = npmCommand();
  return spawnSync(command, [...prefix, ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
    shell: process.platform === 'win32' && !prefix.length,
  });
}

function ensureNode(minimum) {
  if (satisfies(process.version, minimum)) return;
  const wanted = `${minimum[0]}.${minimum[1]}`;
  const pkg = nodePackageFor(process.platform, process.arch);
  if (!pkg)
    fail(
      `Node ${process.version} ist zu alt (nötig: ${wanted} oder neuer), und für ${process.platform}-${process.arch} gibt es kein Node-Paket; bitte installieren Sie Node ${PINNED_NODE} und starten Sie erneut.`,
    );
  const prefix = path.join(root, '.tools', 'node');
  const binary = path.join(prefix, 'node_modules', pkg.name, pkg.binary);
  const installedVersion = () =>
    existsSync(binary) ? spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() : '';
  if (satisfies(installedVersion() || 'v0.0', minimum)) {
    say(`Node ${process.version} ist älter als ${wanted}; weiter mit Node ${installedVersion()} aus .tools/node`);
  } else {
    say(`Node ${process.version} ist älter als ${wanted}; Node ${PINNED_NODE} wird nach .tools/node geholt …`);
    const result = runNpm([
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${pkg.name}@${PINNED_NODE}`,
    ]);
    if (result.status !== 0 || !satisfies(installedVersion() || 'v0.0', minimum))
      fail(
        `Node ${PINNED_NODE} ließ sich nicht holen; bitte installieren Sie Node ${PINNED_NODE} und starten Sie erneut.`,
      );
  }
  // Re-run this launcher under the new Node, with it first on PATH for everything it starts.
  const env = { ...process.env, PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}` };
  const again = spawnSync(binary, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  process.exit(again.status ?? 1);
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

/** True when node_modules was installed from the lock file as it is now. */
function dependenciesCurrent(stamp) {
  const modules = path.join(root, 'node_modules');
  if (!existsSync(modules)) return false;
  if (existsSync(stamp)) return readFileSync(stamp, 'utf8').trim() === fingerprint();
  // Installed by hand: current when npm's own record is newer than the lock file.
  const record = path.join(modules, '.package-lock.json');
  return existsSync(record) && statSync(record).mtimeMs >= statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function ensureDependencies() {
  const stamp = path.join(root, 'node_modules', '.e-akte-installed');
  if (dependenciesCurrent(stamp)) {
    if (!existsSync(stamp)) writeFileSync(stamp, `${fingerprint()}\n`);
    return;
  }
  say(
    existsSync(path.join(root, 'node_modules'))
      ? 'package-lock.json ist neuer als node_modules; npm install …'
      : 'node_modules fehlt; npm install …',
  );
  const result = runNpm(['install', '--no-audit', '--no-fund']);
  if (result.status !== 0)
    fail('npm install ist fehlgeschlagen (siehe oben); bitte beheben Sie die Ursache und starten Sie erneut.');
  writeFileSync(stamp, `${fingerprint()}\n`);
}

const [name, ...args] = process.argv.slice(2);
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const script = SCRIPTS[name];
  if (!script && name !== 'node-path')
    fail(`unbekanntes Ziel "${name ?? ''}"; möglich: ${[...Object.keys(SCRIPTS), 'node-path'].join(', ')}`);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  ensureNode(minimumNode(pkg.engines?.node));
  if (!script) {
    process.stdout.write(`${path.dirname(process.execPath)}\n`);
    process.exit(0);
  }
  ensureDependencies();
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? (result.signal ? 1 : 0));
}
