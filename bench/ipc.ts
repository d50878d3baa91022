/**
 * Cost of the IPC contract layer: a call through the bridge and the registration wrapper (schema
 * checks both ways, sender check, structured clone) against calling the handler directly with
 * the same structured clone, in the same run. Electron's own IPC hop is not included.
 */
import { createDesktopBridge } from '../src/shared/ipc/bridge.ts';
import { registerIpcHandlers, type IpcSenderEvent } from '../src/shared/ipc/register.ts';
import { createIpcHandlers } from '../src/main/ipc-handlers.ts';
import { fakeMainServices } from '../test/support/main-services.ts';
import { median, report } from './_report.ts';

const handlers = createIpcHandlers(fakeMainServices().services);
const registered = new Map<string, (event: IpcSenderEvent, arg: unknown) => Promise<unknown>>();
registerIpcHandlers({ handle: (c, l) => registered.set(c, l), removeHandler: () => undefined }, handlers, {
  isTrustedSender: () => true,
  logger: { warn: () => undefined },
});
const event: IpcSenderEvent = { sender: { id: 1 }, senderFrame: { url: 'app://e-akte/workspace.html' } };
const bridge = createDesktopBridge({
  invoke: async (channel, arg) => structuredClone(await registered.get(channel)!(event, structuredClone(arg))),
  subscribe: () => () => undefined,
});

const CALLS = 20_000;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await fn();
  return ((performance.now() - start) * 1000) / CALLS;
}

const direct = async () => structuredClone(await handlers['app:getPolicy'](undefined, event));
const viaContract = () => bridge.app.getPolicy();
await time(direct);
await time(viaContract);
const baselines: number[] = [];
const contract: number[] = [];
for (let round = 0; round < 5; round++) {
  baselines.push(await time(direct));
  contract.push(await time(viaContract));
}
report({
  bench: 'ipc',
  metric: 'call app:getPolicy through the contract',
  value: median(contract),
  unit: 'µs',
  baseline: median(baselines),
});
