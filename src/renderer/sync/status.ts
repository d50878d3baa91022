/**
 * The engine's published state, for the status line of both windows. It crosses a
 * BroadcastChannel, so it has a schema and is parsed on arrival.
 */
import { z } from 'zod';

const count = z.number().int().min(0);

export const syncPhaseSchema = z.enum([
  'starting',
  /** Another window's engine holds the lock; this one waits. */
  'standby',
  'idle',
  'pulling',
  'fetching',
  'offline',
  'error',
  'needs-sign-in',
]);
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

export const syncStatusSchema = z.strictObject({
  phase: syncPhaseSchema,
  progress: z.strictObject({
    changes: count,
    documents: count,
    documentsTotal: count,
    bytes: count,
    bytesTotal: count,
  }),
  lastSuccessAt: z.string().nullable(),
  lastError: z.strictObject({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  counts: z.strictObject({
    cases: count,
    documents: count,
    contentsComplete: count,
    contentsMissing: count,
    cachedBytes: count,
    outboxPending: count,
    outboxUndeliverable: count,
  }),
  storage: z.strictObject({ usage: count, quota: count, budget: count, persisted: z.boolean().nullable() }).nullable(),
  /** Requests to the central service since the engine started (for diagnostics and tests). */
  requests: count,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export function initialStatus(phase: SyncPhase = 'starting'): SyncStatus {
  return {
    phase,
    progress: { changes: 0, documents: 0, documentsTotal: 0, bytes: 0, bytesTotal: 0 },
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    counts: {
      cases: 0,
      documents: 0,
      contentsComplete: 0,
      contentsMissing: 0,
      cachedBytes: 0,
      outboxPending: 0,
      outboxUndeliverable: 0,
    },
    storage: null,
    requests: 0,
  };
}
