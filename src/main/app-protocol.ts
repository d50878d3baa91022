/**
 * Resolves requests to app://e-akte/ onto the built renderer folder. Pure: the Electron adapter
 * reads the file and answers with the headers given here. Anything outside the folder is refused.
 */
import path from 'node:path';
import { APP_HOST } from '../shared/security/app-origin.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

export type ResolvedAsset = { filePath: string; headers: Record<string, string> };

export function resolveAppRequest(requestUrl: string, rootDir: string, csp: string): ResolvedAsset | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${pathname === '/' ? '/workspace.html' : pathname}`);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  const mime = MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  if (mime.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
  return { filePath, headers };
}
