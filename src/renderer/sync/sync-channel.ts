/**
 * Messages between the windows and the sync engine (which runs in one window's worker at a
 * time): triggers, urgent document requests, a new token, and the published state.
 */
import { z } from 'zod';
import { documentIdSchema } from '../../shared/domain/ids.ts';
import { syncStatusSchema } from './status.ts';

export const syncMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sync-now') }),
  z.strictObject({ type: z.literal('local-change') }),
  z.strictObject({ type: z.literal('fetch-content'), documentId: documentIdSchema }),
  z.strictObject({ type: z.literal('token'), token: z.string().min(1).max(500) }),
  z.strictObject({ type: z.literal('status-request') }),
  z.strictObject({ type: z.literal('status'), status: syncStatusSchema }),
]);
export type SyncMessage = z.infer<typeof syncMessageSchema>;

export function syncChannelName(userId: string): string {
  return `eakte-sync-${userId}`;
}

export function syncLockName(userId: string): string {
  return `eakte-sync-engine-${userId}`;
}

/** The start message a window sends to its sync worker. */
export type WorkerStart = {
  type: 'start';
  userId: string;
  serverUrl: string;
  token: string | null;
  cacheKey: CryptoKey;
  /** The index key (keyed hashes of BG numbers and sha256 values), see data/crypto/cache-keys.ts. */
  indexKey: CryptoKey;
  cacheBudgetBytes: number;
  /** Days an undeliverable outbox entry is kept (policy `outboxRetentionDays`). */
  outboxRetentionDays: number;
  intervalMs?: number;
  /** pdf.js's resource folder of the window (absolute), for preparing first views in the background. */
  pdfResources?: string;
};
