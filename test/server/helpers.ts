/** Starts the reference server in-process on a random loopback port with a small demo district. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ServerHandle } from '../../server/create-server.ts';
import type { ServerOptions } from '../../server/options.ts';

export const SMALL_DEMO = { seed: 7, cases: 8, maxPages: 4, rasterPool: 3, pageWidthPx: 180 } as const;

export type TestServer = {
  readonly handle: ServerHandle;
  readonly url: string;
  readonly dataDir: string;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  login(username?: string, password?: string): Promise<string>;
  admin(path: string, method?: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
  restart(): Promise<TestServer>;
};

export async function startTestServer(options: Partial<ServerOptions> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'e-akte-server-'));
  const handle = await createServer({
    dataDir: dir,
    host: '127.0.0.1',
    port: 0,
    admin: true,
    demo: SMALL_DEMO,
    logLevel: 'silent',
    ...options,
  });
  const server: TestServer = {
    handle,
    url: handle.url,
    dataDir: dir,
    async api(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${handle.url}/api/v1${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    async login(username = 'demo', password = 'demo') {
      const response = await server.api('/auth/login', { method: 'POST', json: { username, password } });
      if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    async admin(path, method = 'POST', body) {
      return fetch(`${handle.url}/admin${path}`, {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
    },
    async stop() {
      await handle.close();
    },
    async restart() {
      await handle.close();
      return startTestServer(options, dir);
    },
  };
  return server;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Reads the whole feed from `cursor` on, page by page. */
export async function readFeed(server: TestServer, token: string, cursor?: string, limit = 1000) {
  const changes: Record<string, unknown>[] = [];
  let next = cursor;
  for (let guard = 0; guard < 10_000; guard++) {
    const query = new URLSearchParams({ limit: String(limit), ...(next ? { cursor: next } : {}) });
    const response = await server.api(`/changes?${query}`, { token });
    if (response.status !== 200) throw new Error(`feed ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { changes: Record<string, unknown>[]; cursor: string; hasMore: boolean };
    changes.push(...page.changes);
    next = page.cursor;
    if (!page.hasMore) return { changes, cursor: next };
  }
  throw new Error('feed did not end');
}

export async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type}: ${text}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  if (body['status'] !== status || typeof body['title'] !== 'string' || typeof body['type'] !== 'string') {
    throw new Error(`not a problem document: ${text}`);
  }
  return body;
}

/**
 * A server with the demo user signed in, for the tests of one file: started before them, stopped
 * and removed after them. `ready` receives the server and the token.
 */
export function useSignedInServer(
  ready: (server: TestServer, token: string) => void,
  options: Partial<ServerOptions> = {},
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    ready(server, await server.login());
  });
  afterAll(async () => {
    if (!server) return;
    await server.stop();
    removeDir(server.dataDir);
  });
}
