/**
 * The IPC contract between the main process and the renderers: every channel with the schema of
 * its argument and of its result, and every main→renderer event with its payload schema. Main
 * registers handlers against it (`registerIpcHandlers`), the preload exposes it
 * (`createDesktopBridge`), the renderer reaches it through `DesktopApi`. Channels are namespaced
 * `namespace:method`; adding one here is the only way to add an IPC call.
 */
import { z } from 'zod';
import { documentIdSchema } from '../domain/ids.ts';
import { journalEntrySchema, journalIdSchema } from '../journal/journal-log.ts';
import { policySchema } from '../policy/policy.ts';
import { base64Pattern } from '../util/base64.ts';

const base64 = z
  .string()
  .max(1024 * 1024)
  .regex(base64Pattern, 'Ungültige Base64-Daten');

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcContract = {
  'app:getInfo': { arg: z.void(), result: appInfoSchema },
  'app:getPolicy': { arg: z.void(), result: policySchema },
  'windows:openViewer': {
    arg: z.strictObject({ documentId: documentIdSchema.optional() }),
    result: z.void(),
  },
  'windows:focusWorkspace': { arg: z.void(), result: z.void() },
  'secrets:isAvailable': { arg: z.void(), result: z.boolean() },
  /** Wraps bytes (the cache key) with the operating system's protection (safeStorage). */
  'secrets:protect': { arg: z.strictObject({ plaintext: base64 }), result: z.strictObject({ sealed: base64 }) },
  'secrets:unprotect': { arg: z.strictObject({ sealed: base64 }), result: z.strictObject({ plaintext: base64 }) },
  /**
   * The outbox journal (see src/main/journal.ts): entries sealed by the renderer, appended and
   * fsynced before the call answers, dropped when acknowledged, read back at start.
   */
  'journal:append': {
    arg: z.strictObject({ userId: journalIdSchema, entries: z.array(journalEntrySchema).min(1).max(1000) }),
    result: z.void(),
  },
  'journal:acknowledge': {
    arg: z.strictObject({ userId: journalIdSchema, ids: z.array(journalIdSchema).min(1).max(5000) }),
    result: z.void(),
  },
  'journal:read': {
    arg: z.strictObject({ userId: journalIdSchema }),
    result: z.strictObject({ entries: z.array(journalEntrySchema) }),
  },
} as const satisfies Record<string, { arg: z.ZodType; result: z.ZodType }>;

export const ipcEvents = {
  /** The viewer window was shown or hidden (the workspace adapts its layout). */
  'windows:viewerVisibility': z.strictObject({ visible: z.boolean() }),
} as const satisfies Record<string, z.ZodType>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcArg<C extends IpcChannel> = z.input<IpcContract[C]['arg']>;
export type IpcResult<C extends IpcChannel> = z.output<IpcContract[C]['result']>;
export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEvents)[E]>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEventName[];
