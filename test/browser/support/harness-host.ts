/**
 * Builds the viewer harness (the real viewer window's code plus a small driver page) and serves
 * it on loopback with the product's Content-Security-Policy, together with PDF files to open.
 */
import { existsSync, createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { cpSync } from 'node:fs';
import { appPolicies } from '../../../src/shared/security/csp.ts';
import { rendererResponseHeaders } from '../../../src/shared/security/response-headers.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const HARNESS_DIR = path.join(root, '.test-output', 'viewer-harness');

export async function buildHarness(): Promise<void> {
  await build({
    root: fileURLToPath(new URL('./harness', import.meta.url)),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify('harness') },
    build: {
      outDir: HARNESS_DIR,
      emptyOutDir: true,
      target: 'chrome140',
      sourcemap: false,
      chunkSizeWarningLimit: 4000,
    },
  });
  for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
    cpSync(path.join(root, 'node_modules', 'pdfjs-dist', dir), path.join(HARNESS_DIR, 'pdfjs', dir), {
      recursive: true,
    });
  }
}

export type HarnessHost = { url: string; close(): Promise<void> };

/**
 * Serves the built harness at `/` (or another built page: `dir`), and `files` (url path → bytes
 * or file path) beside it.
 */
export async function startHarnessHost(
  files: (pathname: string) => string | Uint8Array | null,
  dir: string = HARNESS_DIR,
): Promise<HarnessHost> {
  const policies = appPolicies('http://127.0.0.1');
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.wasm': 'application/wasm',
    '.ttf': 'font/ttf',
  };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://h').pathname);
    const extra = pathname.startsWith('/files/') ? files(pathname.slice('/files/'.length)) : null;
    if (extra) {
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      if (typeof extra === 'string') createReadStream(extra).pipe(res);
      else res.end(extra);
      return;
    }
    const file = path.resolve(dir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    // The product's headers on every file, so the pdf.js workers run under their own policy here too.
    res.writeHead(200, rendererResponseHeaders(pathname, type, policies));
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
