/**
 * Resolves requests to app://e-akte/ onto the built renderer folder. Pure: the Electron adapter
 * reads the file and answers with the status and headers given here. Anything outside the folder
 * is refused, also in encoded forms (`%2e%2e%2f`, `%5c`, `%00`). Every answer, a refusal too,
 * carries the Content-Security-Policy.
 */
import path from 'node:path';
import type { AppPolicies } from '../shared/security/csp.ts';
import { APP_HOST } from '../shared/security/app-origin.ts';
import { rendererResponseHeaders } from '../shared/security/response-headers.ts';
import { RENDERER_MIME_TYPES } from '../shared/util/mime.ts';

export type AppResponsePlan =
  | { readonly kind: 'file'; readonly filePath: string; readonly headers: Record<string, string> }
  | { readonly kind: 'not-found'; readonly headers: Record<string, string> };

function notFound(pathname: string, policies: AppPolicies): AppResponsePlan {
  return { kind: 'not-found', headers: rendererResponseHeaders(pathname, 'text/plain; charset=utf-8', policies) };
}

export function resolveAppRequest(requestUrl: string, rootDir: string, policies: AppPolicies): AppResponsePlan {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound('/', policies);
  }
  if (url.host !== APP_HOST) return notFound('/', policies);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return notFound('/', policies);
  }
  // A backslash is a separator on Windows; a NUL ends the name for the file system.
  if (pathname.includes('\0') || pathname.includes('\\')) return notFound('/', policies);
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${pathname === '/' ? '/workspace.html' : pathname}`);
  if (!filePath.startsWith(root + path.sep)) return notFound('/', policies);
  const mime = RENDERER_MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', filePath, headers: rendererResponseHeaders(pathname, mime, policies) };
}

/** Reads a file of the renderer folder; null when there is none (or it is not a file). */
export type AssetReader = (filePath: string) => Promise<ResponseBody | null>;
type ResponseBody = NonNullable<ConstructorParameters<typeof Response>[0]>;

/** The whole app:// handler: plan, read, answer. The adapter passes Electron's request URL. */
export async function serveAppRequest(
  requestUrl: string,
  rootDir: string,
  policies: AppPolicies,
  read: AssetReader,
): Promise<Response> {
  const plan = resolveAppRequest(requestUrl, rootDir, policies);
  if (plan.kind === 'file') {
    const body = await read(plan.filePath).catch(() => null);
    if (body !== null) return new Response(body, { status: 200, headers: plan.headers });
  }
  const headers = plan.kind === 'file' ? notFound(new URL(requestUrl).pathname, policies).headers : plan.headers;
  return new Response('Not found', { status: 404, headers });
}
