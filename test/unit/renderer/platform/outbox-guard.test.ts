/**
 * The install guard's protocol end to end over the IPC contract: main's InstallGuard asks, two
 * windows answer through the real bridge and registration, and the install waits until the
 * window with deliveries in flight has quiesced its outbox.
 */
import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../../src/main/ipc-handlers.ts';
import { InstallGuard } from '../../../../src/main/install-guard.ts';
import { createLogger } from '../../../../src/main/logger.ts';
import {
  answerFlushRequests,
  setOutboxFlushSource,
  type OutboxFlushState,
} from '../../../../src/renderer/platform/outbox-guard.ts';
import { createDesktopBridge, type DesktopBridge } from '../../../../src/shared/ipc/bridge.ts';
import { registerIpcHandlers, type IpcSenderEvent } from '../../../../src/shared/ipc/register.ts';
import { fakeMainServices } from '../../../support/main-services.ts';

type Listener = (event: IpcSenderEvent, arg: unknown) => Promise<unknown>;

function setup(windowIds: number[]) {
  const registered = new Map<string, Listener>();
  const subscribers = new Map<number, Map<string, Set<(payload: unknown) => void>>>();
  const guard: InstallGuard = new InstallGuard({
    openWindows: () => windowIds,
    requestFlush: (requestId) => {
      for (const id of windowIds)
        for (const listener of subscribers.get(id)?.get('outbox:flushRequest') ?? []) listener({ requestId });
    },
    newRequestId: () => 'request-1',
    logger: createLogger('guard', () => undefined),
  });
  const { services } = fakeMainServices();
  registerIpcHandlers(
    { handle: (channel, listener) => registered.set(channel, listener), removeHandler: () => undefined },
    createIpcHandlers({ ...services, outbox: { report: (senderId, report) => guard.report(senderId, report) } }),
    { isTrustedSender: () => true, logger: { warn: () => undefined } },
  );
  const bridgeFor = (id: number): DesktopBridge =>
    createDesktopBridge({
      invoke: async (channel, arg) =>
        structuredClone(
          await registered.get(channel)!(
            { sender: { id }, senderFrame: { url: 'app://e-akte/workspace.html' } },
            structuredClone(arg),
          ),
        ),
      subscribe: (event, listener) => {
        const events = subscribers.get(id) ?? new Map<string, Set<(payload: unknown) => void>>();
        subscribers.set(id, events);
        const set = events.get(event) ?? new Set();
        events.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    });
  return { guard, bridgeFor };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('outbox flush before an update installs', () => {
  it('waits for the window whose deliveries are in flight, then lets the install go', async () => {
    const { guard, bridgeFor } = setup([1, 2]);
    let release: (state: OutboxFlushState) => void = () => undefined;
    // Window 1 runs the sync engine with a delivery in flight; window 2 (the viewer) has no outbox.
    const engine = () => new Promise<OutboxFlushState>((resolve) => (release = resolve));
    answerFlushRequests(bridgeFor(1), () => engine);
    answerFlushRequests(bridgeFor(2), () => null);
    let outcome: string | undefined;
    void guard.waitUntilSafe().then((result) => (outcome = result));
    await settle();
    expect(outcome).toBeUndefined();
    release({ inFlight: 0, persisted: true });
    await settle();
    expect(outcome).toBe('safe');
  });

  it('does not let the install go when the outbox cannot say it is persisted', async () => {
    const { guard, bridgeFor } = setup([1]);
    // What the outbox registers is what a window answers with.
    setOutboxFlushSource(() => Promise.reject(new Error('journal write failed')));
    answerFlushRequests(bridgeFor(1));
    const reports: unknown[] = [];
    const original = guard.report.bind(guard);
    guard.report = (senderId, report) => {
      reports.push(report);
      original(senderId, report);
    };
    let outcome: string | undefined;
    void guard.waitUntilSafe().then((result) => (outcome = result));
    await settle();
    expect(reports).toEqual([{ requestId: 'request-1', inFlight: 0, persisted: false }]);
    expect(outcome).toBeUndefined();
    setOutboxFlushSource(null);
  });

  it('answers at once for a window without an outbox', async () => {
    const { guard, bridgeFor } = setup([3]);
    setOutboxFlushSource(null);
    answerFlushRequests(bridgeFor(3));
    expect(await guard.waitUntilSafe()).toBe('safe');
  });
});
