/** Timers as a port, so that schedules (update checks, saving window bounds, time-outs) are tested without waiting. */
export type Timers = {
  setTimeout(callback: () => void, ms: number): { cancel(): void };
};

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending check or save never keeps the app from quitting.
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};
