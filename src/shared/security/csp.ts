/**
 * The Content-Security-Policy of the renderer, the same in Electron (app:// protocol) and in
 * browser mode. It is sent with every response, not only with the pages: a dedicated worker takes
 * its policy from its own script's response, so a worker script served without one could connect
 * anywhere. Only the configured central service may be reached over the network, and the pdf.js
 * workers, which parse untrusted files, may not even reach that.
 *
 * No directive allows `blob:`: pdf.js starts its workers from their same-origin URLs (it wraps a
 * worker in a blob only when the script is cross-origin), page images travel as ImageBitmaps and
 * blobs that are decoded with createImageBitmap, never through a URL. `data:` stays for images
 * (pdf.js draws some patterns from data: SVGs) and fonts (pdf.js's fallback for embedded fonts).
 */

function policy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    // pdf.js decodes JPEG 2000, JBIG2 and colour profiles in WebAssembly; no JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of the pages and of the app's own workers (the sync worker holds the token). */
export function contentSecurityPolicy(serverOrigin: string): string {
  return policy([serverOrigin]);
}

/** The policy of the pdf.js workers (and ours that draws with pdf.js): no network beyond the app's own files. */
export function pdfWorkerContentSecurityPolicy(): string {
  return policy([]);
}

export type AppPolicies = { readonly app: string; readonly pdfWorker: string };

export function appPolicies(serverOrigin: string): AppPolicies {
  return { app: contentSecurityPolicy(serverOrigin), pdfWorker: pdfWorkerContentSecurityPolicy() };
}

/**
 * pdf.js's worker scripts as the renderer build names them (`assets/pdf.worker.min-<hash>.mjs`),
 * and the worker in which the sync worker has pdf.js draw first views of documents
 * (`assets/first-view-worker-<hash>.js`): it handles the same untrusted files.
 */
const PDF_WORKER_SCRIPT = /\/(pdf\.(worker|renderer)(\.min)?|first-view-worker)(-[\w-]+)?\.m?js$/;

/** The policy a response for `pathname` carries. */
export function policyFor(pathname: string, policies: AppPolicies): string {
  return PDF_WORKER_SCRIPT.test(pathname) ? policies.pdfWorker : policies.app;
}
