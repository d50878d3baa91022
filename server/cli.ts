/**
 * `npm run server -- …`: starts the reference central service, prints its URL (and the demo
 * credentials) on stdout, and stops cleanly on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE, UsageError } from './cli-args.ts';
import { seedProgressPrinter } from './cli-progress.ts';
import { createServer } from './create-server.ts';
import { districtSummary } from './demo/district-summary.ts';
import { DEMO_USERS } from './demo/seed-district.ts';
import { createLogger } from './logger.ts';
import { AdminNotOnLoopbackError } from './loopback.ts';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const log = createLogger(parsed.options.logLevel ?? 'info', 'cli');
  let server;
  try {
    server = await createServer({ ...parsed.options, onSeedProgress: seedProgressPrinter(process.stdout) });
  } catch (error) {
    if (!(error instanceof AdminNotOnLoopbackError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const lines = [
    `E-Akte reference service listening at ${server.url}`,
    `  API:     ${server.url}/api/v1  (OpenAPI: ${server.url}/api/v1/openapi.json)`,
  ];
  if (parsed.options.demo)
    lines.push(`  Demo:    ${DEMO_USERS.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  if (server.seeded) {
    const s = server.seeded;
    lines.push(
      `  Seeded:  ${s.cases} cases, ${s.documents} documents, ${s.pages} pages, ${(s.bytes / 1e6).toFixed(0)} MB in ${(s.totalMs / 1000).toFixed(1)} s`,
    );
  } else if (parsed.options.demo) {
    const s = districtSummary(server.context.db);
    lines.push(
      `  Reused:  the district in ${parsed.options.dataDir}: ${s.cases} cases, ${s.documents} documents, ${s.pages} pages, ${(s.bytes / 1e6).toFixed(0)} MB (delete the folder to generate it afresh)`,
    );
  }
  if (parsed.options.admin) lines.push(`  Admin:   ${server.url}/admin/*  (development only, unauthenticated)`);
  if (parsed.options.updatesDir) lines.push(`  Updates: ${server.url}/updates/`);
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info(`${signal} received, shutting down`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await server.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `Server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exitCode = 1;
  },
);
