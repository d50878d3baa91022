/**
 * The window's session life cycle: sign in (online or offline), open the cache, start sync, share
 * the session with the other window, sign out (the key is dropped from memory).
 */
import { Dexie, liveQuery } from 'dexie';
import type { Policy } from '../../shared/policy/policy.ts';
import { cacheDbName, CacheDb } from '../data/db.ts';
import { desktopJournal, followOutbox, restoreFromJournal } from '../data/journal.ts';
import { KeyringDb } from '../data/keyring.ts';
import type { DesktopApi } from '../platform/desktop-api.ts';
import { createApiClient } from '../api/api-client.ts';
import { setOutboxFlushSource } from '../platform/outbox-guard.ts';
import type { SyncStatus } from '../sync/status.ts';
import { startSyncClient, type SyncClient } from '../sync/sync-client.ts';
import { openSession, type OpenedSession, type Session } from './session.ts';
import { openSessionChannel, type SharedSession } from './session-channel.ts';
import { observeTime } from './keyring-entry.ts';
import { countUndelivered, setAsidePending } from './set-aside.ts';
import { SignInError, signInErrors, type SignInNotice } from './sign-in-errors.ts';
import { signIn, type SignInInput } from './sign-in.ts';
import { loadToken, saveToken } from '../data/repos/token.ts';

/** The journal beside the outbox: `failing` when the last write to it did not succeed. */
export type JournalHealth = 'ok' | 'failing';

export type SessionState =
  | { kind: 'signed-out'; busy: boolean; error: SignInError | null }
  | {
      kind: 'signed-in';
      sessionId: string;
      session: Session;
      sync: SyncClient;
      offline: boolean;
      journal: JournalHealth;
      /** Entries brought back from the journal at this start (IndexedDB had lost them). */
      restored: number;
      /** What the sign-in has to tell the user (key store lost, entries set aside); null once read. */
      notice: SignInNotice | null;
    };

export type SessionControllerOptions = { desktop: DesktopApi; policy: Policy; syncIntervalMs?: number };

/** How often a running session records the time it has seen (see sign-in-clock.ts). */
const OBSERVE_TIME_MS = 5 * 60_000;

