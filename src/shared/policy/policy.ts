/**
 * Machine-wide policy set by IT. It overrides user settings; the main process reads it, the
 * renderer receives the effective values through the IPC contract.
 */
import { z } from 'zod';

export const updateModeSchema = z.enum(['auto', 'notify', 'off']);
export type UpdateMode = z.infer<typeof updateModeSchema>;

export const GIB = 1024 ** 3;

export const policySchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  updateUrl: z.url({ protocol: /^https?$/ }).optional(),
  updateChannel: z.enum(['stable', 'beta']),
  updateMode: updateModeSchema,
  cacheBudgetBytes: z
    .number()
    .int()
    .min(64 * 1024 ** 2),
  maxOfflineDays: z.number().int().min(0).max(90),
  /** Days an outbox entry that can no longer be delivered (its case was revoked) is kept before it is purged. */
  outboxRetentionDays: z.number().int().min(1).max(365),
});
export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = {
  serverUrl: 'http://127.0.0.1:8787',
  updateChannel: 'stable',
  updateMode: 'notify',
  cacheBudgetBytes: 2 * GIB,
  maxOfflineDays: 14,
  outboxRetentionDays: 30,
};
