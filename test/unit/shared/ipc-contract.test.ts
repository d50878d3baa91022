/**
 * Contract tests: main's handler registration and the preload bridge, connected over an in-memory
 * transport in Node, with the very functions the Electron adapter wires up.
 */
import { describe, expect, it } from 'vitest';
import { createDesktopBridge, type DesktopBridge } from '../../../src/shared/ipc/bridge.ts';
import { IpcError } from '../../../src/shared/ipc/envelope.ts';
import { registerIpcHandlers, type IpcHandlers, type IpcSenderEvent } from '../../../src/shared/ipc/register.ts';
import { DEFAULT_POLICY } from '../../../src/shared/policy/policy.ts';
import { readPolicy } from '../../../src/shared/settings/resolve-settings.ts';
import { bytesToBase64 } from '../../../src/shared/util/base64.ts';
import { createIpcHandlers } from '../../../src/main/ipc-handlers.ts';
import { isTrustedSender } from '../../../src/main/trust.ts';
import { fakeMainServices } from '../../support/main-services.ts';

type Listener = (event: IpcSenderEvent, arg: unknown) => Promise<unknown>;

function setup(
  options: { senderId?: number; senderUrl?: string; handlers?: Partial<IpcHandlers>; policyText?: string } = {},
) {
  const registered = new Map<string, Listener>();
  const warnings: string[] = [];
  const appWindows = new Set([7]);
  const { services, recorded } = fakeMainServices(options.policyText ? { policy: readPolicy(options.policyText) } : {});
  const handlers = { ...createIpcHandlers(services), ...options.handlers };
  const unregister = registerIpcHandlers(
    {
      handle: (channel, listener) => registered.set(channel, listener),
      removeHandler: (channel) => registered.delete(channel),
    },
    handlers,
    { isTrustedSender: (event) => isTrustedSender(event, appWindows), logger: { warn: (m) => warnings.push(m) } },
  );
  const event: IpcSenderEvent = {
    sender: { id: options.senderId ?? 7 },
    senderFrame: { url: options.senderUrl ?? 'app://e-akte/workspace.html' },
  };
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: DesktopBridge = createDesktopBridge({
    invoke: async (channel, arg) => {
      const listener = registered.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      // Structured clone, as Electron's IPC does.
      return structuredClone(await listener(event, structuredClone(arg)));
    },
    subscribe: (name, listener) => {
      const set = eventListeners.get(name) ?? new Set();
      set.add(listener);
      eventListeners.set(name, set);
      return () => set.delete(listener);
    },
  });
  const emit = (name: string, payload: unknown) => eventListeners.get(name)?.forEach((l) => l(payload));
  return { bridge, registered, warnings, recorded, unregister, emit };
}

