/**
 * Preparing a document's first view before anyone opens it: page 1 drawn at the size the viewer
 * will show it and remembered (page-preview.ts), so that even the first open of a cached
 * document shows page 1 at once, and a large document's view index, so that pdf.js opens it
 * quickly behind that picture. The viewer does this in the background for the other documents
 * of the case on screen (the ones a case worker on the phone opens next), newest first, one at a
 * time, only while pages are idle; the sync worker does the same for documents as they arrive
 * (sync/prepare-round.ts), for the layout reported here. Preparing does not count as using a
 * document (eviction order), and a file that does not open is not tried again until its bytes
 * change.
 */
import type { DocumentId } from '../../../shared/domain/ids.ts';
import { openingRequest, type OpeningView } from '../../pdf/first-view.ts';
import { PdfOpenError, type RenderJob } from '../../pdf/index.ts';
import type { Session } from '../../session/session.ts';
import { releaseCanvas } from './display-canvas.ts';
import { decodePreview, previewMatches } from './page-preview.ts';
import { openPdfFrom, readInPieces, recordIndexOf, rememberPreview } from './use-open-document.ts';
import { fitSpace } from './zoom.ts';

/** At most this many documents of a case are prepared per document viewed, newest first. */
export const PREPARE_AT_MOST = 20;

/** The layout a document opens in, in a pages pane of this size: thumbnails shown, page width. */
export function openingViewOf(pane: { width: number; height: number }): OpeningView {
  return { fitWidth: fitSpace(pane).width, pixelRatio: window.devicePixelRatio || 1 };
}

/** Tells the sync worker the layout documents open in, for the first views it prepares on arrival. */
export function reportOpeningView(session: Session, pane: { width: number; height: number }): Promise<void> {
  return session.openingView.save(openingViewOf(pane));
}

/** Prepares one document's first view (nothing when it is already prepared for this size). */
export function prepareFirstView(
  session: Session,
  documentId: DocumentId,
  pane: { width: number; height: number },
): RenderJob {
  const abort = new AbortController();
  const view = openingViewOf(pane);
  const done = (async () => {
    let content = await session.contents.openChunked(documentId, { markUsed: false });
    // Failed for exactly these bytes before (damaged, protected): not again until they change.
    if (content.failure) return;
    // A large document gets its view index first: drawing page 1 below then reads the index and
    // page 1's chunk instead of walking the whole file a second time.
    if (readInPieces(content) && !content.viewIndex) {
      await recordIndexOf(session, documentId, content, abort.signal);
      if (abort.signal.aborted) return;
      content = await session.contents.openChunked(documentId, { markUsed: false });
    }
    const stored = content.preview ? decodePreview(content.preview) : null;
    if (stored && previewMatches(stored.header, openingRequest(view, stored.header.firstPage))) return;
    if (abort.signal.aborted) return;
    let doc;
    try {
      doc = await openPdfFrom(session, documentId, content, abort.signal);
    } catch (error) {
      if (error instanceof PdfOpenError && !abort.signal.aborted && error.code !== 'unreadable')
        await content.saveFailure(error.code);
      throw error;
    }
    const canvas = document.createElement('canvas');
    try {
      const firstPage = await doc.pageInfo(1);
      const request = openingRequest(view, firstPage);
      const job = doc.render(1, canvas, request);
      abort.signal.addEventListener('abort', () => job.cancel(), { once: true });
      await job.done;
      if (!abort.signal.aborted)
        await rememberPreview(
          content,
          { pageNumber: 1, canvas, request, fromPreview: false },
          doc.pageCount,
          firstPage,
        );
    } finally {
      releaseCanvas(canvas);
      await doc.destroy();
    }
  })();
  return { done, cancel: () => abort.abort() };
}

/** The other documents of a case whose bytes are on this device, newest first. */
export async function documentsToPrepare(session: Session, caseId: string, current: DocumentId): Promise<DocumentId[]> {
  // Already newest first (by date received).
  const documents = (await session.documents.listForCase(caseId)).filter((d) => d.id !== current);
  const contents = await Promise.all(documents.map((d) => session.contents.get(d.id)));
  return documents
    .filter((_, i) => contents[i]?.state === 'complete')
    .slice(0, PREPARE_AT_MOST)
    .map((d) => d.id);
}
