/**
 * Runs `run` at the window's next idle moment, at the latest after `timeoutMs`, and answers a
 * function that cancels it. Where there is no `requestIdleCallback` (a worker), the next task runs it.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}
