/** Command-line flags of `npm run server`, parsed into `ServerOptions`. */
import { parseArgs } from 'node:util';
import type { LogLevel } from './logger.ts';
import type { ServerOptions } from './options.ts';

export const USAGE = `E-Akte reference central service

  npm run server -- [flags]

  --port N              port (default 8787; 0 = any free port)
  --host H              address to bind (default 127.0.0.1)
  --data DIR            data folder (default .data/server)
  --demo                seed the demo district into an empty data folder
  --seed N              demo seed (default 1)
  --cases N             demo cases of user "demo" (default 150)
  --max-pages N         longest demo document in pages (default 300)
  --raster-pool N       distinct scanned page images (default 24)
  --page-width N        page raster width in pixels (default 850)
  --admin               enable /admin/* (fault injection, assignments, inbox, state);
                        only with a loopback --host (127.0.0.0/8, ::1, localhost)
  --trust-proxy A       trust X-Forwarded-For from the reverse proxy at address or
                        CIDR range A (repeatable); sign-in throttling then counts the
                        real client address
  --updates DIR         serve DIR at /updates/ (electron-updater generic feed)
  --origin O            allow an extra CORS origin (repeatable)
  --print-delay-ms N    letter accepted → printed after N ms (default 30000)
  --dispatch-delay-ms N letter printed → dispatched after N ms (default 60000)
  --log-level L         debug | info | warn | error | silent (default info)
  --help                this text
`;

export class UsageError extends Error {
  readonly code = 'USAGE';
}

function int(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer between ${min} and ${max}`);
  return n;
}

const PROXY = /^[0-9a-fA-F.:]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/;

function proxyAddress(value: string): string {
  if (!PROXY.test(value))
    throw new UsageError('--trust-proxy takes an IP address, a CIDR range, or loopback, linklocal, uniquelocal');
  return value;
}

export function parseCliArgs(argv: readonly string[]): { help: true } | { help: false; options: ServerOptions } {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      demo: { type: 'boolean' },
      seed: { type: 'string' },
      cases: { type: 'string' },
      'max-pages': { type: 'string' },
      'raster-pool': { type: 'string' },
      'page-width': { type: 'string' },
      admin: { type: 'boolean' },
      updates: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'trust-proxy': { type: 'string', multiple: true },
      'print-delay-ms': { type: 'string' },
      'dispatch-delay-ms': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const level = values['log-level'] ?? 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level))
    throw new UsageError('--log-level must be debug, info, warn, error or silent');
  const demo = {
    ...(values.seed !== undefined ? { seed: int(values.seed, 'seed', 0, 2 ** 31) } : {}),
    ...(values.cases !== undefined ? { cases: int(values.cases, 'cases', 1, 100_000) } : {}),
    ...(values['max-pages'] !== undefined ? { maxPages: int(values['max-pages'], 'max-pages', 1, 5000) } : {}),
    ...(values['raster-pool'] !== undefined ? { rasterPool: int(values['raster-pool'], 'raster-pool', 1, 500) } : {}),
    ...(values['page-width'] !== undefined ? { pageWidthPx: int(values['page-width'], 'page-width', 100, 2500) } : {}),
  };
  const options: ServerOptions = {
    dataDir: values.data ?? '.data/server',
    host: values.host ?? '127.0.0.1',
    port: int(values.port, 'port', 0, 65535) ?? 8787,
    admin: values.admin ?? false,
    demo: values.demo ? demo : false,
    ...(values.updates !== undefined ? { updatesDir: values.updates } : {}),
    extraOrigins: values.origin ?? [],
    ...(values['trust-proxy'] !== undefined ? { trustProxy: values['trust-proxy'].map(proxyAddress) } : {}),
    ...(values['print-delay-ms'] !== undefined
      ? { letterPrintDelayMs: int(values['print-delay-ms'], 'print-delay-ms', 0, 86_400_000) }
      : {}),
    ...(values['dispatch-delay-ms'] !== undefined
      ? { letterDispatchDelayMs: int(values['dispatch-delay-ms'], 'dispatch-delay-ms', 0, 86_400_000) }
      : {}),
    logLevel: level as LogLevel,
  };
  return { help: false, options };
}
