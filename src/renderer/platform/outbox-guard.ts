/**
 * The renderer's half of the install guard (src/main/install-guard.ts): when main asks
 * (`outbox:flushRequest`) before installing an update on quit, this window answers with
 * `outbox:report` what its outbox says. The outbox registers how to find that out
 * (`setOutboxFlushSource`): stop starting deliveries, wait for those in flight, make sure every
 * entry is in IndexedDB and the journal, and say how many are still in flight. A window whose
 * outbox has not registered (the viewer; any window while push is not built) has nothing in
 * flight and nothing unwritten, and answers so.
 */
import type { DesktopApi } from './desktop-api.ts';

export type OutboxFlushState = { readonly inFlight: number; readonly persisted: boolean };
export type OutboxFlushSource = () => Promise<OutboxFlushState>;

let source: OutboxFlushSource | null = null;

/** The outbox of this window says how to quiesce it; null when it goes away. */
export function setOutboxFlushSource(next: OutboxFlushSource | null): void {
  source = next;
}

/** Answers every flush request of main for this window; returns the unsubscribe. */
export function answerFlushRequests(
  api: DesktopApi,
  currentSource: () => OutboxFlushSource | null = () => source,
): () => void {
  return api.on('outbox:flushRequest', ({ requestId }) => {
    const current = currentSource();
    const state: Promise<OutboxFlushState> = current
      ? current().catch(() => ({ inFlight: 0, persisted: false }))
      : Promise.resolve({ inFlight: 0, persisted: true });
    void state.then((answer) =>
      api.outbox.report({ requestId, inFlight: Math.max(0, Math.floor(answer.inFlight)), persisted: answer.persisted }),
    );
  });
}
