/**
 * One logger per module. A line is JSON (`{at, level, module, message, ...fields}`) so IT can
 * collect it; every line passes the redaction guard (src/shared/logging/redact.ts), so personal
 * data never reaches a log file. Lines go to stderr until `index.ts` routes them to the log files
 * in the user-data folder (`setLogSink`).
 */
import type { LogLevel } from '../shared/logging/log-entry.ts';
import { redactLogFields, scrubLogText } from '../shared/logging/redact.ts';

export type Logger = {
  debug(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
};

export type LogSink = (line: string, level: LogLevel) => void;

const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

let routedSink: LogSink = stderrSink;

/** Sends the lines of every logger created without its own sink to `sink` from now on. */
export function setLogSink(sink: LogSink): void {
  routedSink = sink;
}

export function formatLogLine(
  at: Date,
  level: LogLevel,
  module: string,
  message: string,
  detail?: Record<string, unknown>,
): string {
  return JSON.stringify({
    ...redactLogFields(detail),
    at: at.toISOString(),
    level,
    module: scrubLogText(module, 48),
    message: scrubLogText(message),
  });
}

export function createLogger(module: string, sink?: LogSink, now: () => Date = () => new Date()): Logger {
  const write = (level: LogLevel, message: string, detail?: Record<string, unknown>): void => {
    (sink ?? routedSink)(formatLogLine(now(), level, module, message, detail), level);
  };
  return {
    debug: (message, detail) => write('debug', message, detail),
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
