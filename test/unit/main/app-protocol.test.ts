/**
 * The app:// handler over a real folder: every kind of file the renderer build has answers with
 * the right type and the Content-Security-Policy, and nothing outside the folder is ever read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppRequest, serveAppRequest, type AssetReader } from '../../../src/main/app-protocol.ts';
import { appPolicies } from '../../../src/shared/security/csp.ts';

const policies = appPolicies('https://akte.jobcenter.example');
let base: string;
let root: string;
const reads: string[] = [];

const read: AssetReader = async (filePath) => {
  reads.push(filePath);
  if (!(await stat(filePath)).isFile()) return null;
  return new Uint8Array(await readFile(filePath));
};

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'eakte-protocol-'));
  root = path.join(base, 'renderer');
  const files: Record<string, string> = {
    'workspace.html': '<!doctype html>',
    'assets/workspace-1.js': 'export {}',
    'assets/worker-DLAouoDu.js': 'self.onmessage = null',
    'assets/pdf.worker.min-CIqJB0yW.mjs': 'export {}',
    'assets/pdf.renderer.min-BblVeTCm.mjs': 'export {}',
    'assets/first-view-worker-Bq3xk1Zp.js': 'export {}',
    'assets/app-1.css': 'body{}',
    'pdfjs/wasm/openjpeg.wasm': '\0asm',
    'pdfjs/standard_fonts/FoxitSans.pfb': 'font',
    'fonts/a.woff2': 'wOF2',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  writeFileSync(path.join(base, 'secret.txt'), 'Müller, 12345BG0012345');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('answers every kind of renderer file with its type and the CSP', async () => {
    const cases: [string, string][] = [
      ['app://e-akte/workspace.html', 'text/html; charset=utf-8'],
      ['app://e-akte/', 'text/html; charset=utf-8'],
      ['app://e-akte/assets/workspace-1.js?v=1', 'text/javascript; charset=utf-8'],
      ['app://e-akte/assets/worker-DLAouoDu.js', 'text/javascript; charset=utf-8'],
      ['app://e-akte/assets/app-1.css', 'text/css; charset=utf-8'],
      ['app://e-akte/pdfjs/wasm/openjpeg.wasm', 'application/wasm'],
      ['app://e-akte/pdfjs/standard_fonts/FoxitSans.pfb', 'application/octet-stream'],
      ['app://e-akte/fonts/a.woff2', 'font/woff2'],
    ];
    for (const [url, type] of cases) {
      const response = await serveAppRequest(url, root, policies, read);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(policies.app);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    const html = await serveAppRequest('app://e-akte/workspace.html', root, policies, read);
    expect(await html.text()).toBe('<!doctype html>');
  });

  it('lets the sync worker reach the central service, and the pdf.js workers nothing but the app', async () => {
    const sync = await serveAppRequest('app://e-akte/assets/worker-DLAouoDu.js', root, policies, read);
    expect(sync.headers.get('content-security-policy')).toContain("connect-src 'self' https://akte.jobcenter.example;");
    for (const name of [
      'pdf.worker.min-CIqJB0yW.mjs',
      'pdf.renderer.min-BblVeTCm.mjs',
      'first-view-worker-Bq3xk1Zp.js',
    ]) {
      const worker = await serveAppRequest(`app://e-akte/assets/${name}`, root, policies, read);
      const csp = worker.headers.get('content-security-policy') ?? '';
      expect(csp, name).toContain("connect-src 'self';");
      expect(csp, name).not.toContain('jobcenter');
    }
  });

  it('allows blob: nowhere and keeps eval out', () => {
    for (const csp of [policies.app, policies.pdfWorker]) {
      expect(csp).not.toContain('blob:');
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("worker-src 'self';");
      expect(csp).toContain("object-src 'none'");
    }
  });

  it('refuses paths outside the folder in every encoding, without reading them', async () => {
    // The URL parser folds plain dot segments back into the folder before the handler sees them.
    expect(resolveAppRequest('app://e-akte/../../etc/passwd', root, policies)).toMatchObject({
      kind: 'file',
      filePath: path.join(root, 'etc', 'passwd'),
    });
    // So do encoded dots as a whole segment: still inside the folder.
    expect(resolveAppRequest('app://e-akte/%2e%2e/secret.txt', root, policies)).toMatchObject({
      filePath: path.join(root, 'secret.txt'),
    });
    reads.length = 0;
    for (const url of [
      'app://e-akte/..%2fsecret.txt',
      'app://e-akte/..%2Fsecret.txt',
      'app://e-akte/%2e%2e%2fsecret.txt',
      'app://e-akte/assets/..%2F..%2Fsecret.txt',
      'app://e-akte/..%5csecret.txt',
      'app://e-akte/assets%5c..%5c..%5csecret.txt',
      'app://e-akte/workspace.html%00.js',
      'app://e-akte/%E0%A4%A',
      'app://other/workspace.html',
      'app://e-akte.evil/workspace.html',
    ]) {
      const response = await serveAppRequest(url, root, policies, read);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(policies.app);
      expect(await response.text(), url).not.toContain('Müller');
    }
    expect(reads).toEqual([]);
    // Double encoding stays a (missing) file name inside the folder.
    const double = resolveAppRequest('app://e-akte/%252e%252e%252fsecret.txt', root, policies);
    expect(double.kind === 'file' && double.filePath.startsWith(root + path.sep)).toBe(true);
    expect(readFileSync(path.join(base, 'secret.txt'), 'utf8')).toContain('Müller');
  });

  it('answers a missing file or a folder with 404 and the CSP', async () => {
    for (const url of ['app://e-akte/missing.js', 'app://e-akte/assets']) {
      const response = await serveAppRequest(url, root, policies, read);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(policies.app);
    }
  });
});
