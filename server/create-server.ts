/**
 * The reference central service as a value: `createServer(options)` opens (and if asked, seeds)
 * the data folder, listens, and returns a handle. Tests start it in-process on port 0; the CLI
 * wraps it for developers.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { de } from 'zod/v4/locales';
import { MAX_JSON_BODY_BYTES } from '../src/shared/api/limits.ts';
import type { ServerContext } from './context.ts';
import { seedDistrict, type SeedReport } from './demo/seed-district.ts';
import { installCors } from './http/cors.ts';
import { installErrorHandling } from './http/errors.ts';
import { FaultInjector } from './http/faults.ts';
import { LoginThrottle } from './http/login-throttle.ts';
import { LetterDispatcher } from './letters/dispatcher.ts';
import { createLogger } from './logger.ts';
import { assertAdminOnLoopback } from './loopback.ts';
import { resolveOptions, type ServerOptions } from './options.ts';
import compress from '@fastify/compress';
import { installNoStore } from './http/no-store.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerChangeRoutes } from './routes/changes.ts';
import { registerContentRoutes } from './routes/content.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerLetterRoutes } from './routes/letters.ts';
import { registerMutationRoutes } from './routes/mutations.ts';
import { registerUpdateRoutes } from './routes/updates.ts';
import { AssignmentStore } from './store/assignments.ts';
import { BlobStore } from './store/blobs.ts';
import { CaseActivityLog } from './store/case-activity.ts';
import { ClarificationQueue } from './store/clarifications.ts';
import { CursorStore } from './store/cursors.ts';
import { openDatabase } from './store/database.ts';
import { EntityStore } from './store/entities.ts';
import { IdempotencyLog } from './store/idempotency.ts';
import { OriginalRequestLog } from './store/original-requests.ts';
import { UserStore } from './store/users.ts';
import { productVersion } from './version.ts';

export type ServerHandle = {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** What seeding did, when this start seeded an empty folder. */
  readonly seeded: SeedReport | undefined;
  readonly context: ServerContext;
  readonly app: FastifyInstance;
  close(): Promise<void>;
};

// Field messages in problem+json are German, like every other sentence a case worker may see.
z.config(de());

export async function createServer(input: ServerOptions): Promise<ServerHandle> {
  const options = resolveOptions(input);
  // Before anything is opened: a refused start leaves no trace in the data folder.
  assertAdminOnLoopback(options.admin, options.host);
  const log = createLogger(options.logLevel);
  const db = openDatabase(options.dataDir);
  const entities = new EntityStore(db);
  const ctx: ServerContext = {
    options,
    version: productVersion(),
    db,
    entities,
    users: new UserStore(db),
    assignments: new AssignmentStore(db),
    cursors: new CursorStore(db),
    idempotency: new IdempotencyLog(db),
    activity: new CaseActivityLog(db),
    originals: new OriginalRequestLog(db),
    clarifications: new ClarificationQueue(db),
    blobs: new BlobStore(options.dataDir),
    faults: new FaultInjector(),
    throttle: new LoginThrottle({
      maxFailuresPerUser: options.loginMaxFailures,
      maxFailuresPerAddress: options.loginMaxFailuresPerAddress,
      windowMs: 15 * 60_000,
      lockoutMs: options.loginLockoutMs,
      maxLockoutMs: Math.max(options.loginLockoutMs, options.loginMaxLockoutMs),
      forgetAfterMs: 24 * 3600_000,
    }),
    letters: new LetterDispatcher(
      db,
      entities,
      { printMs: options.letterPrintDelayMs, dispatchMs: options.letterDispatchDelayMs },
      options.clock,
      log.child('letters'),
    ),
    log,
    now: options.clock,
  };

  let seeded: SeedReport | undefined;
  if (options.demo && ctx.users.count() === 0) {
    seeded = await seedDistrict(ctx, options.demo, ctx.now(), options.onSeedProgress);
    log.info('demo district seeded', { ...seeded });
  }

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_JSON_BODY_BYTES,
    routerOptions: { maxParamLength: 200 },
    forceCloseConnections: true,
    // `request.ip` is the client behind the listed proxies, or the socket's peer when none is listed.
    trustProxy: options.trustProxy.length > 0 ? [...options.trustProxy] : false,
  });
  // JSON endpoints take JSON only; a text/plain body is refused (415) rather than read as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app, log.child('http'));
  installCors(app, options.extraOrigins);
  installNoStore(app);
  // JSON shrinks several times over gzip, which counts on a 16 Mbit/s branch-office line; it is
  // registered before the fault injector so that throttling applies to the compressed bytes.
  // Compressed request bodies are not accepted (no decompression bombs).
  await app.register(compress, { global: true, globalDecompression: false, encodings: ['gzip'], threshold: 1024 });
  if (options.admin) ctx.faults.install(app);
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: options.maxLetterPdfBytes, files: 1, fields: 2, parts: 3 },
  });
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerChangeRoutes(app, ctx);
  registerContentRoutes(app, ctx);
  registerMutationRoutes(app, ctx);
  registerLetterRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  if (options.admin) registerAdminRoutes(app, ctx);
  if (options.updatesDir) registerUpdateRoutes(app, options.updatesDir);

  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    db.close();
    throw error;
  }
  ctx.letters.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    seeded,
    context: ctx,
    app,
    async close() {
      if (closed) return;
      closed = true;
      ctx.letters.stop();
      await app.close();
      db.close();
    },
  };
}
