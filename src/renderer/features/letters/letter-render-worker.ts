/**
 * The worker that makes letter PDFs for the composer, off the window's thread: embedding the font
 * subsets and writing the file take tens of milliseconds, which would otherwise hold up typing.
 * It renders exactly what the window composed, with the fonts and profile the window loaded, so
 * the bytes are those the letter engine makes anywhere else for the same input.
 */
import type { FontMetrics, LetterFonts } from '../../letters/font-metrics.ts';
import { createFontMetrics } from '../../letters/font-metrics.ts';
import { LetterRenderError } from '../../letters/render-error.ts';
import { renderLetter } from '../../letters/render-pdf.ts';
import { workerRequestSchema, type WorkerReply } from './render-protocol.ts';

/** The parts of the worker's global scope used here (the renderer project compiles against DOM types). */
const scope = self as unknown as Pick<EventTarget, 'addEventListener'> & {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

let assets: { fonts: LetterFonts; iccProfile: Uint8Array; metrics: FontMetrics } | null = null;

scope.addEventListener('message', (event) => {
  const parsed = workerRequestSchema.safeParse((event as MessageEvent<unknown>).data);
  if (!parsed.success) return;
  const request = parsed.data;
  if (request.type === 'init') {
    assets = { fonts: request.fonts, iccProfile: request.iccProfile, metrics: createFontMetrics(request.fonts) };
    return;
  }
  void (async () => {
    try {
      if (!assets) throw new Error('not initialised');
      const { pdf, pageKeys } = await renderLetter({
        letter: request.letter,
        fonts: assets.fonts,
        iccProfile: assets.iccProfile,
        metrics: assets.metrics,
        createdAt: new Date(request.createdAt),
      });
      // pdf-lib returns a fresh array of its own: its buffer can be handed over instead of copied.
      const bytes = pdf as Uint8Array<ArrayBuffer>;
      scope.postMessage({ type: 'rendered', id: request.id, pdf: bytes, pageKeys: [...pageKeys] }, [bytes.buffer]);
    } catch (error) {
      const known = error instanceof LetterRenderError;
      scope.postMessage({
        type: 'failed',
        id: request.id,
        code: known ? error.code : 'unexpected',
        params: known ? { ...error.params } : {},
      });
    }
  })();
});
