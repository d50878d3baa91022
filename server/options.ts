/** Options of `createServer`, with the defaults a developer gets from `npm run server`. */
import type { SeedProgress } from './demo/seed-district.ts';
import type { LogLevel } from './logger.ts';

export type DemoOptions = {
  /**
   * Seed of everything generated; the same seed gives the same district, byte for byte, when
   * seeded on the same day (the newest mail is dated from the day of seeding).
   */
  readonly seed: number;
  /** Cases owned by `demo`. */
  readonly cases: number;
  /** Longest document, in pages. */
  readonly maxPages: number;
  /** Distinct page rasters encoded once and reused across documents. */
  readonly rasterPool: number;
  /** Page raster width in pixels (A4 proportions); smaller is faster, for tests. */
  readonly pageWidthPx: number;
};

export const DEFAULT_DEMO: DemoOptions = { seed: 1, cases: 150, maxPages: 300, rasterPool: 24, pageWidthPx: 850 };

export type ServerOptions = {
  readonly dataDir: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Adds `/admin/*` (fault injection, assignments, inbox, state). Never in production. */
  readonly admin?: boolean;
  /** Seeds the demo district when the data folder is empty. */
  readonly demo?: Partial<DemoOptions> | false;
  /** Folder served at `/updates/` as the electron-updater generic feed. */
  readonly updatesDir?: string;
  /** Origins allowed in addition to `app://e-akte` and loopback http origins. */
  readonly extraOrigins?: readonly string[];
  readonly tokenTtlMs?: number;
  readonly letterPrintDelayMs?: number;
  readonly letterDispatchDelayMs?: number;
  /** Failed sign-ins of one username (from any address) within 15 minutes that lock it. */
  readonly loginMaxFailures?: number;
  /** Failed sign-ins from one client address (for any usernames) within 15 minutes that lock it. */
  readonly loginMaxFailuresPerAddress?: number;
  /** The first lockout; each further lockout of the same username or address lasts twice as long. */
  readonly loginLockoutMs?: number;
  /** The ceiling of the growing lockouts. */
  readonly loginMaxLockoutMs?: number;
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose `X-Forwarded-For` names the real client.
   * Without it every client behind a proxy would share the proxy's address, and sign-in throttling
   * per address would lock them all out together. Empty: the socket's address counts.
   */
  readonly trustProxy?: readonly string[];
  readonly maxLetterPdfBytes?: number;
  /** Milliseconds since the epoch; injectable so that tests can let substitutions expire. */
  readonly clock?: () => number;
  readonly logLevel?: LogLevel;
  /** Told after each case while the demo district is generated. */
  readonly onSeedProgress?: (progress: SeedProgress) => void;
};

export type ResolvedOptions = Required<Omit<ServerOptions, 'demo' | 'updatesDir'>> & {
  readonly demo: DemoOptions | false;
  readonly updatesDir: string | undefined;
};

export function resolveOptions(options: ServerOptions): ResolvedOptions {
  return {
    dataDir: options.dataDir,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8787,
    admin: options.admin ?? false,
    demo: options.demo ? { ...DEFAULT_DEMO, ...options.demo } : false,
    updatesDir: options.updatesDir,
    extraOrigins: options.extraOrigins ?? [],
    tokenTtlMs: options.tokenTtlMs ?? 12 * 3600 * 1000,
    letterPrintDelayMs: options.letterPrintDelayMs ?? 30_000,
    letterDispatchDelayMs: options.letterDispatchDelayMs ?? 60_000,
    loginMaxFailures: options.loginMaxFailures ?? 5,
    loginMaxFailuresPerAddress: options.loginMaxFailuresPerAddress ?? 20,
    loginLockoutMs: options.loginLockoutMs ?? 60_000,
    loginMaxLockoutMs: options.loginMaxLockoutMs ?? 30 * 60_000,
    trustProxy: options.trustProxy ?? [],
    maxLetterPdfBytes: options.maxLetterPdfBytes ?? 20 * 1_048_576,
    clock: options.clock ?? Date.now,
    logLevel: options.logLevel ?? 'info',
    onSeedProgress: options.onSeedProgress ?? (() => undefined),
  };
}
