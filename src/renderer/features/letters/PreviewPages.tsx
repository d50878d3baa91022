/**
 * The preview's pages: one canvas per page of the letter, painted from the bitmaps the preview
 * pipeline drew. When it has painted a new preview it tells the document
 * (`letters:preview-painted`, with the page count and the sha256 of the bytes shown), which is how
 * the benchmark times a keystroke to the repainted page and a test follows what was previewed.
 */
import { useLayoutEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Preview } from './preview-pipeline.ts';
import { PREVIEW_WIDTH_PX } from './use-letter-preview.ts';

export const PREVIEW_PAINTED_EVENT = 'letters:preview-painted';

export type PreviewPainted = { readonly pages: number; readonly sha256: string };

export function PreviewPages({ preview }: { preview: Preview | null }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const pages = preview?.pages ?? [];

  useLayoutEffect(() => {
    const canvases = host.current?.querySelectorAll('canvas') ?? [];
    canvases.forEach((canvas, k) => {
      const bitmap = pages[k];
      if (!bitmap) return;
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    });
    if (preview) {
      const detail: PreviewPainted = { pages: pages.length, sha256: preview.sha256 };
      document.dispatchEvent(new CustomEvent(PREVIEW_PAINTED_EVENT, { detail }));
    }
  }, [preview, pages]);

  return (
    <div className="letter-preview-pages" ref={host}>
      {pages.map((page, k) => (
        <canvas
          key={k}
          className="letter-preview-page"
          role="img"
          aria-label={t('letters.composer.preview.page', { page: k + 1, pages: pages.length })}
          data-page={k + 1}
          style={{ width: PREVIEW_WIDTH_PX, aspectRatio: `${page.width} / ${page.height}` }}
        />
      ))}
    </div>
  );
}
