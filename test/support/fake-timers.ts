/** The main process's Timers port with a clock the test moves by hand. */
import type { Timers } from '../../src/main/timers.ts';

export function fakeTimers() {
  const queue: { at: number; callback: () => void; cancelled: boolean }[] = [];
  let clock = 0;
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { at: clock + ms, callback, cancelled: false };
      queue.push(entry);
      return { cancel: () => (entry.cancelled = true) };
    },
  };
  const advance = (ms: number): void => {
    clock += ms;
    for (const entry of queue.filter((e) => !e.cancelled && e.at <= clock)) {
      entry.cancelled = true;
      entry.callback();
    }
  };
  const pending = (): number => queue.filter((e) => !e.cancelled).length;
  return { timers, advance, pending };
}
