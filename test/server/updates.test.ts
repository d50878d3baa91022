import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, removeDir, startTestServer, type TestServer } from './helpers.ts';

describe('update feed', () => {
  let server: TestServer;
  const folder = mkdtempSync(join(tmpdir(), 'e-akte-updates-'));
  beforeAll(async () => {
    writeFileSync(join(folder, 'latest.yml'), 'version: 0.2.0\npath: E-Akte-Setup-0.2.0.exe\n');
    mkdirSync(join(folder, 'beta'));
    writeFileSync(join(folder, 'beta', 'beta.yml'), 'version: 0.3.0-beta.1\n');
    writeFileSync(join(folder, 'E-Akte-Setup-0.2.0.exe'), Buffer.alloc(1000, 7));
    server = await startTestServer({ updatesDir: folder, demo: false, admin: false });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
    removeDir(folder);
  });

  it('serves the channel file and installers, with ranges', async () => {
    const yml = await fetch(`${server.url}/updates/latest.yml`);
    expect(yml.headers.get('content-type')).toMatch(/yaml/);
    expect(await yml.text()).toContain('version: 0.2.0');
    expect(await (await fetch(`${server.url}/updates/beta/beta.yml`)).text()).toContain('0.3.0-beta.1');
    const part = await fetch(`${server.url}/updates/E-Akte-Setup-0.2.0.exe`, { headers: { range: 'bytes=990-' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });

  it('answers 404 for missing files, folders and anything outside the folder', async () => {
    await expectProblem(await fetch(`${server.url}/updates/missing.yml`), 404);
    await expectProblem(await fetch(`${server.url}/updates/beta`), 404);
    await expectProblem(await fetch(`${server.url}/updates/..%2F..%2Fetc%2Fpasswd`), 404);
    await expectProblem(await fetch(`${server.url}/updates/%2e%2e/%2e%2e/etc/passwd`), 404);
  });

  it('has no admin endpoints when started without --admin', async () => {
    await expectProblem(await fetch(`${server.url}/admin/state`), 404);
  });
});
