/**
 * The sync worker. Every window starts one; only the worker holding the Web Lock runs the engine,
 * the others wait in standby and take over when that window closes. So exactly one engine runs
 * across all windows, always off the UI thread.
 */
import { z } from 'zod';
import { CacheCipher } from '../data/crypto/cipher.ts';
import { CacheDb, cacheDbName } from '../data/db.ts';
import { createContentsRepo } from '../data/repos/contents.ts';
import { createOpeningViewRepo } from '../data/repos/opening-view.ts';
import { createFirstViewDrawer } from '../pdf/first-view-drawer.ts';
import { openActivityChannel } from '../platform/activity-channel.ts';
import { engineOutbox } from '../data/repos/outbox-store.ts';
import { systemClock } from '../../shared/util/clock.ts';
import { loadToken } from '../data/repos/token.ts';
import { createApiClient } from '../api/api-client.ts';
import { SyncEngine, type EngineDeps } from './engine.ts';
import { initialStatus } from './status.ts';
import { createStorageRoom } from './storage-room.ts';
import { syncChannelName, syncLockName, syncMessageSchema, type SyncMessage } from './sync-channel.ts';

const startSchema = z.strictObject({
  type: z.literal('start'),
  userId: z.string().min(1).max(64),
  serverUrl: z.url(),
  token: z.string().nullable(),
  cacheKey: z.instanceof(CryptoKey),
  indexKey: z.instanceof(CryptoKey),
  cacheBudgetBytes: z.number().int().positive(),
  outboxRetentionDays: z.number().int().min(1).max(365),
  intervalMs: z.number().int().positive().optional(),
  pdfResources: z.url().optional(),
});

/** The parts of the worker's global scope used here (the renderer project compiles against DOM types). */
const scope = self as unknown as Pick<EventTarget, 'addEventListener'>;
let started = false;

scope.addEventListener('message', (event) => {
  const parsed = startSchema.safeParse((event as MessageEvent<unknown>).data);
  if (!parsed.success || started) return;
  started = true;
  void run(parsed.data);
});

async function run(start: z.infer<typeof startSchema>): Promise<void> {
  const channel = new BroadcastChannel(syncChannelName(start.userId));
  const post = (message: SyncMessage): void => channel.postMessage(message);
  let token = start.token;
  let engine: SyncEngine | null = null;

  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = syncMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'token':
        token = message.token;
        engine?.trigger('token');
        break;
      case 'sync-now':
        engine?.trigger('sync-now');
        break;
      case 'local-change':
        engine?.trigger('local-change');
        break;
      case 'fetch-content':
        engine?.requestContent(message.documentId);
        break;
      case 'status-request':
        post({ type: 'status', status: engine ? engine.current : initialStatus('standby') });
        break;
      case 'status':
        break;
    }
  };

  await navigator.locks.request(syncLockName(start.userId), async () => {
    const db = new CacheDb(cacheDbName(start.userId));
    const cipher = new CacheCipher({ cacheKey: start.cacheKey, indexKey: start.indexKey });
    // Taking over from another window, or after an offline sign-in: the stored token, if valid.
    token ??= (await loadToken(db, cipher))?.accessToken ?? null;
    const estimate = async () => {
      try {
        return await navigator.storage.estimate();
      } catch {
        return null;
      }
    };
    engine = new SyncEngine({
      api: createApiClient({ baseUrl: start.serverUrl, getToken: () => token }),
      db,
      cipher,
      contents: createContentsRepo(db, cipher),
      ...engineOutbox(db, cipher, systemClock),
      retentionDays: start.outboxRetentionDays,
      room: createStorageRoom({ db, policyBudget: start.cacheBudgetBytes, estimate }),
      publish: (status) => post({ type: 'status', status }),
      isOnline: () => navigator.onLine,
      estimate,
      persisted: async () => {
        try {
          return await navigator.storage.persisted();
        } catch {
          return null;
        }
      },
      ...(start.intervalMs ? { intervalMs: start.intervalMs } : {}),
      onUserActivity,
      ...(start.pdfResources ? { firstViews: firstViews(db, start.pdfResources) } : {}),
    });
    scope.addEventListener('online', () => engine?.trigger('online'));
    await engine.run();
  });
}

/** The windows' announcements that the user clicks, pages or types (see activity-channel.ts). */
function onUserActivity(listener: () => void): () => void {
  const channel = openActivityChannel();
  const stop = channel.onActivity(listener);
  return () => {
    stop();
    channel.close();
  };
}

/**
 * Preparing first views of arrived documents: drawn in a worker of its own for the layout the
 * viewer window last reported, paused while any window announces that the user pages or types.
 */
function firstViews(db: CacheDb, resources: string): NonNullable<EngineDeps['firstViews']> {
  const openingView = createOpeningViewRepo(db);
  return {
    drawer: createFirstViewDrawer(),
    resources,
    view: () => openingView.load(),
  };
}
