/**
 * Opens a cached document for viewing: reads its bytes from the cache, hands them to pdf.js and
 * closes the PDF again when the document changes or the window goes away. A document viewed
 * before is shown at once from what the viewer remembered of it (page count, first page size,
 * page 1 as drawn), while pdf.js opens it behind the scenes.
 */
import { useEffect, useState } from 'react';
import { ContentNotCachedError, type ChunkedContent } from '../../data/repos/contents.ts';
import {
  DeferredPdfDocument,
  openPdf,
  openPdfChunked,
  PDF_ENGINE_VERSION,
  PdfOpenError,
  recordViewIndex,
  type PageInfo,
  type PdfDocument,
  type PdfErrorCode,
  type ViewDocument,
} from '../../pdf/index.ts';
import type { Session } from '../../session/session.ts';
import { opensInPieces } from '../../pdf/first-view.ts';
import { capturePng, decodePreview, encodePreview } from './page-preview.ts';
import type { PaintedPage, ShownPreview } from './PageSlot.tsx';

/** Why a document cannot be shown; a protected one asks for its password instead. */
export type OpenErrorCode = Exclude<PdfErrorCode, 'encrypted' | 'wrong-password'> | 'not-cached';

export type OpenState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly code: OpenErrorCode }
  | {
      /** The file is protected: the user types its password, and it is opened with it. */
      readonly status: 'password';
      readonly wrongAttempts: number;
      readonly submit: (password: string) => void;
    }
  | {
      readonly status: 'ready';
      readonly doc: ViewDocument;
      readonly firstPage: PageInfo;
      /** Page 1 as remembered from an earlier view, or null. */
      readonly preview: ShownPreview | null;
      /**
       * Once the first page is painted: what the next open needs is remembered in the background
       * (the view index of a large document, the picture of page 1).
       */
      readonly rememberForNextTime: (painted: PaintedPage) => void;
    };

/**
 * Small files are read whole; larger ones piece by piece as pdf.js asks for them, with the
 * document's view index, so that the first page of a 300-page scan shows without decrypting the
 * other 299 first.
 */
export const readInPieces = (content: ChunkedContent): boolean => opensInPieces(content);

/**
 * Without a view index, pdf.js reads almost the whole file to open it anyway (the page
 * dictionaries lie between the page images), and piece by piece that is one round trip per
 * storage chunk, one after another: such a file is read whole at once instead, up to this size.
 */
const WHOLE_WITHOUT_INDEX = 128 * 1024 * 1024;

/**
 * The stored bytes whole; a chunk that fails its authentication is a damaged copy, as when read in
 * pieces. The use was marked (or not) when the content was opened (`openChunked`).
 */
async function readWhole(session: Session, documentId: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await session.contents.read(documentId);
  } catch (error) {
    if (error instanceof ContentNotCachedError) throw error;
    throw new PdfOpenError('unreadable', error instanceof Error ? error.message : String(error));
  }
}

export async function openPdfFrom(
  session: Session,
  documentId: string,
  content: ChunkedContent,
  signal: AbortSignal,
  { password }: { password?: string } = {},
): Promise<PdfDocument> {
  const options = { signal, ...(password !== undefined ? { password } : {}) };
  if (!readInPieces(content) || (!content.viewIndex && content.byteSize <= WHOLE_WITHOUT_INDEX)) {
    const bytes = await readWhole(session, documentId);
    performance.mark('viewer:bytes-read');
    return openPdf(bytes, options);
  }
  return openPdfChunked(
    { length: content.byteSize, chunkSize: content.chunkSize, readChunk: (index) => content.readChunk(index) },
    { ...options, viewIndex: content.viewIndex },
  );
}

/** Pause after the first page before the index is built, so that it never competes with it. */
const INDEX_DELAY_MS = 2000;

/**
 * Records and stores the view index of a document read in pieces (see README, view index). Not a
 * use of the document: that was marked (or not) when the content was opened.
 */
export async function recordIndexOf(
  session: Session,
  documentId: string,
  content: ChunkedContent,
  signal: AbortSignal,
): Promise<void> {
  const bytes = await session.contents.read(documentId);
  if (signal.aborted) return;
  const index = await recordViewIndex(bytes, content.chunkSize, { signal });
  if (index && !signal.aborted) await content.saveViewIndex(index);
}