async function rejection(promise: Promise<unknown>): Promise<IpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IpcError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('IPC contract over an in-memory transport', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { registered, unregister } = setup();
    expect([...registered.keys()].sort()).toEqual([
      'app:getInfo',
      'app:getPolicy',
      'journal:acknowledge',
      'journal:append',
      'journal:read',
      'journal:readKeyWrap',
      'journal:saveKeyWrap',
      'letters:templates',
      'log:write',
      'outbox:report',
      'secrets:isAvailable',
      'secrets:protect',
      'secrets:unprotect',
      'settings:get',
      'settings:set',
      'updates:check',
      'updates:download',
      'updates:getState',
      'windows:displays',
      'windows:focusWorkspace',
      'windows:openViewer',
    ]);
    unregister();
    expect(registered.size).toBe(0);
  });

  it('round-trips a valid call', async () => {
    const { bridge, recorded } = setup();
    await expect(bridge.app.getInfo()).resolves.toEqual({
      name: 'E-Akte Desktop',
      version: '1.2.3',
      platform: 'linux',
      shell: 'electron',
    });
    await expect(bridge.app.getPolicy()).resolves.toEqual(DEFAULT_POLICY);
    await bridge.windows.openViewer({ documentId: 'doc-1' });
    expect(recorded.viewers).toEqual(['doc-1']);
    const plaintext = bytesToBase64(new Uint8Array([1, 2, 3, 250]));
    const { sealed } = await bridge.secrets.protect({ plaintext });
    expect(sealed).not.toBe(plaintext);
    await expect(bridge.secrets.unprotect({ sealed })).resolves.toEqual({ plaintext });
  });

  it('refuses an argument that fails its schema, without calling the handler', async () => {
    const { bridge, recorded, warnings } = setup();
    const error = await rejection(bridge.windows.openViewer({ documentId: '../../etc/passwd' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/invalid argument for windows:openViewer: documentId: Ungültige Kennung/);
    expect(recorded.viewers).toEqual([]);
    const extra = await rejection(bridge.windows.openViewer({ documentId: 'd1', evil: true } as never));
    expect(extra.code).toBe('invalid-argument');
    expect(recorded.viewers).toEqual([]);
    expect(warnings).toContain('IPC argument refused');
  });

  it('refuses a call from a webContents the app did not create', async () => {
    const { bridge, recorded } = setup({ senderId: 99 });
    const error = await rejection(bridge.windows.openViewer({}));
    expect(error.code).toBe('untrusted-sender');
    expect(recorded.viewers).toEqual([]);
  });

  it('refuses a call from an app window that shows a foreign page', async () => {
    const { bridge } = setup({ senderUrl: 'https://example.invalid/phish.html' });
    expect((await rejection(bridge.app.getInfo())).code).toBe('untrusted-sender');
  });

  it('refuses a handler result outside the contract', async () => {
    const { bridge } = setup({ handlers: { 'app:getInfo': () => ({ name: 'x' }) as never } });
    expect((await rejection(bridge.app.getInfo())).code).toBe('invalid-result');
  });

  it('passes a handler error code through and hides unexpected errors', async () => {
    const { bridge } = setup({
      handlers: {
        'secrets:isAvailable': () => {
          throw new Error('internal detail');
        },
      },
    });
    const error = await rejection(bridge.secrets.isAvailable());
    expect(error.code).toBe('handler-failed');
    expect(error.message).not.toContain('internal detail');
    const broken = await rejection(bridge.secrets.unprotect({ sealed: bytesToBase64(new Uint8Array([9, 9])) }));
    expect(broken.code).toBe('unprotect-failed');
  });

  it('answers settings with what is locked and why, and refuses locked fields with a code', async () => {
    const { bridge } = setup({
      policyText: JSON.stringify({ cacheBudgetBytes: 4 * 1024 ** 3, updateMode: 'sometimes' }),
    });
    const snapshot = await bridge.settings.get();
    expect(snapshot.locked).toEqual(['cacheBudgetBytes', 'updateMode']);
    expect(snapshot.warnings).toEqual([{ code: 'policy-invalid-value', field: 'updateMode' }]);
    expect(snapshot.keyring).toBe('os');
    const result = await bridge.settings.set({ language: 'en', cacheBudgetBytes: 1024 ** 3 });
    expect(result.applied).toEqual(['language']);
    expect(result.refused).toEqual([{ field: 'cacheBudgetBytes', code: 'locked' }]);
    expect(result.snapshot.effective.language).toBe('en');
    await expect(bridge.app.getPolicy()).resolves.toMatchObject({ cacheBudgetBytes: 4 * 1024 ** 3 });
  });

  it('lists the displays, and refuses a list outside the contract', async () => {
    const { bridge } = setup();
    const list = await bridge.windows.displays();
    expect(list.managed).toBe(true);
    expect(list.displays.map((d) => [d.number, d.key, d.viewer])).toEqual([
      [1, '0,0,1920x1080', false],
      [2, '1920,0,2560x1440', true],
    ]);
    const empty = setup({
      handlers: { 'windows:displays': () => ({ displays: [], autoKey: '0,0,1x1', managed: true }) },
    });
    expect((await rejection(empty.bridge.windows.displays())).code).toBe('invalid-result');
    const badKey = setup({
      handlers: {
        'windows:displays': () => ({ ...list, autoKey: 'Bildschirm 2' }),
      },
    });
    expect((await rejection(badKey.bridge.windows.displays())).code).toBe('invalid-result');
  });

  it('refuses a cache budget above IT’s ceiling with invalid-value, and a viewer display that is no key', async () => {
    const { bridge } = setup({ policyText: JSON.stringify({ cacheBudgetCeilingBytes: 4 * 1024 ** 3 }) });
    const result = await bridge.settings.set({
      cacheBudgetBytes: 16 * 1024 ** 3,
      viewerDisplay: 'links',
      cacheBudgetCeilingBytes: 64 * 1024 ** 3,
    });
    expect(result.applied).toEqual([]);
    expect(result.refused).toEqual([
      { field: 'cacheBudgetBytes', code: 'invalid-value' },
      { field: 'viewerDisplay', code: 'invalid-value' },
      { field: 'cacheBudgetCeilingBytes', code: 'locked' },
    ]);
    const chosen = await bridge.settings.set({ viewerDisplay: '1920,0,2560x1440', cacheBudgetBytes: 4 * 1024 ** 3 });
    expect(chosen.applied).toEqual(['viewerDisplay', 'cacheBudgetBytes']);
    expect(chosen.snapshot.effective).toMatchObject({
      viewerDisplay: '1920,0,2560x1440',
      cacheBudgetBytes: 4 * 1024 ** 3,
      cacheBudgetCeilingBytes: 4 * 1024 ** 3,
    });
  });

  it('carries renderer log lines and outbox reports with the sender, within their limits', async () => {
    const { bridge, recorded } = setup();
    await bridge.log.write({ level: 'info', module: 'sync/pull', message: 'page applied', fields: { changes: 3 } });
    await bridge.outbox.report({ requestId: 'r1', inFlight: 0, persisted: true });
    expect(recorded.logs).toEqual([
      [{ level: 'info', module: 'sync/pull', message: 'page applied', fields: { changes: 3 } }, 7],
    ]);
    expect(recorded.reports).toEqual([[7, { requestId: 'r1', inFlight: 0, persisted: true }]]);
    const long = await rejection(bridge.log.write({ level: 'info', module: 'viewer', message: 'x'.repeat(201) }));
    expect(long.code).toBe('invalid-argument');
    const negative = await rejection(bridge.outbox.report({ requestId: 'r1', inFlight: -1, persisted: true }));
    expect(negative.code).toBe('invalid-argument');
    expect(recorded.logs).toHaveLength(1);
    await expect(bridge.updates.getState()).resolves.toEqual({ phase: 'idle' });
  });

  it('delivers only events whose payload matches the contract', () => {
    const { bridge, emit } = setup();
    const seen: boolean[] = [];
    const stop = bridge.on('windows:viewerVisibility', ({ visible }) => seen.push(visible));
    emit('windows:viewerVisibility', { visible: true });
    emit('windows:viewerVisibility', { visible: 'yes' });
    stop();
    emit('windows:viewerVisibility', { visible: false });
    expect(seen).toEqual([true]);
    expect(() => bridge.on('no:such' as never, () => undefined)).toThrow(IpcError);
  });
});

describe('handler map typing', () => {
  it('does not compile without every channel', () => {
    // @ts-expect-error — a handler map without 'secrets:unprotect' must not compile.
    const incomplete: IpcHandlers = {
      'app:getInfo': () => ({ name: 'a', version: '1', platform: 'linux', shell: 'electron' }),
      'app:getPolicy': () => DEFAULT_POLICY,
      'windows:openViewer': () => undefined,
      'windows:focusWorkspace': () => undefined,
      'secrets:isAvailable': () => true,
      'secrets:protect': () => ({ sealed: '' }),
    };
    expect(Object.keys(incomplete)).toHaveLength(6);
  });
});
