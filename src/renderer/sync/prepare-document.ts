/**
 * Prepares one document's first view in the background, as its bytes arrive: reads the bytes
 * (without counting as a use: the eviction order stays), has the first-view worker record the
 * view index and draw page 1 at the size the document will open with, and stores both beside the
 * chunks. A file that does not open is marked for exactly these bytes and not tried again until
 * they change. Nothing is audited: nobody has seen the document.
 */
import { concatBytes } from '../../shared/util/bytes.ts';
import { ContentNotCachedError, type ContentsRepo } from '../data/repos/contents.ts';
import type { FirstViewDrawer } from '../pdf/first-view-drawer.ts';
import { opensInPieces, type OpeningView } from '../pdf/first-view.ts';
import type { PrepareWork } from './prepare-plan.ts';

export type PrepareDocumentDeps = {
  contents: Pick<ContentsRepo, 'openChunked'>;
  drawer: FirstViewDrawer;
  /** The layout the viewer window last reported; null: the view index only. */
  view: OpeningView | null;
  /** pdf.js's resource folder, absolute. */
  resources: string;
  /** Whether `bytes` more may be stored beside the chunks (the cache budget). */
  fits?: (bytes: number) => Promise<boolean>;
};

export type PrepareOutcome =
  | 'prepared'
  /** Nothing to do (already prepared, gone, or failed before for these bytes). */
  | 'skipped'
  /** The file does not open; kept against its bytes. */
  | 'failed'
  /** Stopped because the machine was needed; to be tried again. */
  | 'cancelled'
  /** The worker could not draw just now; to be tried again later. */
  | 'unavailable'
  /** No room in the cache budget for it. */
  | 'full';

export async function prepareDocument(
  deps: PrepareDocumentDeps,
  work: PrepareWork,
  signal: AbortSignal,
): Promise<PrepareOutcome> {
  let content;
  try {
    content = await deps.contents.openChunked(work.documentId, { markUsed: false });
  } catch (error) {
    if (error instanceof ContentNotCachedError) return 'skipped';
    throw error;
  }
  if (content.failure) return 'skipped';
  const recordIndex = work.index && opensInPieces(content) && !content.viewIndex;
  const view = work.picture && !content.preview ? deps.view : null;
  if (!recordIndex && !view) return 'skipped';
  if (signal.aborted) return 'cancelled';

  const count = Math.ceil(content.byteSize / content.chunkSize);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = concatBytes(await Promise.all(Array.from({ length: count }, (_, i) => content.readChunk(i))));
  } catch {
    // Gone meanwhile (evicted, a new version) or damaged: the viewer deals with that on opening.
    return 'skipped';
  }
  const outcome = await deps.drawer.prepare(
    { bytes, chunkSize: content.chunkSize, recordIndex, view, resources: deps.resources },
    signal,
  );
  if (outcome.status === 'failed') {
    if (outcome.code === 'cancelled') return 'cancelled';
    if (outcome.code === 'unavailable') return 'unavailable';
    await content.saveFailure(outcome.code);
    return 'failed';
  }
  const viewIndex = recordIndex ? outcome.viewIndex : null;
  const size = (viewIndex?.byteLength ?? 0) + (outcome.preview?.byteLength ?? 0);
  if (deps.fits && !(await deps.fits(size))) return 'full';
  if (viewIndex) await content.saveViewIndex(viewIndex);
  if (outcome.preview) await content.savePreview(outcome.preview);
  return 'prepared';
}
