/**
 * What the renderer learns about updates (`updates:state` events, `updates:getState`): one phase
 * at a time, with codes, never sentences. Installing happens only when the app is closed, after
 * the outbox has been persisted (see src/main/install-guard.ts).
 */
import { z } from 'zod';

const version = z.string().max(64);
const at = z.string().max(40);

export const updateErrorCodeSchema = z.enum([
  /** The feed could not be reached (network, TLS, HTTP error). */
  'network',
  /** The feed has no file for this channel and platform, or it does not parse. */
  'feed-invalid',
  /** The installer's code signature is not the publisher's (Windows, macOS). */
  'signature-invalid',
  /** The downloaded file does not match the sha512 in the feed. */
  'checksum-mismatch',
  /** There is not enough room for the download. */
  'disk-full',
  'unknown',
]);
export type UpdateErrorCode = z.infer<typeof updateErrorCodeSchema>;

export const updateStateSchema = z.discriminatedUnion('phase', [
  /**
   * policy-off: IT set updateMode off; no-feed: no (https) updateUrl; unpackaged: a development
   * build or an unpacked folder, which cannot update itself; browser: browser mode.
   */
  z.strictObject({ phase: z.literal('disabled'), reason: z.enum(['policy-off', 'no-feed', 'unpackaged', 'browser']) }),
  z.strictObject({ phase: z.literal('idle') }),
  z.strictObject({ phase: z.literal('checking') }),
  z.strictObject({ phase: z.literal('up-to-date'), checkedAt: at }),
  /** A newer version is on the server, but this machine is not yet within its staged rollout. */
  z.strictObject({ phase: z.literal('staged-out'), version, checkedAt: at }),
  /** notify mode: a newer version is there and waits for the user to ask for it. */
  z.strictObject({ phase: z.literal('available'), version }),
  z.strictObject({
    phase: z.literal('downloading'),
    version,
    percent: z.number().min(0).max(100),
    transferredBytes: z.number().min(0),
    totalBytes: z.number().min(0),
  }),
  /** Downloaded and verified; it is installed when the app is closed. */
  z.strictObject({ phase: z.literal('ready'), version }),
  z.strictObject({ phase: z.literal('installing'), version }),
  z.strictObject({
    phase: z.literal('error'),
    code: updateErrorCodeSchema,
    during: z.enum(['check', 'download', 'install']),
    version: version.optional(),
  }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;
export type UpdatePhase = UpdateState['phase'];

/** What the renderer reports about its outbox when main asks before installing an update. */
export const outboxReportSchema = z.strictObject({
  /** The `outbox:flushRequest` this answers. */
  requestId: z.string().max(64),
  /** Deliveries (HTTP requests to the central service) still under way in this window. */
  inFlight: z.number().int().min(0),
  /** Every outbox entry of this window is in IndexedDB and in the journal. */
  persisted: z.boolean(),
});
export type OutboxReport = z.infer<typeof outboxReportSchema>;
