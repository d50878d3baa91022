/**
 * The window's session life cycle: sign in (online or offline), open the cache, start sync, share
 * the session with the other window, sign out (the key is dropped from memory).
 */
import { Dexie, liveQuery } from 'dexie';
import type { Policy } from '../../shared/policy/policy.ts';
import { cacheDbName, CacheDb } from '../data/db.ts';
import { KeyringDb } from '../data/keyring.ts';
import type { DesktopApi } from '../platform/desktop-api.ts';
import { createApiClient } from '../sync/api-client.ts';
import { startSyncClient, type SyncClient } from '../sync/sync-client.ts';
import { openSession, type Session } from './session.ts';
import { openSessionChannel, type SharedSession } from './session-channel.ts';
import { SignInError } from './sign-in-errors.ts';
import { signIn, type SignInInput } from './sign-in.ts';
import { saveToken } from './token-store.ts';

export type SessionState =
  | { kind: 'signed-out'; busy: boolean; error: SignInError | null }
  | { kind: 'signed-in'; sessionId: string; session: Session; sync: SyncClient; offline: boolean };

export type SessionControllerOptions = { desktop: DesktopApi; policy: Policy; syncIntervalMs?: number };

async function countUndelivered(userId: string): Promise<number> {
  if (!(await Dexie.exists(cacheDbName(userId)))) return 0;
  const db = new CacheDb(cacheDbName(userId));
  try {
    return await db.outbox.where('status').anyOf('pending', 'failed').count();
  } finally {
    db.close();
  }
}

export function createSessionController({ desktop, policy, syncIntervalMs }: SessionControllerOptions) {
  const keyring = new KeyringDb();
  const channel = openSessionChannel();
  const listeners = new Set<(state: SessionState) => void>();
  let state: SessionState = { kind: 'signed-out', busy: false, error: null };

  const set = (next: SessionState): void => {
    state = next;
    listeners.forEach((l) => l(state));
  };

  function activate(
    shared: SharedSession,
    token: string | null,
    offline: boolean,
  ): { session: Session; sync: SyncClient } {
    const session = openSession(shared.user, shared.cacheKey);
    const sync = startSyncClient({
      userId: shared.user.id,
      serverUrl: shared.serverUrl,
      token,
      cacheKey: shared.cacheKey,
      cacheBudgetBytes: shared.cacheBudgetBytes,
      ...(syncIntervalMs ? { intervalMs: syncIntervalMs } : {}),
    });
    // Every new outbox entry, from whichever window or feature, is a "local change" trigger.
    let pending = -1;
    const outboxWatch = liveQuery(() => session.db.outbox.where('status').equals('pending').count()).subscribe({
      next: (count) => {
        if (pending >= 0 && count > pending) sync.localChange();
        pending = count;
      },
    });
    stopWatching = () => outboxWatch.unsubscribe();
    set({ kind: 'signed-in', sessionId: shared.sessionId, session, sync, offline });
    return { session, sync };
  }

  let stopWatching = (): void => undefined;

  function deactivate(): void {
    stopWatching();
    if (state.kind === 'signed-in') {
      state.sync.stop();
      state.session.close();
    }
  }

  return {
    get state(): SessionState {
      return state;
    },
    subscribe(listener: (state: SessionState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async signIn(input: SignInInput): Promise<void> {
      if (state.kind === 'signed-in') return;
      set({ kind: 'signed-out', busy: true, error: null });
      const api = createApiClient({ baseUrl: policy.serverUrl, getToken: () => null });
      try {
        const result = await signIn(input, {
          login: (u, p) => api.login(u, p),
          device: {
            isAvailable: () => desktop.secrets.isAvailable(),
            protect: async (plaintext) => (await desktop.secrets.protect({ plaintext })).sealed,
            unprotect: async (sealed) => (await desktop.secrets.unprotect({ sealed })).plaintext,
          },
          keyring,
          maxOfflineDays: policy.maxOfflineDays,
          pendingOutbox: countUndelivered,
          deleteCache: (userId) => Dexie.delete(cacheDbName(userId)),
        });
        const shared: SharedSession = {
          sessionId: crypto.randomUUID(),
          user: result.user,
          cacheKey: result.cacheKey,
          serverUrl: policy.serverUrl,
          cacheBudgetBytes: policy.cacheBudgetBytes,
        };
        const { session, sync } = activate(shared, result.token?.accessToken ?? null, result.offline);
        if (result.token) {
          await saveToken(session.db, session.cipher, result.token);
          sync.setToken(result.token.accessToken);
        }
        channel.share(shared);
        void navigator.storage?.persist?.().catch(() => false);
      } catch (error) {
        const failure =
          error instanceof SignInError
            ? error
            : new SignInError('server', 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.');
        set({ kind: 'signed-out', busy: false, error: failure });
      }
    },

    signOut(): void {
      deactivate();
      channel.share(null);
      set({ kind: 'signed-out', busy: false, error: null });
    },

    /**
     * Follows the other windows: takes over a session signed in elsewhere (so a reloaded or newly
     * opened window needs no second sign-in) and signs out when another window signs out.
     */
    follow(): () => void {
      const stop = channel.onSession((shared) => {
        if (!shared) {
          deactivate();
          set({ kind: 'signed-out', busy: false, error: null });
          return;
        }
        if (state.kind === 'signed-in' && state.sessionId === shared.sessionId) return;
        deactivate();
        activate(shared, null, false);
        channel.share(shared);
      });
      channel.request();
      return stop;
    },

    dispose(): void {
      deactivate();
      channel.close();
      keyring.close();
    },
  };
}
export type SessionController = ReturnType<typeof createSessionController>;
