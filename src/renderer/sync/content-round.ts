/**
 * One round of fetching document bytes: the missing documents in priority order (content-plan.ts),
 * several downloads at a time, within the byte budget. Urgent requests (a document the user opens)
 * jump the queue while the round runs.
 */
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { CacheDb } from '../data/db.ts';
import { contentsInStates, type ContentsRepo } from '../data/repos/contents.ts';
import type { ApiClient } from '../api/api-client.ts';
import { NetworkError, ServerError, StorageFullError, UnauthorizedError } from '../api/api-errors.ts';
import { fetchContent } from './content-fetch.ts';
import { prioritise, type ContentCandidate } from './content-plan.ts';
import type { StorageRoom } from './storage-room.ts';
import type { Wakeup } from './wakeup.ts';

/** The documents the user is opening, and the signal that one more was asked for. */
export type UrgentRequests = { readonly ids: Set<string>; readonly arrived: Wakeup };

export type ContentRoundDeps = {
  /** Waits while the user is clicking or typing (see quiet.ts `userPaused`). */
  yieldToUser?: (signal: AbortSignal) => Promise<void>;
  /** Whether the user has paused now (see quiet.ts `hasPaused`); asked again when a write's turn comes. */
  userHasPaused?: () => boolean;
  api: ApiClient;
  db: CacheDb;
  cipher: CacheCipher;
  contents: ContentsRepo;
  room: StorageRoom;
  concurrency: number;
  /** Cases the user opened lately, most recent first. */
  recentCases: () => Promise<string[]>;
  signal: AbortSignal;
};

export type ContentProgress = { documents: number; documentsTotal: number; bytes: number; bytesTotal: number };

export type ContentRoundResult =
  | { readonly status: 'nothing-to-do' }
  | { readonly status: 'done' }
  /** Stopped: the network is gone, the token expired or the disk is full. */
  | { readonly status: 'halted'; readonly error: NetworkError | UnauthorizedError | StorageFullError };

/** Documents whose bytes are missing, with the index fields the order needs (nothing is opened). */
async function candidates(db: CacheDb): Promise<ContentCandidate[]> {
  const contents = await contentsInStates(db, ['missing', 'partial']);
  if (!contents.length) return [];
  const documents = await db.documents.bulkGet(contents.map((c) => c.documentId));
  return contents.flatMap((c, k) => {
    const doc = documents[k];
    return doc ? [{ ...c, inbox: doc.status === 'new', receivedOn: doc.receivedOn }] : [];
  });
}

export async function contentRound(
  deps: ContentRoundDeps,
  requests: UrgentRequests,
  onProgress: (progress: ContentProgress, started: boolean) => void,
  onError: (error: unknown) => void,
): Promise<ContentRoundResult> {
  const urgent = requests.ids;
  const queue = prioritise(await candidates(deps.db), { urgent, recentCases: await deps.recentCases() });
  if (!queue.length) return { status: 'nothing-to-do' };
  const progress: ContentProgress = {
    documents: 0,
    documentsTotal: queue.length,
    bytes: 0,
    bytesTotal: queue.reduce((n, c) => n + c.byteSize - c.storedBytes, 0),
  };
  onProgress(progress, true);
  const inFlight = new Set<string>();
  let halt: NetworkError | UnauthorizedError | StorageFullError | null = null;
  // The budget is checked against a running total; the full scan of makeRoom runs only when
  // the next document would not fit.
  const initial = await deps.room.budget();
  let used = initial.used;
  // Chunks are written one at a time across the parallel downloads. IndexedDB runs those writes
  // one after another anyway (they share their stores), but lets them queue: a read the user waits
  // for — the documents of a case just opened — then waits behind one chunk write, not one per
  // download.
  let writing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(write: () => Promise<T>): Promise<T> => {
    const turn = writing.then(write, write);
    writing = turn.catch(() => undefined);
    return turn;
  };

  // A document the user waits for goes on; the others let the user's own reads go first: they
  // wait for the user's pause, and ask again when their turn comes — a write that waited for its
  // turn while the user clicked would otherwise go ahead of the reads the click started. Such a
  // write gives its turn up and waits again, so that it never holds up a document the user waits
  // for behind it.
  const inTurn = async <T>(id: string, write: () => Promise<T>): Promise<T> => {
    const { yieldToUser, userHasPaused } = deps;
    if (!yieldToUser || !userHasPaused) return oneAtATime(write);
    for (;;) {
      deps.signal.throwIfAborted();
      if (!urgent.has(id)) await yieldToUser(deps.signal);
      const done = await oneAtATime(async () => (urgent.has(id) || userHasPaused() ? { value: await write() } : null));
      if (done) return done.value;
    }
  };

  const nextUrgent = (): ContentCandidate | undefined => {
    const urgentIndex = queue.findIndex((c) => urgent.has(c.documentId));
    return urgentIndex >= 0 ? queue.splice(urgentIndex, 1)[0] : undefined;
  };
  const next = (): ContentCandidate | undefined => nextUrgent() ?? queue.shift();

  const worker = async (take: () => ContentCandidate | undefined = next): Promise<void> => {
    for (let item = take(); item && !halt && !deps.signal.aborted; item = take()) {
      const id = item.documentId;
      inFlight.add(id);
      try {
        const need = item.byteSize - item.storedBytes;
        if (used + need > initial.budget) {
          const fits = await deps.room.makeRoom(need, new Set([...urgent, ...inFlight]));
          if (!fits && !urgent.has(id)) continue;
          used = (await deps.room.budget()).used;
        }
        used += need;
        await fetchContent(
          {
            api: deps.api,
            db: deps.db,
            cipher: deps.cipher,
            contents: deps.contents,
            writeChunk: (write) => inTurn(id, () => deps.room.withQuota(write, new Set([...urgent, ...inFlight]))),
            // Its completion takes the documents and their contents too: a case view being read
            // would wait behind it just as behind a chunk.
            writeState: (write) => inTurn(id, write),
            onBytes: (_doc, n) => {
              progress.bytes += n;
              onProgress(progress, false);
            },
          },
          id,
          deps.signal,
        );
        urgent.delete(id);
        progress.documents++;
        onProgress(progress, false);
      } catch (error) {
        if (error instanceof NetworkError || error instanceof UnauthorizedError || error instanceof StorageFullError) {
          halt = error;
        } else if (error instanceof ServerError && error.status === 404) {
          urgent.delete(id); // no longer accessible; the next pull removes it
        } else {
          onError(error);
        }
      } finally {
        inFlight.delete(id);
      }
    }
  };
  // One more lane for the documents the user opens: the others may all be waiting for the user to
  // pause (see inTurn), and a document the user waits for must not wait for a free lane. It sleeps
  // until a document is asked for, and ends with the round.
  const roundOver = new AbortController();
  const laneSignal = AbortSignal.any([deps.signal, roundOver.signal]);
  const urgentLane = async (): Promise<void> => {
    while (!halt && !laneSignal.aborted) {
      await worker(nextUrgent);
      await requests.arrived.wait(60_000, laneSignal);
    }
  };
  const lane = urgentLane();
  await Promise.all(Array.from({ length: deps.concurrency }, () => worker()));
  roundOver.abort();
  await lane;
  return halt ? { status: 'halted', error: halt } : { status: 'done' };
}