export function createSessionController({ desktop, policy, syncIntervalMs }: SessionControllerOptions) {
  const keyring = new KeyringDb();
  const channel = openSessionChannel();
  const listeners = new Set<(state: SessionState) => void>();
  let state: SessionState = { kind: 'signed-out', busy: false, error: null };

  const set = (next: SessionState): void => {
    state = next;
    listeners.forEach((l) => l(state));
  };

  /** Counts activations, so that one overtaken by a sign-out or another session stops halfway. */
  let generation = 0;

  /**
   * Opens the session: first what the journal holds and IndexedDB lost is restored, then the
   * journal follows the outbox, then sync starts (so delivery never runs ahead of the restore).
   */
  async function activate(
    shared: SharedSession,
    token: string | null,
    offline: boolean,
    notice: SignInNotice | null = null,
  ): Promise<{ session: OpenedSession; sync: SyncClient } | null> {
    const mine = ++generation;
    const session = openSession(shared.user, shared.keys);
    const journal = desktopJournal(desktop, shared.user.id);
    let journalHealth: JournalHealth = 'ok';
    let restored = 0;
    let known: readonly string[] = [];
    try {
      const result = await restoreFromJournal(session.db, session.cipher, journal);
      restored = result.restored;
      known = result.journaled;
    } catch {
      journalHealth = 'failing';
    }
    if (mine !== generation) {
      session.close();
      return null;
    }
    const markJournal = (health: JournalHealth): void => {
      journalHealth = health;
      if (state.kind === 'signed-in' && state.session === session && state.journal !== health)
        set({ ...state, journal: health });
    };
    const follower = followOutbox(session.db, session.cipher, journal, known, () => markJournal('failing'));
    const sync = startSyncClient({
      userId: shared.user.id,
      serverUrl: shared.serverUrl,
      token,
      cacheKey: shared.keys.cacheKey,
      indexKey: shared.keys.indexKey,
      cacheBudgetBytes: shared.cacheBudgetBytes,
      outboxRetentionDays: policy.outboxRetentionDays,
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
    // Before an update installs on quit, main asks whether deliveries are in flight and the
    // outbox is persisted (see platform/outbox-guard.ts).
    let latest: SyncStatus | null = null;
    const stopStatus = sync.onStatus((status) => {
      latest = status;
    });
    setOutboxFlushSource(async () => {
      const deadline = Date.now() + 10_000;
      while (latest?.push.state === 'sending' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await follower.drained();
      // Entries are in IndexedDB with strict durability either way; the journal is the second copy.
      return { inFlight: latest?.push.state === 'sending' ? 1 : 0, persisted: true };
    });
    // A clock set back while the app runs is caught at the next offline sign-in.
    const observe = (): void => {
      void observeTime(keyring, session.cipher, shared.user.id, Date.now()).catch(() => undefined);
    };
    observe();
    const observer = setInterval(observe, OBSERVE_TIME_MS);
    stopWatching = () => {
      clearInterval(observer);
      outboxWatch.unsubscribe();
      follower.stop();
      stopStatus();
      setOutboxFlushSource(null);
    };
    opened = session;
    set({
      kind: 'signed-in',
      sessionId: shared.sessionId,
      session,
      sync,
      offline,
      journal: journalHealth,
      restored,
      notice,
    });
    return { session, sync };
  }

  let stopWatching = (): void => undefined;
  /** The open session with its database, which only the controller holds. */
  let opened: OpenedSession | null = null;

  function deactivate(): void {
    generation++;
    stopWatching();
    stopWatching = () => undefined;
    if (state.kind === 'signed-in') {
      state.sync.stop();
      state.session.close();
    }
    opened = null;
  }

  return {
    get state(): SessionState {
      return state;
    },
    /** The effective policy this session runs under. */
    policy,
    subscribe(listener: (state: SessionState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async signIn(input: SignInInput): Promise<void> {
      if (state.kind === 'signed-in') return;
      set({ kind: 'signed-out', busy: true, error: null });
      const api = createApiClient({ baseUrl: policy.serverUrl, getToken: () => null });
      const deleteCache = (userId: string) => Dexie.delete(cacheDbName(userId));
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
          pendingOutbox: (userId) => countUndelivered(keyring, desktopJournal(desktop, userId), userId),
          setAside: (userId, reason, wrap) =>
            setAsidePending({ keyring, journal: desktopJournal(desktop, userId), deleteCache }, userId, reason, wrap),
          deleteCache,
          keyWrapBackup: {
            read: async (userId) => (await desktop.journal.readKeyWrap({ userId })).wrap,
            // In Electron the desktop's key lives in the OS key store and survives the loss of
            // IndexedDB; browser mode's stand-in lives in the very IndexedDB that may be lost, so
            // there the copy is the password's wrap alone (no weaker than the profile itself).
            save: async (userId, wrap, passwordOnly) => {
              const { shell } = await desktop.app.getInfo();
              await desktop.journal.saveKeyWrap({
                userId,
                wrap: shell === 'browser' ? { keyWrap: passwordOnly, deviceSealed: false } : wrap,
              });
            },
          },
        });
        const shared: SharedSession = {
          sessionId: crypto.randomUUID(),
          user: result.user,
          keys: result.keys,
          serverUrl: policy.serverUrl,
          cacheBudgetBytes: policy.cacheBudgetBytes,
        };
        const active = await activate(shared, result.token?.accessToken ?? null, result.offline, result.notice);
        if (!active) return;
        const { session, sync } = active;
        if (result.token) {
          await saveToken(session.db, session.cipher, result.token);
          sync.setToken(result.token.accessToken);
        }
        channel.share(shared);
        void navigator.storage?.persist?.().catch(() => false);
      } catch (error) {
        const failure = error instanceof SignInError ? error : signInErrors.server();
        set({ kind: 'signed-out', busy: false, error: failure });
      }
    },

    /** The user has read the sign-in's notice. */
    dismissNotice(): void {
      if (state.kind === 'signed-in' && state.notice) set({ ...state, notice: null });
    },

    signOut(): void {
      // The service revokes the token at once (best effort: offline, it expires by itself).
      if (state.kind === 'signed-in' && opened) {
        // Its own connection: the session's closes right below.
        const db = new CacheDb(cacheDbName(opened.user.id));
        void loadToken(db, opened.cipher)
          .then((token) =>
            token
              ? createApiClient({ baseUrl: policy.serverUrl, getToken: () => token.accessToken }).logout()
              : undefined,
          )
          .catch(() => undefined)
          .finally(() => db.close());
      }
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
        void activate(shared, null, false).then((active) => {
          if (active) channel.share(shared);
        });
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
