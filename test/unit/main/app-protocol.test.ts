import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../src/main/app-protocol.ts';

const root = path.resolve('/opt/e-akte/renderer');

describe('app:// protocol', () => {
  it('serves files of the renderer folder, HTML with the CSP', () => {
    const html = resolveAppRequest('app://e-akte/workspace.html', root, "default-src 'self'");
    expect(html?.filePath).toBe(path.join(root, 'workspace.html'));
    expect(html?.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'self'",
    });
    const js = resolveAppRequest('app://e-akte/assets/a.js?x=1', root, 'csp');
    expect(js?.filePath).toBe(path.join(root, 'assets', 'a.js'));
    expect(js?.headers['Content-Security-Policy']).toBeUndefined();
    expect(resolveAppRequest('app://e-akte/', root, 'csp')?.filePath).toBe(path.join(root, 'workspace.html'));
  });

  it('refuses anything outside the folder or another host', () => {
    // The URL parser already folds plain dot segments back into the folder.
    expect(resolveAppRequest('app://e-akte/../../etc/passwd', root, 'csp')?.filePath).toBe(
      path.join(root, 'etc', 'passwd'),
    );
    for (const url of [
      'app://e-akte/..%2f..%2fetc%2fpasswd',
      'app://e-akte/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://e-akte/a%00.html',
      'app://other/workspace.html',
      'not a url',
    ]) {
      expect(resolveAppRequest(url, root, 'csp'), url).toBeNull();
    }
  });
});
