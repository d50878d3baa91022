/**
 * The window's handle on sync: starts this window's sync worker (which runs the engine when it
 * holds the lock) and talks to whichever engine runs over the sync channel.
 */
import { pdfResourceBase } from '../pdf/resources.ts';
import { syncChannelName, syncMessageSchema, type SyncMessage, type WorkerStart } from './sync-channel.ts';
import type { SyncStatus } from './status.ts';

export type SyncClient = {
  onStatus(listener: (status: SyncStatus) => void): () => void;
  syncNow(): void;
  localChange(): void;
  fetchContent(documentId: string): void;
  setToken(token: string): void;
  stop(): void;
};

export function startSyncClient(start: Omit<WorkerStart, 'type'>): SyncClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'eakte-sync' });
  // A worker has no page to find pdf.js's resources from: it is told where this window has them.
  worker.postMessage({ type: 'start', pdfResources: pdfResourceBase(), ...start } satisfies WorkerStart);
  const channel = new BroadcastChannel(syncChannelName(start.userId));
  const listeners = new Set<(status: SyncStatus) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = syncMessageSchema.safeParse(event.data);
    if (parsed.success && parsed.data.type === 'status') {
      const status = parsed.data.status;
      for (const listener of listeners) listener(status);
    }
  };
  const post = (message: SyncMessage): void => channel.postMessage(message);
  return {
    onStatus(listener) {
      listeners.add(listener);
      post({ type: 'status-request' });
      return () => listeners.delete(listener);
    },
    syncNow: () => post({ type: 'sync-now' }),
    localChange: () => post({ type: 'local-change' }),
    fetchContent: (documentId) => post({ type: 'fetch-content', documentId: documentId as never }),
    setToken: (token) => post({ type: 'token', token }),
    stop: () => {
      channel.close();
      worker.terminate();
    },
  };
}
