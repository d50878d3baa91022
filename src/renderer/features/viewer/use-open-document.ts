/**
 * Opens a cached document for viewing: reads its bytes from the cache, hands them to pdf.js and
 * closes the PDF again when the document changes or the window goes away.
 */
import { useEffect, useState } from 'react';
import { ContentNotCachedError, type ChunkedContent } from '../../data/repos/contents.ts';
import {
  openPdf,
  openPdfChunked,
  PdfOpenError,
  recordViewIndex,
  type PageInfo,
  type PdfDocument,
  type PdfErrorCode,
} from '../../pdf/index.ts';
import type { Session } from '../../session/session.ts';

export type OpenErrorCode = PdfErrorCode | 'not-cached';

export type OpenState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly code: OpenErrorCode }
  | {
      readonly status: 'ready';
      readonly doc: PdfDocument;
      readonly firstPage: PageInfo;
      /**
       * Once the first page is painted: a large document without a view index gets one in the
       * background, so that its next open is fast.
       */
      readonly indexForNextTime: () => void;
    };

/**
 * Small files are read whole; larger ones piece by piece as pdf.js asks for them, with the
 * document's view index, so that the first page of a 300-page scan shows without decrypting the
 * other 299 first.
 */
async function openCached(
  session: Session,
  documentId: string,
  signal: AbortSignal,
): Promise<{ doc: PdfDocument; content: ChunkedContent | null }> {
  const content = await session.contents.openChunked(documentId);
  performance.mark('viewer:content-open');
  if (content.byteSize <= 2 * content.chunkSize)
    return { doc: await openPdf(await session.contents.read(documentId), { signal }), content: null };
  const doc = await openPdfChunked(
    { length: content.byteSize, chunkSize: content.chunkSize, readChunk: (index) => content.readChunk(index) },
    { signal, viewIndex: content.viewIndex },
  );
  return { doc, content };
}

/** Pause after the first page before the index is built, so that it never competes with it. */
const INDEX_DELAY_MS = 2000;

function indexLater(session: Session, documentId: string, content: ChunkedContent, signal: AbortSignal): void {
  const timer = setTimeout(() => {
    void (async () => {
      const bytes = await session.contents.read(documentId);
      if (signal.aborted) return;
      const index = await recordViewIndex(bytes, content.chunkSize, { signal });
      if (index && !signal.aborted) await content.saveViewIndex(index);
    })().catch(() => undefined); // Without an index the document still opens, only slower.
  }, INDEX_DELAY_MS);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

export function useOpenDocument(session: Session, documentId: string): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    let doc: PdfDocument | null = null;
    setState({ status: 'loading' });
    void (async () => {
      try {
        performance.mark('viewer:open-start');
        const opened = await openCached(session, documentId, abort.signal);
        doc = opened.doc;
        performance.mark('viewer:pdf-open');
        if (abort.signal.aborted) {
          void doc.destroy();
          return;
        }
        const firstPage = await doc.pageInfo(1);
        performance.mark('viewer:page-info');
        const { content } = opened;
        const indexForNextTime = () => {
          if (content && !content.viewIndex) indexLater(session, documentId, content, abort.signal);
        };
        if (!abort.signal.aborted) setState({ status: 'ready', doc, firstPage, indexForNextTime });
      } catch (error) {
        if (abort.signal.aborted) return;
        void doc?.destroy();
        const code: OpenErrorCode =
          error instanceof ContentNotCachedError ? 'not-cached' : error instanceof PdfOpenError ? error.code : 'broken';
        setState({ status: 'error', code });
      }
    })();
    return () => {
      abort.abort();
      void doc?.destroy();
    };
  }, [session, documentId]);
  return state;
}
