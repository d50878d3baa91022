/** What crosses the IPC boundary: every call answers `{ok, value}` or `{ok: false, error}`. */
import { z } from 'zod';

export const ipcErrorCodeSchema = z.enum([
  'untrusted-sender',
  'invalid-argument',
  'invalid-result',
  'handler-failed',
  'unavailable',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.strictObject({ code: z.string(), message: z.string() });
export type IpcErrorBody = z.infer<typeof ipcErrorSchema>;

export const ipcEnvelopeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: IpcErrorBody };

/** An error that a handler means the renderer to see, with a stable code. */
export class IpcError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}
