/** `/admin/*` is unauthenticated: a server with it refuses to listen anywhere but on loopback. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../server/create-server.ts';
import { AdminNotOnLoopbackError, isLoopbackHost } from '../../server/loopback.ts';
import { removeDir, startTestServer } from './helpers.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('admin endpoints only on loopback', () => {
  it('refuses to start with admin on 0.0.0.0 or ::, before touching the data folder', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'e-akte-admin-')), 'data');
      try {
        const started = createServer({ dataDir, host, port: 0, admin: true, logLevel: 'silent' });
        await expect(started).rejects.toBeInstanceOf(AdminNotOnLoopbackError);
        await expect(started).rejects.toThrow(/loopback/);
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        removeDir(join(dataDir, '..'));
      }
    }
  });

  it('starts with admin on loopback', async () => {
    const server = await startTestServer({ demo: false, host: '127.0.0.1', admin: true });
    try {
      expect((await server.admin('/state', 'GET')).status).toBe(200);
    } finally {
      await server.stop();
      removeDir(server.dataDir);
    }
  });

  it('tells loopback addresses from others', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', 'fe80::1', 'e-akte.example', '128.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('makes the command line exit non-zero with a sentence saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e-akte-admin-cli-'));
    try {
      const child = spawn(
        process.execPath,
        ['server/cli.ts', '--admin', '--host', '0.0.0.0', '--port', '0', '--data', join(dir, 'data')],
        { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toMatch(/--admin is only allowed on a loopback address .* not on "0\.0\.0\.0"/);
      expect(stdout).not.toContain('listening');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });
});
