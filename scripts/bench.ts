/**
 * `npm run bench -- <name> [options]` runs bench/<name>.ts with the options (see bench-args.ts);
 * `npm run bench` runs them all. Each benchmark
 * prints one JSON object per line: {bench, metric, value, unit} plus baseline and ratio where it
 * compares against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './bench-args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { names, options } = benchArgs(process.argv.slice(2));
const all = readdirSync(`${root}/bench`)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));
const chosen = names.length ? names : all;
let failed = false;
for (const name of chosen) {
  const file = `${root}/bench/${name}.ts`;
  if (!existsSync(file)) {
    console.error(`Unbekannter Benchmark "${name}". Vorhanden: ${all.join(', ')}`);
    process.exit(2);
  }
  const result = spawnSync(process.execPath, ['--expose-gc', file, ...options], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
