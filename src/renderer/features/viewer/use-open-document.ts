/**
 * Opens a cached document for viewing: reads its bytes from the cache, hands them to pdf.js and
 * closes the PDF again when the document changes or the window goes away.
 */
import { useEffect, useState } from 'react';
import { ContentNotCachedError } from '../../data/repos/contents.ts';
import {
  openPdf,
  openPdfChunked,
  PdfOpenError,
  type PageInfo,
  type PdfDocument,
  type PdfErrorCode,
} from '../../pdf/index.ts';
import type { Session } from '../../session/session.ts';

export type OpenErrorCode = PdfErrorCode | 'not-cached';

export type OpenState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly code: OpenErrorCode }
  | { readonly status: 'ready'; readonly doc: PdfDocument; readonly firstPage: PageInfo };

/**
 * Small files are read whole; larger ones chunk by chunk as pdf.js asks for them, so that the
 * first page of a 300-page scan shows without decrypting the other 299 first.
 */
async function openCached(session: Session, documentId: string, signal: AbortSignal): Promise<PdfDocument> {
  const content = await session.contents.openChunked(documentId);
  if (content.byteSize <= 2 * content.chunkSize) return openPdf(await session.contents.read(documentId), { signal });
  return openPdfChunked(
    { length: content.byteSize, chunkSize: content.chunkSize, readChunk: (index) => content.readChunk(index) },
    { signal },
  );
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
        doc = await openCached(session, documentId, abort.signal);
        performance.mark('viewer:pdf-open');
        if (abort.signal.aborted) {
          void doc.destroy();
          return;
        }
        const firstPage = await doc.pageInfo(1);
        if (!abort.signal.aborted) setState({ status: 'ready', doc, firstPage });
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
