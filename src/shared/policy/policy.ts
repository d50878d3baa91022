/**
 * Machine-wide policy set by IT. It overrides user settings field by field; the main process
 * reads it, the renderer receives the effective values through the IPC contract. The JSON Schema
 * IT validates its files against (`assets/policy.schema.json`) is generated from this schema.
 */
import { z } from 'zod';

export const updateModeSchema = z.enum(['auto', 'notify', 'off']);
export type UpdateMode = z.infer<typeof updateModeSchema>;

export const GIB = 1024 ** 3;

const httpUrl = z.url({ protocol: /^https?$/ });

export const policySchema = z.strictObject({
  serverUrl: httpUrl.meta({
    description:
      'Base URL of the central E-Akte service (the REST API lives under /api/v1). Must be https; plain http is accepted only for loopback in development builds.',
  }),
  updateUrl: httpUrl.optional().meta({
    description:
      'Base URL of the update server (electron-updater generic provider: latest.yml, latest-linux.yml, latest-mac.yml and the installers in one folder). Must be https. Without it the app does not look for updates.',
  }),
  updateChannel: z.enum(['stable', 'beta']).meta({
    description: 'Update channel: stable reads latest*.yml, beta reads beta*.yml (and also accepts stable releases).',
  }),
  updateMode: updateModeSchema.meta({
    description:
      'auto: download updates in the background and install them when the app is closed; notify: tell the user and download only when asked; off: never look for updates.',
  }),
  cacheBudgetBytes: z
    .number()
    .int()
    .min(64 * 1024 ** 2)
    .meta({ description: 'Bytes of document content the app may keep on the device (at least 64 MiB).' }),
  /**
   * The most a user may choose for cacheBudgetBytes in the settings. It bounds the user's choice
   * only: a cacheBudgetBytes IT sets in the policy applies as written.
   */
  cacheBudgetCeilingBytes: z
    .number()
    .int()
    .min(64 * 1024 ** 2)
    .meta({
      description:
        "The largest document storage (bytes, at least 64 MiB) a user may choose in the settings; without it four times the default budget (8 GiB). It bounds the user's choice only: a cacheBudgetBytes set in this policy applies as written.",
    }),
  maxOfflineDays: z.number().int().min(0).max(90).meta({
    description: 'Days after the last online sign-in during which the password still unlocks the cache offline.',
  }),
  /** Days an outbox entry that can no longer be delivered (its case was revoked) is kept before it is purged. */
  outboxRetentionDays: z.number().int().min(1).max(365).meta({
    description:
      'Days an outbox entry that can no longer be delivered (its case left the user) is kept before it is purged.',
  }),
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyField = keyof Policy;
export const POLICY_FIELDS = Object.keys(policySchema.shape) as PolicyField[];

const DEFAULT_CACHE_BUDGET = 2 * GIB;

export const DEFAULT_POLICY: Policy = {
  serverUrl: 'http://127.0.0.1:8787',
  updateChannel: 'stable',
  updateMode: 'notify',
  cacheBudgetBytes: DEFAULT_CACHE_BUDGET,
  // Room for a large caseload's scans on a roomy disk, without letting one user fill a shared one.
  cacheBudgetCeilingBytes: 4 * DEFAULT_CACHE_BUDGET,
  maxOfflineDays: 14,
  outboxRetentionDays: 30,
};

/**
 * The server URL of a packaged build that IT has not configured. `.invalid` never resolves
 * (RFC 2606), so the app stays offline instead of sending a password to whatever listens on the
 * development default on loopback.
 */
export const UNCONFIGURED_SERVER_URL = 'https://server-not-configured.invalid/';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Scheme and host of an absolute URL; a user-info part ("http://127.0.0.1@elsewhere/") does not match.
const ORIGIN = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^/:?#@[\]]+)(:\d{1,5})?(?:[/?#]|$)/i;

/** https always; plain http only for loopback and only where development allows it. */
export function isAcceptableServiceUrl(url: string, options: { allowLoopbackHttp: boolean }): boolean {
  const match = ORIGIN.exec(url);
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'https') return true;
  return options.allowLoopbackHttp && LOOPBACK_HOSTS.has(match[2]!.toLowerCase());
}
