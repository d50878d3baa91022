/**
 * The window's handle on its letter-render worker: one per window, started on first use with the
 * fonts and profile loaded once (letter-assets.ts). `render` answers the PDF bytes or throws the
 * engine's LetterRenderError (or LetterPreviewError when the worker is gone).
 */
import type { FilledLetter } from '../../letters/filled-letter.ts';
import { LetterRenderError } from '../../letters/render-error.ts';
import { letterAssets } from './letter-assets.ts';
import type { LetterToDraw } from './letter-preview.ts';
import { workerReplySchema, type WorkerRequest } from './render-protocol.ts';

export type LetterRenderer = {
  /** The letter's PDF bytes and its pages' keys (`RenderedLetter`). */
  render(letter: FilledLetter, createdAt: Date): Promise<LetterToDraw>;
};

export class LetterWorkerError extends Error {
  readonly code = 'letter-worker';
  constructor(detail: string) {
    super(`letter render worker failed: ${detail}`);
    this.name = 'LetterWorkerError';
  }
}

type Waiting = { resolve: (letter: LetterToDraw) => void; reject: (error: Error) => void };

let shared: Promise<LetterRenderer> | null = null;

async function start(): Promise<LetterRenderer> {
  const { fonts, iccProfile } = await letterAssets();
  const worker = new Worker(new URL('./letter-render-worker.ts', import.meta.url), {
    type: 'module',
    name: 'eakte-letters',
  });
  const waiting = new Map<number, Waiting>();
  let next = 1;
  const post = (request: WorkerRequest) => worker.postMessage(request);
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = workerReplySchema.safeParse(event.data);
    if (!reply.success) return;
    const entry = waiting.get(reply.data.id);
    if (!entry) return;
    waiting.delete(reply.data.id);
    if (reply.data.type === 'rendered')
      entry.resolve({ pdf: new Uint8Array(reply.data.pdf), pageKeys: reply.data.pageKeys });
    else if (reply.data.code === 'character-unsupported')
      entry.reject(new LetterRenderError(reply.data.code, reply.data.params));
    else entry.reject(new LetterWorkerError(reply.data.code));
  });
  worker.addEventListener('error', () => {
    for (const entry of waiting.values()) entry.reject(new LetterWorkerError('script'));
    waiting.clear();
    worker.terminate();
    shared = null;
  });
  // Copies: the window keeps its own for the checks' font metrics.
  post({ type: 'init', fonts: { regular: fonts.regular.slice(), bold: fonts.bold.slice() }, iccProfile });
  return {
    render(letter, createdAt) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post({ type: 'render', id, letter, createdAt: createdAt.toISOString() });
      });
    },
  };
}

export function letterRenderer(): Promise<LetterRenderer> {
  shared ??= start();
  shared.catch(() => (shared = null));
  return shared;
}
