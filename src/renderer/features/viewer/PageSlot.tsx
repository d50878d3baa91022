/**
 * One page in the column: a slot of the page's size that draws the page when it comes near the
 * viewport and lets go of the canvas when it moves far away. A new drawing (after zoom or
 * rotation) replaces the old one only once it is complete, so the page never flashes blank.
 *
 * pdf.js draws into a canvas outside the document; the finished page is shown as a bitmap
 * ("bitmaprenderer" canvas). A drawing canvas in the document would be copied for the compositor
 * again each time it scrolls into view, which made every page turn cost two slow frames.
 */
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { PdfDocument } from '../../pdf/index.ts';
import type { PageSize } from './page-geometry.ts';
import type { RenderQueue } from './render-queue.ts';

export type Nearness = 'render' | 'keep' | 'far';

type Props = {
  doc: PdfDocument;
  queue: RenderQueue;
  pageNumber: number;
  size: PageSize;
  width: number;
  height: number;
  scale: number;
  rotation: number;
  nearness: Nearness;
  priority: () => number;
  onSize: (pageNumber: number, size: PageSize) => void;
  onPainted?: (pageNumber: number) => void;
  onFailed?: (pageNumber: number) => void;
  children?: ReactNode;
};

function releaseCanvas(canvas: HTMLCanvasElement): void {
  // Zero size frees the backing store at once instead of at the next garbage collection.
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}

/** The drawn page as a canvas that only shows a bitmap; the drawing canvas is released. */
async function toDisplayCanvas(drawn: HTMLCanvasElement): Promise<HTMLCanvasElement> {
  const display = document.createElement('canvas');
  display.className = 'page-canvas';
  display.setAttribute('aria-hidden', 'true');
  const context = display.getContext('bitmaprenderer');
  if (!context) return drawn;
  try {
    const bitmap = await createImageBitmap(drawn);
    display.width = bitmap.width;
    display.height = bitmap.height;
    context.transferFromImageBitmap(bitmap);
  } catch {
    // Out of memory for the copy: show the drawing canvas itself.
    return drawn;
  }
  releaseCanvas(drawn);
  return display;
}

export const PageSlot = memo(function PageSlot(props: Props) {
  const { doc, queue, pageNumber, scale, rotation, nearness, priority, onSize, onPainted, onFailed } = props;
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const drawnAs = useRef<string | null>(null);
  const [failed, setFailed] = useState(false);
  const key = `${doc.pageCount}:${pageNumber}`;
  const wanted = `${scale.toFixed(4)}:${rotation}`;

  // While near, the page is held (its decoded images kept); far away, canvas and page are let go.
  const near = nearness !== 'far';
  useEffect(() => {
    if (!near) return;
    doc.holdPage(pageNumber);
    return () => {
      queue.cancel(key);
      const el = host.current;
      if (el) for (const canvas of [...el.querySelectorAll('canvas')]) releaseCanvas(canvas);
      drawnAs.current = null;
      el?.parentElement?.removeAttribute('data-rendered');
      doc.releasePage(pageNumber);
    };
  }, [near, queue, key, doc, pageNumber]);

  useEffect(() => {
    if (nearness !== 'render' || drawnAs.current === wanted) return;
    const canvas = document.createElement('canvas');
    canvas.className = 'page-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    let live = true;
    void queue
      .request(key, priority, () => {
        performance.mark(`viewer:render-start:${pageNumber}`);
        const job = doc.render(pageNumber, canvas, { scale, rotation, pixelRatio: window.devicePixelRatio || 1 });
        void doc.pageInfo(pageNumber).then(
          (info) => live && onSize(pageNumber, info),
          () => undefined,
        );
        return job;
      })
      .then(async (outcome) => {
        const shown = outcome === 'drawn' && live ? await toDisplayCanvas(canvas) : canvas;
        const el = host.current;
        if (!live || !el) {
          releaseCanvas(shown);
          return;
        }
        if (outcome !== 'drawn') {
          releaseCanvas(canvas);
          if (outcome === 'failed' && !doc.destroyed) {
            setFailed(true);
            onFailed?.(pageNumber);
          }
          return;
        }
        for (const old of [...el.querySelectorAll('canvas')]) releaseCanvas(old);
        el.prepend(shown);
        drawnAs.current = wanted;
        setFailed(false);
        el.parentElement?.setAttribute('data-rendered', 'true');
        onPainted?.(pageNumber);
      });
    return () => {
      live = false;
      queue.cancel(key);
    };
  }, [nearness, wanted, queue, key, doc, pageNumber, scale, rotation, priority, onSize, onPainted, onFailed]);

  return (
    <div
      className="page-slot"
      data-page={pageNumber}
      style={{ width: props.width, height: props.height }}
      role="group"
      aria-label={t('viewer.page', { page: pageNumber })}
    >
      <div className="page-canvas-host" ref={host} />
      {failed && (
        <p className="page-error" role="alert">
          {t('viewer.pageError', { page: pageNumber })}
        </p>
      )}
      {props.children}
    </div>
  );
});
