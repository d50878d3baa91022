/**
 * The log files in the user-data folder (`logs/main.log`, rotated to `main.1.log` … `main.4.log`
 * when it passes 2 MiB, so at most 10 MiB), written by electron-log. The Node flavour of
 * electron-log is used on purpose: the Electron flavour registers its own catch-all IPC channel
 * for renderers, and here renderers log only through the contract's `log:write`.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { NodeLogger } from 'electron-log';
import type { LogLevel } from '../../shared/logging/log-entry.ts';
import type { LogSink } from '../logger.ts';

export const LOG_FILE_NAME = 'main.log';
export const LOG_FILE_BYTES = 2 * 1024 ** 2;
export const LOG_FILES_KEPT = 4;

/** The part of electron-log's logger this module sets up. */
export type ElectronLogPort = Pick<NodeLogger, 'transports' | LogLevel>;

export function logFolder(userDataDir: string): string {
  return path.join(userDataDir, 'logs');
}

/** main.log → main.1.log → … → main.<kept>.log; the oldest goes. */
export function rotateLogFiles(filePath: string, kept = LOG_FILES_KEPT): void {
  const { dir, name, ext } = path.parse(filePath);
  const numbered = (n: number): string => path.join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(kept), { force: true });
  for (let n = kept - 1; n >= 1; n -= 1) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(filePath, numbered(1));
}

/** Points electron-log at the user-data folder and returns the sink the loggers write to. */
export function configureLogFiles(
  log: ElectronLogPort,
  options: { userDataDir: string; console: boolean; maxBytes?: number },
): LogSink {
  const file = path.join(logFolder(options.userDataDir), LOG_FILE_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = options.maxBytes ?? LOG_FILE_BYTES;
  log.transports.file.format = '{text}';
  log.transports.file.level = 'info';
  log.transports.file.archiveLogFn = (old) => rotateLogFiles(old.path);
  log.transports.console.level = options.console ? 'debug' : false;
  return (line, level) => log[level](line);
}
