/**
 * The engine's published state, for the status line of both windows. It crosses a
 * BroadcastChannel, so it has a schema and is parsed on arrival. Errors are codes with parameters;
 * the windows say them in the user's language.
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

export const statusErrorSchema = z.strictObject({
  code: z.string().max(64),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  at: z.string(),
});
export type StatusError = z.infer<typeof statusErrorSchema>;

export const pushStateSchema = z.enum(['idle', 'sending', 'waiting', 'needs-sign-in']);

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
  lastError: statusErrorSchema.nullable(),
  nextAttemptAt: z.string().nullable(),
  counts: z.strictObject({
    cases: count,
    documents: count,
    contentsComplete: count,
    contentsMissing: count,
    cachedBytes: count,
    outboxPending: count,
    outboxRejected: count,
    outboxConflict: count,
    outboxUndeliverable: count,
    auditPending: count,
  }),
  /** Delivery of the outbox: what it does now, and when it tries again after a failure. */
  push: z.strictObject({
    state: pushStateSchema,
    nextAttemptAt: z.string().nullable(),
    lastError: statusErrorSchema.nullable(),
  }),
  /** Undeliverable entries purged within the next days (the retention notice). */
  purgeNotice: z.strictObject({ count, at: z.string() }).nullable(),
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
      outboxRejected: 0,
      outboxConflict: 0,
      outboxUndeliverable: 0,
      auditPending: 0,
    },
    push: { state: 'idle', nextAttemptAt: null, lastError: null },
    purgeNotice: null,
    storage: null,
    requests: 0,
  };
}
