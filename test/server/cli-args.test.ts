import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../server/cli-args.ts';

describe('server command line', () => {
  it('parses the documented flags', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--data',
      '/tmp/x',
      '--demo',
      '--admin',
      '--seed',
      '5',
      '--cases',
      '20',
      '--max-pages',
      '30',
      '--origin',
      'https://a.example',
      '--origin',
      'https://b.example',
      '--log-level',
      'warn',
    ]);
    expect(parsed).toEqual({
      help: false,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- asymmetric matcher
      options: expect.objectContaining({
        port: 0,
        dataDir: '/tmp/x',
        admin: true,
        demo: { seed: 5, cases: 20, maxPages: 30 },
        extraOrigins: ['https://a.example', 'https://b.example'],
        logLevel: 'warn',
      }),
    });
  });

  it('defaults to loopback port 8787 without demo or admin', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- asymmetric matcher
      options: expect.objectContaining({
        host: '127.0.0.1',
        port: 8787,
        demo: false,
        admin: false,
        dataDir: '.data/server',
      }),
    });
  });

  it('takes the reverse proxies to trust, and refuses anything that is not an address or range', () => {
    const parsed = parseCliArgs([
      '--trust-proxy',
      '10.0.0.5',
      '--trust-proxy',
      '2001:db8::/64',
      '--trust-proxy',
      'loopback',
    ]);
    expect(parsed.help === false && parsed.options.trustProxy).toEqual(['10.0.0.5', '2001:db8::/64', 'loopback']);
    expect(() => parseCliArgs(['--trust-proxy', 'proxy.example'])).toThrow(UsageError);
  });

  it('refuses unknown flags and bad numbers', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseCliArgs(['--port', '99999'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--cases', 'viele'])).toThrow(UsageError);
  });
});
