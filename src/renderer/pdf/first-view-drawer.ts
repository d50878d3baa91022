/**
 * Hands documents to the worker that prepares first views (first-view-worker.ts) and waits for
 * the result, one document at a time. The worker starts with the first document and ends after a
 * while without one, which gives back what pdf.js kept; one that stops answering is ended and the
 * document counts as timed out. Usable from a window or a worker (the sync worker starts it).
 */
import type { OpeningView } from './first-view.ts';
import { drawResultSchema, type DrawFailure, type DrawRequest } from './first-view-protocol.ts';
import { PDF_LIMITS } from './limits.ts';

export type FirstViewJob = {
  /** The whole document; moved to the worker (the caller must not use it afterwards). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly chunkSize: number;
  readonly recordIndex: boolean;
  readonly view: OpeningView | null;
  /** pdf.js's resource folder, absolute (pdfResourceBase() of a window). */
  readonly resources: string;
};

export type FirstViewOutcome =
  | {
      readonly status: 'prepared';
      readonly viewIndex: Uint8Array<ArrayBuffer> | null;
      readonly preview: Uint8Array<ArrayBuffer> | null;
    }
  | { readonly status: 'failed'; readonly code: DrawFailure };

export type FirstViewDrawer = {
  prepare(job: FirstViewJob, signal?: AbortSignal): Promise<FirstViewOutcome>;
  close(): void;
};

/** Beyond the worker's own limits for opening and drawing: it no longer answers. */
const ANSWER_LIMIT_MS = PDF_LIMITS.openTimeoutMs + PDF_LIMITS.renderTimeoutMs + 15_000;

export function createFirstViewDrawer({ idleMs = 20_000 }: { idleMs?: number } = {}): FirstViewDrawer {
  let worker: Worker | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let nextId = 0;
  let busy = false;

  const end = (): void => {
    clearTimeout(idle);
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker =>
    (worker ??= new Worker(new URL('./first-view-worker.ts', import.meta.url), {
      type: 'module',
      name: 'eakte-first-view',
    }));

  return {
    async prepare(job, signal) {
      if (busy) throw new Error('one document at a time');
      if (signal?.aborted) return { status: 'failed', code: 'cancelled' };
      busy = true;
      clearTimeout(idle);
      const id = nextId++;
      const target = start();
      try {
        return await new Promise<FirstViewOutcome>((resolve) => {
          const done = (outcome: FirstViewOutcome): void => {
            clearTimeout(limit);
            target.removeEventListener('message', onMessage);
            target.removeEventListener('error', onError);
            signal?.removeEventListener('abort', onAbort);
            resolve(outcome);
          };
          const onMessage = (event: MessageEvent<unknown>): void => {
            const parsed = drawResultSchema.safeParse(event.data);
            if (!parsed.success || parsed.data.id !== id) return;
            const result = parsed.data;
            if (result.type === 'failed') done({ status: 'failed', code: result.code });
            else
              done({
                status: 'prepared',
                viewIndex: result.viewIndex,
                preview: result.preview,
              });
          };
          // A worker that cannot start (or dies) is not the document's fault.
          const onError = (event: Event): void => {
            event.preventDefault();
            end();
            done({ status: 'failed', code: 'unavailable' });
          };
          const onAbort = (): void => {
            target.postMessage({ type: 'cancel', id } satisfies DrawRequest);
            // Answered at once; the worker stops drawing as soon as it reads the message.
            done({ status: 'failed', code: 'cancelled' });
          };
          const limit = setTimeout(() => {
            end();
            done({ status: 'failed', code: 'timeout' });
          }, ANSWER_LIMIT_MS);
          target.addEventListener('message', onMessage);
          target.addEventListener('error', onError);
          signal?.addEventListener('abort', onAbort, { once: true });
          const request: DrawRequest = { type: 'prepare', id, ...job };
          target.postMessage(request, [job.bytes.buffer]);
        });
      } finally {
        busy = false;
        clearTimeout(idle);
        idle = setTimeout(end, idleMs);
      }
    },
    close: end,
  };
}
