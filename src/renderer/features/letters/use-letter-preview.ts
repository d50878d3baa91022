/**
 * Binds the preview pipeline (preview-pipeline.ts) to the composer: every new render input is
 * requested, the preview last drawn and whether a newer one is on its way are state, and
 * `whenShown` lets "Senden" wait for the preview of exactly what is on the screen.
 */
import { useEffect, useMemo, useState } from 'react';
import { warmUpPdfWorker } from '../../pdf/index.ts';
import { letterRenderer } from './letter-renderer.ts';
import { rasterize } from './letter-preview.ts';
import { PreviewPipeline, type Preview, type PreviewInput } from './preview-pipeline.ts';

/** Width of a preview page in CSS pixels (A4 at about 70 %). */
export const PREVIEW_WIDTH_PX = 420;

export type LetterPreviewState = {
  readonly preview: Preview | null;
  /** The error of drawing the current input, if that failed. */
  readonly error: { readonly key: string; readonly error: unknown } | null;
  readonly updating: boolean;
  whenShown(key: string): Promise<Preview>;
};

export function useLetterPreview(input: PreviewInput | null): LetterPreviewState {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<{ key: string; error: unknown } | null>(null);
  const pipeline = useMemo(
    () =>
      new PreviewPipeline({
        render: async (letter, createdAt) => (await letterRenderer()).render(letter, createdAt),
        draw: (letter, shown) => rasterize(letter, PREVIEW_WIDTH_PX, window.devicePixelRatio || 1, shown),
        shown: (next) => {
          setPreview(next);
          setError(null);
        },
        failed: (key, failure) => setError({ key, error: failure }),
      }),
    [],
  );
  useEffect(() => {
    // The first preview finds pdf.js's parser started.
    void warmUpPdfWorker({ drawHere: true }).catch(() => undefined);
    return () => pipeline.close();
  }, [pipeline]);
  // The key says everything about the input: a new object with the same key is the same letter.
  const key = input?.key ?? null;
  useEffect(() => {
    if (input) pipeline.request(input);
  }, [pipeline, key]);
  // A preview's pictures are freed once a newer one has been painted over them.
  useEffect(() => () => preview?.pages.forEach((page) => page.close()), [preview]);

  const failedNow = error !== null && error.key === key;
  return {
    preview,
    error: failedNow ? error : null,
    updating: key !== null && preview?.key !== key && !failedNow,
    whenShown: (wanted) => pipeline.whenShown(wanted),
  };
}
