/**
 * Browser mode: serves the built renderer on loopback with the same headers as the app:// protocol
 * (the Content-Security-Policy on every response, workers included), plus `browser-config.json` naming the central service. Used by
 * `npm run start:browser`, the end-to-end tests and the benchmarks.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appPolicies } from '../src/shared/security/csp.ts';
import { rendererResponseHeaders } from '../src/shared/security/response-headers.ts';
import { RENDERER_MIME_TYPES } from '../src/shared/util/mime.ts';

export type BrowserHost = { url: string; close(): Promise<void> };

export async function startBrowserHost(options: {
  rendererDir: string;
  serverUrl: string;
  port?: number;
  host?: string;
  /**
   * Further files on the same origin (URL path → file), for benchmarks and tests that need a page
   * of their own beside the app's windows (same IndexedDB, same BroadcastChannels). Never in npm start.
   */
  extraFiles?: Readonly<Record<string, string>>;
}): Promise<BrowserHost> {
  const root = path.resolve(options.rendererDir);
  if (!existsSync(path.join(root, 'workspace.html'))) {
    throw new Error(`Im Ordner ${root} liegt kein gebauter Renderer. Bitte zuerst "npm run build" ausführen.`);
  }
  const policies = appPolicies(new URL(options.serverUrl).origin);
  const config = JSON.stringify({ serverUrl: options.serverUrl });

  const server: Server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    } catch {
      pathname = '/\0';
    }
    if (pathname === '/browser-config.json') {
      res
        .writeHead(200, {
          ...rendererResponseHeaders(pathname, 'application/json', policies),
          'Cache-Control': 'no-store',
        })
        .end(config);
      return;
    }
    const extra = options.extraFiles?.[pathname];
    const filePath = extra ?? path.resolve(root, `.${pathname === '/' ? '/workspace.html' : pathname}`);
    if (
      !extra &&
      (pathname.includes('\0') ||
        !filePath.startsWith(root + path.sep) ||
        !existsSync(filePath) ||
        !statSync(filePath).isFile())
    ) {
      res
        .writeHead(404, rendererResponseHeaders(pathname, 'text/plain; charset=utf-8', policies))
        .end('Nicht gefunden');
      return;
    }
    const type = RENDERER_MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, rendererResponseHeaders(pathname, type, policies));
    createReadStream(filePath).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
