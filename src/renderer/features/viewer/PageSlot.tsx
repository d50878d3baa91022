/**
 * One page in the column: a slot of the page's size that draws the page when it comes near the
 * viewport and lets go of the canvas when it moves far away. A new drawing (after zoom or
 * rotation) replaces the old one only once it is complete, so the page never flashes blank.
 */
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { RenderRequest, ViewDocument } from '../../pdf/index.ts';
import type { PageSize } from './page-geometry.ts';
import { previewMatches, type PreviewHeader } from './page-preview.ts';
import { bitmapCanvas, releaseCanvas, toDisplayCanvas } from './display-canvas.ts';
import type { RenderQueue } from './render-queue.ts';

export type Nearness = 'render' | 'keep' | 'far';

type Props = {
  doc: ViewDocument;
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
  onPainted?: (painted: PaintedPage) => void;
  onFailed?: (pageNumber: number) => void;
  /** Page 1 as remembered from an earlier view; shown instead of drawing when it matches exactly. */
  preview?: ShownPreview | null | undefined;
  children?: ReactNode;
};

export type ShownPreview = { readonly header: PreviewHeader; readonly bitmap: Promise<ImageBitmap | null> };
export type PaintedPage = {
  readonly pageNumber: number;
  /** The canvas on screen, with the finished page. */
  readonly canvas: HTMLCanvasElement;
  readonly request: RenderRequest;
  readonly fromPreview: boolean;
};

/** A remembered picture of the page, on a canvas of its own; null when it cannot be shown. */
async function previewCanvas(preview: ShownPreview): Promise<HTMLCanvasElement | null> {
  const bitmap = await preview.bitmap;
  if (!bitmap) return null;
  if (bitmap.width !== preview.header.width || bitmap.height !== preview.header.height) {
    bitmap.close();
    return null;
  }
  return bitmapCanvas(bitmap, 'page-canvas');
}

export const PageSlot = memo(function PageSlot(props: Props) {
  const { doc, queue, pageNumber, scale, rotation, nearness, priority, onSize, onPainted, onFailed, preview } = props;
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const drawnAs = useRef<string | null>(null);
  // A remembered picture is shown once at most: its bitmap goes to the canvas that shows it.
  const previewTried = useRef(false);
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
    const request: RenderRequest = { scale, rotation, pixelRatio: window.devicePixelRatio || 1 };
    let live = true;
    const show = (shown: HTMLCanvasElement, fromPreview: boolean) => {
      const el = host.current;
      if (!live || !el) {
        releaseCanvas(shown);
        return;
      }
      for (const old of [...el.querySelectorAll('canvas')]) releaseCanvas(old);
      el.prepend(shown);
      drawnAs.current = wanted;
      setFailed(false);
      el.parentElement?.setAttribute('data-rendered', fromPreview ? 'preview' : 'true');
      onPainted?.({ pageNumber, canvas: shown, request, fromPreview });
    };
    const draw = () => {
      const canvas = document.createElement('canvas');
      canvas.className = 'page-canvas';
      canvas.setAttribute('aria-hidden', 'true');
      void queue
        .request(key, priority, () => {
          performance.mark(`viewer:render-start:${pageNumber}`);
          const job = doc.render(pageNumber, canvas, request);
          void doc.pageInfo(pageNumber).then(
            (info) => live && onSize(pageNumber, info),
            () => undefined,
          );
          return job;
        })
        .then(async (outcome) => {
          if (outcome === 'drawn' && live) {
            show(await toDisplayCanvas(canvas), false);
            return;
          }
          releaseCanvas(canvas);
          if (live && outcome === 'failed' && !doc.destroyed) {
            setFailed(true);
            onFailed?.(pageNumber);
          }
        });
    };
    if (preview && !previewTried.current && previewMatches(preview.header, request)) {
      // The same bytes drawn by the same pdf.js at the same size: the remembered picture is the page.
      previewTried.current = true;
      void previewCanvas(preview).then((shown) => {
        if (shown) show(shown, true);
        else if (live) draw();
      });
    } else {
      draw();
    }
    return () => {
      live = false;
      queue.cancel(key);
    };
  }, [nearness, wanted, queue, key, doc, pageNumber, scale, rotation, priority, onSize, onPainted, onFailed, preview]);

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
