/**
 * The renderer's logger: one per module, `createLogger('sync/pull')`. In Electron a line goes to
 * main's log files through the contract (`log:write`); in browser mode, and wherever no bridge is
 * (workers), it stays in an in-memory ring of the last lines and goes nowhere else — no console.
 * Every line passes the same redaction guard as main's (src/shared/logging/redact.ts), so the
 * ring never holds personal data either: messages are constant texts, data goes into fields.
 */
import { logEntrySchema, type LogEntry, type LogLevel } from '../../shared/logging/log-entry.ts';
import { redactLogFields, scrubLogText } from '../../shared/logging/redact.ts';

export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export const LOG_RING_SIZE = 500;
const ring: LogEntry[] = [];

/** Keeps a line in the ring (browser mode's `log:write` ends here too). */
export function keepInRing(entry: LogEntry): void {
  ring.push(entry);
  if (ring.length > LOG_RING_SIZE) ring.splice(0, ring.length - LOG_RING_SIZE);
}

/** The last lines of this window (or worker), oldest first. */
export function logRing(): readonly LogEntry[] {
  return [...ring];
}

type Forward = (entry: LogEntry) => Promise<void>;

function bridgeForward(): Forward | null {
  const desktop = (globalThis as { eakteDesktop?: { log?: { write?: Forward } } }).eakteDesktop;
  const write = desktop?.log?.write;
  return typeof write === 'function' ? (entry) => write(entry) : null;
}

let forward: Forward | null | undefined;

/** Tests and browser mode may set where lines go; null keeps them in the ring only. */
export function setLogForward(next: Forward | null): void {
  forward = next;
}

export function toLogEntry(level: LogLevel, module: string, message: string, fields?: Record<string, unknown>) {
  const entry = {
    level,
    module: /^[a-z][a-z0-9/-]{0,39}$/.test(module) ? module : 'renderer',
    message: scrubLogText(message),
    fields: redactLogFields(fields),
  };
  const parsed = logEntrySchema.safeParse(entry);
  return parsed.success ? parsed.data : { level, module: entry.module, message: entry.message };
}

export function createLogger(module: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    const entry = toLogEntry(level, module, message, fields);
    if (forward === undefined) forward = bridgeForward();
    if (!forward) {
      keepInRing(entry);
      return;
    }
    forward(entry).catch(() => keepInRing(entry));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
