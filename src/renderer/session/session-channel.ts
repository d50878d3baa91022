/**
 * Hands the unlocked session from the window where the user signed in to the other window (the
 * viewer), and tells both when the user signs out. Only the app's own pages share this channel
 * (same origin, same profile); the keys are non-extractable CryptoKeys, never their bytes.
 */
import { z } from 'zod';
import { userSchema, type User } from '../../shared/domain/user.ts';
import type { CacheKeys } from '../data/crypto/cache-keys.ts';

const CHANNEL = 'eakte-session';

const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('request') }),
  z.strictObject({
    type: z.literal('session'),
    sessionId: z.uuid(),
    user: userSchema,
    keys: z.strictObject({ cacheKey: z.instanceof(CryptoKey), indexKey: z.instanceof(CryptoKey) }),
    serverUrl: z.string(),
    cacheBudgetBytes: z.number(),
  }),
  z.strictObject({ type: z.literal('signed-out') }),
]);

/** One sign-in, as the windows share it; `sessionId` tells a window its own session when it echoes back. */
export type SharedSession = {
  sessionId: string;
  user: User;
  keys: CacheKeys;
  serverUrl: string;
  cacheBudgetBytes: number;
};

export type SessionChannel = {
  /** A signed-in window answers requests with its session; null tells the others to sign out. */
  share(session: SharedSession | null): void;
  /** A window without a session asks; `onSession` fires when an answer (or a new sign-in) arrives. */
  request(): void;
  onSession(listener: (session: SharedSession | null) => void): () => void;
  close(): void;
};

export function openSessionChannel(): SessionChannel {
  const channel = new BroadcastChannel(CHANNEL);
  let shared: SharedSession | null = null;
  const listeners = new Set<(session: SharedSession | null) => void>();
  const announce = (): void => {
    if (shared) channel.postMessage({ type: 'session', ...shared });
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = messageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'request') announce();
    else if (message.type === 'signed-out') listeners.forEach((l) => l(null));
    else {
      const { type: _type, ...session } = message;
      listeners.forEach((l) => l(session));
    }
  };
  return {
    share(session) {
      const wasShared = shared !== null;
      shared = session;
      if (session) announce();
      else if (wasShared) channel.postMessage({ type: 'signed-out' });
    },
    request: () => channel.postMessage({ type: 'request' }),
    onSession(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
