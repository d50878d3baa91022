/**
 * One round of preparing first views in the background (prepare-document.ts), one document at a
 * time, in the order of prepare-plan.ts, only while nothing else needs the machine (quiet.ts): a
 * document in progress is stopped as soon as a pull or a download starts or the user pages or
 * types, and taken up again once it is quiet.
 */
import type { CacheDb } from '../data/db.ts';
import type { ContentsRepo } from '../data/repos/contents.ts';
import type { OpeningView } from '../pdf/first-view.ts';
import { opensInPieces } from '../pdf/first-view.ts';
import type { FirstViewDrawer } from '../pdf/first-view-drawer.ts';
import { prepareDocument, type PrepareOutcome } from './prepare-document.ts';
import { choosePreparations, type PrepareCandidate, type PrepareWork } from './prepare-plan.ts';
import type { Quiet } from './quiet.ts';
import type { StorageRoom } from './storage-room.ts';

export type PrepareRoundDeps = {
  db: CacheDb;
  contents: Pick<ContentsRepo, 'openChunked' | 'viewRecordsPresent'>;
  drawer: FirstViewDrawer;
  /** The layout the viewer window last reported (see data/repos/opening-view.ts). */
  view: () => Promise<OpeningView | null>;
  resources: string;
  quiet: Quiet;
  room: Pick<StorageRoom, 'budget'>;
  signal: AbortSignal;
  /** Each document's outcome, for the engine's log and for tests. */
  onOutcome?: (documentId: string, outcome: PrepareOutcome) => void;
};

/** Documents whose bytes are on the device, with what the order needs (nothing is opened). */
async function candidates(db: CacheDb, contents: PrepareRoundDeps['contents']): Promise<PrepareCandidate[]> {
  const complete = await db.contents.where('state').equals('complete').toArray();
  if (!complete.length) return [];
  const ids = complete.map((c) => c.documentId);
  const [documents, present] = await Promise.all([db.documents.bulkGet(ids), contents.viewRecordsPresent(ids)]);
  return complete.flatMap((c, k) => {
    const doc = documents[k];
    const has = present.get(c.documentId);
    return doc && has
      ? [
          {
            documentId: c.documentId,
            caseId: c.caseId,
            inbox: doc.status === 'new',
            receivedOn: doc.receivedOn,
            inPieces: opensInPieces(c),
            has,
          },
        ]
      : [];
  });
}

export type PrepareRoundResult = { readonly prepared: number; readonly failed: number; readonly full: boolean };

export async function prepareRound(deps: PrepareRoundDeps): Promise<PrepareRoundResult> {
  const view = await deps.view();
  const queue: PrepareWork[] = choosePreparations(await candidates(deps.db, deps.contents), { pictures: !!view });
  let prepared = 0;
  let failed = 0;
  const fits = async (bytes: number): Promise<boolean> => {
    const { budget, used } = await deps.room.budget();
    return used + bytes <= budget;
  };
  for (let i = 0; i < queue.length && !deps.signal.aborted;) {
    await deps.quiet.until(deps.signal);
    if (deps.signal.aborted) break;
    const work = queue[i]!;
    const job = new AbortController();
    const stop = (): void => job.abort();
    deps.signal.addEventListener('abort', stop, { once: true });
    const unsubscribe = deps.quiet.onBusy(stop);
    let outcome: PrepareOutcome;
    try {
      outcome = await prepareDocument(
        { contents: deps.contents, drawer: deps.drawer, view, resources: deps.resources, fits },
        work,
        job.signal,
      );
    } catch {
      outcome = 'unavailable';
    } finally {
      unsubscribe();
      deps.signal.removeEventListener('abort', stop);
    }
    deps.onOutcome?.(work.documentId, outcome);
    // Stopped for something more important: the same document again once it is quiet.
    if (outcome === 'cancelled') continue;
    i++;
    if (outcome === 'prepared') prepared++;
    else if (outcome === 'failed') failed++;
    else if (outcome === 'full') return { prepared, failed, full: true };
    // The worker cannot draw at the moment: the rest waits for the next round.
    else if (outcome === 'unavailable') break;
  }
  return { prepared, failed, full: false };
}