function indexLater(session: Session, documentId: string, content: ChunkedContent, signal: AbortSignal): void {
  const timer = setTimeout(() => {
    // Without an index the document still opens, only slower.
    void recordIndexOf(session, documentId, content, signal).catch(() => undefined);
  }, INDEX_DELAY_MS);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/** Keeps page 1 as drawn, for the next open. */
export async function rememberPreview(
  content: ChunkedContent,
  painted: PaintedPage,
  pageCount: number,
  firstPage: PageInfo,
): Promise<void> {
  // Only a page 1 drawn by pdf.js is kept: none was stored, one for another view, or one not shown.
  if (painted.fromPreview || painted.pageNumber !== 1) return;
  const { width, height } = painted.canvas;
  const png = await capturePng(painted.canvas);
  if (!png) return;
  const header = { engine: PDF_ENGINE_VERSION, pageCount, firstPage, request: painted.request, width, height };
  await content.savePreview(encodePreview(header, png));
}

export function useOpenDocument(session: Session, documentId: string): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'loading' });
  // The password the user typed, for this document only; gone with the document (never stored).
  const [password, setPassword] = useState<{ documentId: string; value: string; attempt: number } | null>(null);
  const [wrongAttempts, setWrongAttempts] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    let opening: Promise<PdfDocument> | null = null;
    const typed = password?.documentId === documentId ? password.value : undefined;
    const askForPassword = (wrong: number): void =>
      setState({
        status: 'password',
        wrongAttempts: wrong,
        submit: (value) => setPassword((p) => ({ documentId, value, attempt: (p?.attempt ?? 0) + 1 })),
      });
    setState({ status: 'loading' });
    void (async () => {
      try {
        performance.mark('viewer:open-start');
        const content = await session.contents.openChunked(documentId);
        performance.mark('viewer:content-open');
        const stored = content.preview ? decodePreview(content.preview) : null;
        // A remembered page 1 is decoded first: parsing the file meanwhile would slow it down.
        const bitmap = stored
          ? createImageBitmap(stored.image).then(
              (decoded) => {
                performance.mark('viewer:preview-decoded');
                return decoded;
              },
              () => null,
            )
          : null;
        opening = (bitmap ?? Promise.resolve()).then(() =>
          openPdfFrom(session, documentId, content, abort.signal, typed !== undefined ? { password: typed } : {}),
        );
        const rememberFor =
          (pageCount: number, firstPage: PageInfo) =>
          (painted: PaintedPage): void => {
            // A protected document's page 1 is not kept: it would show without the password.
            if (abort.signal.aborted || typed !== undefined) return;
            if (readInPieces(content) && !content.viewIndex) indexLater(session, documentId, content, abort.signal);
            void rememberPreview(content, painted, pageCount, firstPage).catch(() => undefined);
          };
        if (stored) {
          // Laid out and painted from the remembered view; pages wait for pdf.js as they need it.
          const { pageCount, firstPage } = stored.header;
          setState({
            status: 'ready',
            doc: new DeferredPdfDocument(pageCount, opening),
            firstPage,
            preview: { header: stored.header, bitmap: bitmap! },
            rememberForNextTime: rememberFor(pageCount, firstPage),
          });
        }
        const doc = await opening;
        performance.mark('viewer:pdf-open');
        if (abort.signal.aborted) return;
        // Without a remembered view, or one that no longer fits the file: laid out from the file.
        if (stored && doc.pageCount === stored.header.pageCount) return;
        const firstPage = await doc.pageInfo(1);
        performance.mark('viewer:page-info');
        if (!abort.signal.aborted)
          setState({
            status: 'ready',
            doc,
            firstPage,
            preview: null,
            rememberForNextTime: rememberFor(doc.pageCount, firstPage),
          });
      } catch (error) {
        if (abort.signal.aborted) return;
        const code =
          error instanceof ContentNotCachedError ? 'not-cached' : error instanceof PdfOpenError ? error.code : 'broken';
        if (code === 'encrypted') {
          askForPassword(wrongAttempts);
          return;
        }
        if (code === 'wrong-password') {
          setWrongAttempts((n) => n + 1);
          askForPassword(wrongAttempts + 1);
          return;
        }
        setState({ status: 'error', code });
        if (code === 'unreadable') await session.contents.discardUnreadable(documentId).catch(() => undefined);
      }
    })();
    return () => {
      abort.abort();
      void opening?.then(
        (doc) => doc.destroy(),
        () => undefined,
      );
    };
    // The attempt count is read, not followed: a new attempt comes with a new password.
  }, [session, documentId, password]);
  return state;
}
