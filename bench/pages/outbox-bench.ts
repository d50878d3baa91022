/**
 * The in-page half of `npm run bench -- outbox`: the client's own outbox code in Chromium, driven
 * by bench/outbox.ts through `window.outboxBench`. Served on the app's origin, so that it can also
 * join the session of a signed-in workspace window, as the viewer window does.
 */
import { Dexie } from 'dexie';
import { createCacheKey } from '../../src/renderer/data/crypto/key-wrap.ts';
import { cacheDbName } from '../../src/renderer/data/db.ts';
import { createOutboxStore } from '../../src/renderer/data/repos/outbox-store.ts';
import { openSessionChannel } from '../../src/renderer/session/session-channel.ts';
import { openSession, type OpenedSession as Session } from '../../src/renderer/session/session.ts';
import { createApiClient } from '../../src/renderer/api/api-client.ts';
import { pull } from '../../src/renderer/sync/pull.ts';
import { planBatches, push } from '../../src/renderer/sync/push.ts';

async function queueNotes(session: Session, cases: number, perCase: number, prefix: string): Promise<string[]> {
  const caseIds = (await session.cases.list()).slice(0, cases).map((c) => c.case.id);
  if (caseIds.length < cases) throw new Error(`only ${caseIds.length} cases cached`);
  const texts: string[] = [];
  for (let k = 0; k < perCase; k++)
    for (const caseId of caseIds) {
      const text = `${prefix} ${caseId} ${k}`;
      await session.notes.create(caseId, text);
      texts.push(text);
    }
  return texts;
}

type Prepared = { session: Session; api: ReturnType<typeof createApiClient>; batches: number; userId: string };
let prepared: Prepared | null = null;

/** Queues `cases × perCase` notes in a session of its own; answers the batches push will send. */
async function prepareDelivery(serverUrl: string, cases: number, perCase: number): Promise<{ batches: number }> {
  let token = '';
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => token });
  const login = await api.login('demo', 'demo');
  token = login.accessToken;
  await Dexie.delete(cacheDbName(login.user.id));
  const session = openSession(login.user, (await createCacheKey()).keys);
  await pull(api, session.db, session.cipher);
  await queueNotes(session, cases, perCase, 'Sammelvermerk');
  const store = createOutboxStore(session.db, session.cipher, () => Date.now());
  const items = (await store.deliverable(100)).flatMap((d) => (d.kind === 'mutation' ? [d] : []));
  prepared = { session, api, batches: planBatches(items).length, userId: login.user.id };
  return { batches: prepared.batches };
}

/** Delivers what prepareDelivery queued, by push alone, timed. */
async function runDelivery(): Promise<{ ms: number }> {
  const { session, api, userId } = prepared!;
  const store = createOutboxStore(session.db, session.cipher, () => Date.now());
  const started = performance.now();
  const outcome = await push(store, api);
  const ms = performance.now() - started;
  if (outcome.status !== 'done' || (await session.db.outbox.count()) > 0)
    throw new Error(`not delivered: ${JSON.stringify(outcome)}`);
  session.close();
  await Dexie.delete(cacheDbName(userId));
  return { ms };
}

let joined: Promise<Session> | null = null;

/** The session of the signed-in window beside this page (the key never leaves memory). */
function join(): Promise<Session> {
  joined ??= new Promise((resolve) => {
    const channel = openSessionChannel();
    channel.onSession((shared) => {
      if (shared) resolve(openSession(shared.user, shared.keys));
    });
    channel.request();
  });
  return joined;
}

declare global {
  interface Window {
    outboxBench: {
      prepareDelivery: typeof prepareDelivery;
      runDelivery: typeof runDelivery;
      queueBesideWorkspace(cases: number, perCase: number, prefix: string): Promise<string[]>;
      pendingBesideWorkspace(): Promise<number>;
    };
  }
}

window.outboxBench = {
  prepareDelivery,
  runDelivery,
  queueBesideWorkspace: async (cases, perCase, prefix) => queueNotes(await join(), cases, perCase, prefix),
  pendingBesideWorkspace: async () => (await join()).db.outbox.count(),
};
