/**
 * The IPC contract between the main process and the renderers: every channel with the schema of
 * its argument and of its result, and every main→renderer event with its payload schema. Main
 * registers handlers against it (`registerIpcHandlers`), the preload exposes it
 * (`createDesktopBridge`), the renderer reaches it through `DesktopApi`. Channels are namespaced
 * `namespace:method`; adding one here is the only way to add an IPC call.
 */
import { z } from 'zod';
import { documentIdSchema } from '../domain/ids.ts';
import { journalEntrySchema, journalIdSchema, keyWrapBackupSchema } from '../journal/journal-log.ts';
import { machineLettersSchema } from '../letters/machine-letters.ts';
import { logEntrySchema } from '../logging/log-entry.ts';
import { policySchema } from '../policy/policy.ts';
import { settingsChangesSchema, settingsSetResultSchema, settingsSnapshotSchema } from '../settings/settings.ts';
import { outboxReportSchema, updateStateSchema } from '../updates/update-state.ts';
import { displayListSchema } from '../windows/displays.ts';
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
  /** The policy part of the effective settings (what the session needs: server, offline days, budgets). */
  'app:getPolicy': { arg: z.void(), result: policySchema },
  /** Effective settings, the fields IT has locked, warnings (codes) and whether an OS keyring protects the cache key. */
  'settings:get': { arg: z.void(), result: settingsSnapshotSchema },
  /** Changes user-settable fields; locked, policy-only and unknown fields are refused with a code each. */
  'settings:set': { arg: settingsChangesSchema, result: settingsSetResultSchema },
  'windows:openViewer': {
    arg: z.strictObject({ documentId: documentIdSchema.optional() }),
    result: z.void(),
  },
  'windows:focusWorkspace': { arg: z.void(), result: z.void() },
  /**
   * The displays for the settings screen (the viewer's display is chosen among them), with where
   * each window is now; browser mode knows only the screen of its own page.
   */
  'windows:displays': { arg: z.void(), result: displayListSchema },
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
  /**
   * A copy of the user's wrapped cache key beside the journal, so that the journal can still be
   * opened when IndexedDB (and the keyring in it) was lost. It holds no secret without the user's
   * password (and, where the desktop offers it, this machine's account).
   */
  'journal:saveKeyWrap': {
    arg: z.strictObject({ userId: journalIdSchema, wrap: keyWrapBackupSchema }),
    result: z.void(),
  },
  'journal:readKeyWrap': {
    arg: z.strictObject({ userId: journalIdSchema }),
    result: z.strictObject({ wrap: keyWrapBackupSchema.nullable() }),
  },
  'journal:read': {
    arg: z.strictObject({ userId: journalIdSchema }),
    result: z.strictObject({ entries: z.array(journalEntrySchema) }),
  },
  /**
   * The job centre's own letter templates and office file from the machine folder beside the
   * policy file (Linux `/etc/e-akte/letters/`, Windows `%ProgramData%\E-Akte\letters\`, macOS
   * `/Library/Application Support/E-Akte/letters/`), as text; browser mode has none.
   */
  'letters:templates': { arg: z.void(), result: machineLettersSchema },
  'updates:getState': { arg: z.void(), result: updateStateSchema },
  /** Looks for an update now (the app also looks at start and every few hours). */
  'updates:check': { arg: z.void(), result: updateStateSchema },
  /** notify mode: the user agrees to download the update that is available. */
  'updates:download': { arg: z.void(), result: updateStateSchema },
  /** A window's answer to `outbox:flushRequest` (and any later change until it can say "safe"). */
  'outbox:report': { arg: outboxReportSchema, result: z.void() },
  /** A renderer log line for main's log files; redacted again in main. */
  'log:write': { arg: logEntrySchema, result: z.void() },
} as const satisfies Record<string, { arg: z.ZodType; result: z.ZodType }>;

export const ipcEvents = {
  /** The viewer window was shown or hidden (the workspace adapts its layout). */
  'windows:viewerVisibility': z.strictObject({ visible: z.boolean() }),
  /** The effective settings changed (the user saved, in this or another window). */
  'settings:changed': settingsSnapshotSchema,
  'updates:state': updateStateSchema,
  /**
   * Main wants to install an update on quit: stop starting deliveries, let those in flight end,
   * persist the outbox, then answer with `outbox:report` carrying this requestId.
   */
  'outbox:flushRequest': z.strictObject({ requestId: z.string().max(64) }),
} as const satisfies Record<string, z.ZodType>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcArg<C extends IpcChannel> = z.input<IpcContract[C]['arg']>;
export type IpcResult<C extends IpcChannel> = z.output<IpcContract[C]['result']>;
export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEvents)[E]>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEventName[];
