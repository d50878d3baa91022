/**
 * Preparing a document's first view before anyone opens it: page 1 drawn at the size the viewer
 * will show it and remembered (page-preview.ts), so that even the first open of a cached
 * document shows page 1 at once, and a large document's view index, so that pdf.js opens it
 * quickly behind that picture. The viewer does this in the background for the other documents
 * of the case on screen (the ones a case worker on the phone opens next), one at a time, only
 * while pages are idle. Preparing does not count as using a document (eviction order).
 */
import type { DocumentId } from '../../../shared/domain/ids.ts';
import type { RenderJob } from '../../pdf/index.ts';
import type { Session } from '../../session/session.ts';
import { releaseCanvas } from './display-canvas.ts';
import { decodePreview, previewMatches } from './page-preview.ts';
import { openPdfFrom, readInPieces, recordIndexOf, rememberPreview } from './use-open-document.ts';
import { viewScale } from './zoom.ts';

/** At most this many documents of a case are prepared per document viewed, newest first. */
export const PREPARE_AT_MOST = 20;

/** How a document opens in a pages pane of this size: page width, not turned. */
const requestFor = (pane: { width: number; height: number }, firstPage: Parameters<typeof viewScale>[2]) => ({
  scale: viewScale({ mode: 'fit-width' }, pane, firstPage, 0),
  rotation: 0,
  pixelRatio: window.devicePixelRatio || 1,
});

/** Prepares one document's first view (nothing when it is already prepared for this size). */
export function prepareFirstView(
  session: Session,
  documentId: DocumentId,
  pane: { width: number; height: number },
): RenderJob {
  const abort = new AbortController();
  const done = (async () => {
    let content = await session.contents.openChunked(documentId, { markUsed: false });
    // A large document gets its view index first: drawing page 1 below then reads the index and
    // page 1's chunk instead of walking the whole file a second time.
    if (readInPieces(content) && !content.viewIndex) {
      await recordIndexOf(session, documentId, content, abort.signal, { markUsed: false });
      if (abort.signal.aborted) return;
      content = await session.contents.openChunked(documentId, { markUsed: false });
    }
    const stored = content.preview ? decodePreview(content.preview) : null;
    if (stored && previewMatches(stored.header, requestFor(pane, stored.header.firstPage))) return;
    if (abort.signal.aborted) return;
    const doc = await openPdfFrom(session, documentId, content, abort.signal, { markUsed: false });
    const canvas = document.createElement('canvas');
    try {
      const firstPage = await doc.pageInfo(1);
      const request = requestFor(pane, firstPage);
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
  const documents = (await session.documents.listForCase(caseId)).filter((d) => d.id !== current).reverse();
  const contents = await Promise.all(documents.map((d) => session.contents.get(d.id)));
  return documents
    .filter((_, i) => contents[i]?.state === 'complete')
    .slice(0, PREPARE_AT_MOST)
    .map((d) => d.id);
}
