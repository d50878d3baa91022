/**
 * The Content-Security-Policy of the renderer pages, the same in Electron (app:// protocol) and in
 * browser mode. Only the configured central service may be reached over the network.
 */
export function contentSecurityPolicy(serverOrigin: string): string {
  return [
    "default-src 'self'",
    // pdf.js decodes JPEG 2000 and colour profiles in WebAssembly; no JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${serverOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
