/**
 * Resolves requests to app://e-akte/ onto the built renderer folder. Pure: the Electron adapter
 * reads the file and answers with the headers given here. Anything outside the folder is refused.
 */
import path from 'node:path';
import { APP_HOST } from '../shared/security/app-origin.ts';
import { RENDERER_MIME_TYPES } from '../shared/util/mime.ts';

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
  const mime = RENDERER_MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  if (mime.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
  return { filePath, headers };
}
