/**
 * Main-side registration of the IPC contract. The handler map's type is derived from the contract,
 * so a missing or mistyped handler does not compile. Each call is checked to come from one of the
 * app's own windows, its argument is parsed against the schema before the handler runs, and the
 * result is parsed before it leaves.
 */
import type { z } from 'zod';
import { ipcChannels, ipcContract, type IpcArg, type IpcChannel, type IpcResult } from './contract.ts';
import { IpcError, type IpcEnvelope } from './envelope.ts';

/** The part of Electron's IpcMainInvokeEvent the wrapper relies on. */
export type IpcSenderEvent = {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
};

/** The part of Electron's ipcMain the wrapper relies on. */
export type IpcMainPort<E extends IpcSenderEvent = IpcSenderEvent> = {
  handle(channel: string, listener: (event: E, arg: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export type IpcHandlers<E extends IpcSenderEvent = IpcSenderEvent> = {
  [C in IpcChannel]: (arg: z.output<(typeof ipcContract)[C]['arg']>, event: E) => IpcResult<C> | Promise<IpcResult<C>>;
};

export type IpcLogger = { warn(message: string, detail?: Record<string, unknown>): void };

export type RegisterOptions<E extends IpcSenderEvent> = {
  /** True when the event comes from a window this app created and shows its own origin. */
  isTrustedSender: (event: E) => boolean;
  logger: IpcLogger;
};

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(Wert)'}: ${i.message}`).join('; ');
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerIpcHandlers<E extends IpcSenderEvent>(
  ipcMain: IpcMainPort<E>,
  handlers: IpcHandlers<E>,
  options: RegisterOptions<E>,
): () => void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, rawArg) => invoke(channel, event, rawArg, handlers, options));
  }
  return () => {
    for (const channel of ipcChannels) ipcMain.removeHandler(channel);
  };
}

async function invoke<C extends IpcChannel, E extends IpcSenderEvent>(
  channel: C,
  event: E,
  rawArg: unknown,
  handlers: IpcHandlers<E>,
  { isTrustedSender, logger }: RegisterOptions<E>,
): Promise<IpcEnvelope<IpcResult<C>>> {
  if (!isTrustedSender(event)) {
    logger.warn('IPC call from an unknown sender refused', { channel, senderId: event.sender.id });
    return { ok: false, error: { code: 'untrusted-sender', message: 'call from an unknown sender refused' } };
  }
  const entry = ipcContract[channel];
  const parsed = entry.arg.safeParse(rawArg);
  if (!parsed.success) {
    logger.warn('IPC argument refused', { channel });
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `invalid argument for ${channel}: ${describeIssues(parsed.error)}` },
    };
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as (arg: unknown, event: E) => unknown;
    value = await handler(parsed.data, event);
  } catch (error) {
    if (error instanceof IpcError) return { ok: false, error: { code: error.code, message: error.message } };
    logger.warn('IPC handler failed', { channel, error: String(error) });
    return { ok: false, error: { code: 'handler-failed', message: `${channel} failed` } };
  }
  const result = entry.result.safeParse(value);
  if (!result.success) {
    logger.warn('IPC handler returned a value outside the contract', { channel });
    return { ok: false, error: { code: 'invalid-result', message: `answer of ${channel} outside the contract` } };
  }
  return { ok: true, value: result.data as IpcResult<C> };
}

export type { IpcArg };
