/**
 * Where the renderers' log lines go (`log:write`): into main's log under `renderer/<module>`,
 * through the same redaction guard as main's own lines, and at most LINES_PER_MINUTE per window,
 * so a renderer stuck in a loop cannot fill the disk.
 */
import type { LogEntry } from '../../shared/logging/log-entry.ts';
import type { LogSink } from '../logger.ts';
import { formatLogLine } from '../logger.ts';

export const LINES_PER_MINUTE = 120;

export function createRendererLog(sink: () => LogSink, now: () => Date = () => new Date()) {
  const windows = new Map<number, { minute: number; lines: number; dropped: number }>();
  return (entry: LogEntry, senderId: number): void => {
    const at = now();
    const minute = Math.floor(at.getTime() / 60_000);
    let count = windows.get(senderId);
    if (!count || count.minute !== minute) {
      if (count?.dropped)
        sink()(formatLogLine(at, 'warn', 'renderer', 'renderer log lines dropped', { dropped: count.dropped }), 'warn');
      count = { minute, lines: 0, dropped: 0 };
      windows.set(senderId, count);
    }
    if (count.lines >= LINES_PER_MINUTE) {
      count.dropped += 1;
      return;
    }
    count.lines += 1;
    sink()(formatLogLine(at, entry.level, `renderer/${entry.module}`, entry.message, entry.fields), entry.level);
  };
}
