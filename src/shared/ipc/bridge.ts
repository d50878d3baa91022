/**
 * The renderer-facing side of the contract, built from it: one async method per channel, grouped
 * by namespace (`bridge.windows.openViewer({...})`), and `on(event, listener)` for main→renderer
 * events. The preload builds it over ipcRenderer; tests build it over an in-memory transport.
 * Results are parsed again on arrival, so a renderer never acts on a value outside the contract.
 */
import {
  ipcChannels,
  ipcContract,
  ipcEventNames,
  ipcEvents,
  type IpcArg,
  type IpcChannel,
  type IpcEventName,
  type IpcEventPayload,
  type IpcResult,
} from './contract.ts';
import { ipcEnvelopeSchema, IpcError } from './envelope.ts';

type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type MethodOf<C extends string> = C extends `${string}:${infer M}` ? M : never;

type BridgeMethod<C extends IpcChannel> =
  IpcArg<C> extends void | undefined
    ? (arg?: IpcArg<C>) => Promise<IpcResult<C>>
    : (arg: IpcArg<C>) => Promise<IpcResult<C>>;

export type DesktopBridgeCalls = {
  [N in NamespaceOf<IpcChannel>]: {
    [C in IpcChannel as NamespaceOf<C> extends N ? MethodOf<C> : never]: BridgeMethod<C>;
  };
};

export type DesktopBridge = DesktopBridgeCalls & {
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
};

/** How the bridge reaches main: `invoke` answers the envelope, `subscribe` delivers raw event payloads. */
export type BridgeTransport = {
  invoke(channel: string, arg: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
};

export function createDesktopBridge(transport: BridgeTransport): DesktopBridge {
  const calls: Record<string, Record<string, (arg?: unknown) => Promise<unknown>>> = {};
  for (const channel of ipcChannels) {
    const [namespace, method] = channel.split(':') as [string, string];
    const group = (calls[namespace] ??= {});
    group[method] = (arg?: unknown) => call(transport, channel, arg);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!(ipcEventNames as string[]).includes(event))
      throw new IpcError('invalid-argument', `Unbekanntes Ereignis ${event}.`);
    const schema = ipcEvents[event as IpcEventName];
    return transport.subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };
  return { ...calls, on } as unknown as DesktopBridge;
}

async function call(transport: BridgeTransport, channel: IpcChannel, arg: unknown): Promise<unknown> {
  const envelope = ipcEnvelopeSchema.safeParse(await transport.invoke(channel, arg));
  if (!envelope.success) throw new IpcError('invalid-result', `answer of ${channel} outside the contract`);
  if (!envelope.data.ok) throw new IpcError(envelope.data.error.code, envelope.data.error.message);
  const result = ipcContract[channel].result.safeParse(envelope.data.value);
  if (!result.success) throw new IpcError('invalid-result', `answer of ${channel} outside the contract`);
  return result.data;
}
