/**
 * The pages of an open document: a scrolling column in which only pages near the viewport are
 * drawn (neighbours ahead of time, so paging is instant) and far pages give their canvases back;
 * with toolbar, thumbnails, find, and keyboard paging (PgUp/PgDn, arrows, Home/End).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { PageInfo, RenderJob, ViewDocument } from '../../pdf/index.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { displaySize, toDisplayBox, type PageSize } from './page-geometry.ts';
import { currentPageIndex, layoutPages, PAGE_GAP, visibleRange } from './page-layout.ts';
import { PageSlot, type Nearness, type PaintedPage, type ShownPreview } from './PageSlot.tsx';
import { PageText } from './PageText.tsx';
import { BACKGROUND, RenderQueue } from './render-queue.ts';
import { Thumbnails } from './Thumbnails.tsx';
import { useFind } from './use-find.ts';
import { useScrollBox } from './use-scroll-box.ts';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import { nextStep, viewScale, type Zoom } from './zoom.ts';
import './viewer.css';

/** Pages drawn ahead of and behind the visible ones, and how far away a canvas is kept. */
const PRERENDER = 2;
const KEEP = 3;

/** Work for other documents, done in the queue's background turn after this one's thumbnails. */
export type BackgroundTask = { readonly key: string; readonly start: () => RenderJob };
const PREPARE_PRIORITY = 2 * BACKGROUND;
/** Time on a document before others are prepared: flipping through documents prepares nothing. */
const PREPARE_AFTER_MS = 2000;

export type PageOverlayContext = { pageNumber: number; size: PageSize; scale: number; rotation: number };
export type AsideContext = { currentPage: number; goToPage: (page: number) => void };

type Props = {
  doc: ViewDocument;
  firstPage: PageInfo;
  initialPage?: number | undefined;
  /** Jumps to a page whenever this object changes (e.g. the workspace asked for a page). */
  pageRequest?: { page: number } | null | undefined;
  renderOverlay?: (ctx: PageOverlayContext) => ReactNode;
  renderAside?: (ctx: AsideContext) => ReactNode;
  onFirstPagePainted?: (painted: PaintedPage) => void;
  /** Page 1 as remembered from an earlier view of the document. */
  preview?: ShownPreview | null | undefined;
  /**
   * Asked once, after the first page is painted, in the layout a document opens with (thumbnails
   * shown, page width): what to prepare meanwhile, given the size of the pages pane.
   */
  prepareNext?: ((pane: { width: number; height: number }) => Promise<readonly BackgroundTask[]>) | undefined;
};

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function DocumentViewer({
  doc,
  firstPage,
  initialPage,
  pageRequest,
  renderOverlay,
  renderAside,
  onFirstPagePainted,
  preview,
  prepareNext,
}: Props) {
  const { t } = useI18n();
  const queue = useMemo(() => new RenderQueue(), []);
  useEffect(() => {
    performance.mark('viewer:pages-mounted');
    return () => queue.clear();
  }, [queue]);

  const [sizes, setSizes] = useState<PageSize[]>(() => Array.from({ length: doc.pageCount }, () => firstPage));
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fit-width' });
  const [rotation, setRotation] = useState(0);
  const [thumbnails, setThumbnails] = useState(true);
  const pane = useScrollBox<HTMLDivElement>();
  const { ref: scroller, size: viewport, top: scrollTop, scrollTo } = pane;
  const find = useFind(doc);

  const scale = viewScale(zoom, viewport, firstPage, rotation);
  const boxes = useMemo(() => sizes.map((s) => displaySize(s, scale, rotation)), [sizes, scale, rotation]);
  const layout = useMemo(() => layoutPages(boxes.map((b) => b.height)), [boxes]);
  const [first, last] = viewport.height ? visibleRange(layout, scrollTop, viewport.height) : [0, 0];
  const currentIndex = viewport.height ? currentPageIndex(layout, scrollTop, viewport.height) : 0;
  const currentPage = currentIndex + 1;
  const current = useRef(currentIndex);
  current.current = currentIndex;

  // Stable per-page priorities, read at the moment the queue picks its next job.
  const priorities = useMemo(
    () => Array.from({ length: doc.pageCount }, (_, i) => () => Math.abs(i - current.current)),
    [doc],
  );

  const onSize = useCallback((pageNumber: number, size: PageSize) => {
    setSizes((prev) => {
      const old = prev[pageNumber - 1];
      if (!old || (old.width === size.width && old.height === size.height && old.rotate === size.rotate)) return prev;
      const next = prev.slice();
      next[pageNumber - 1] = size;
      return next;
    });
  }, []);

  // Thumbnails wait for the first page, so they never delay it.
  const [firstPainted, setFirstPainted] = useState(false);
  // Drawn or failed: either way the neighbours may start.
  const [firstSettled, setFirstSettled] = useState(false);
  const onFailed = useCallback(
    (pageNumber: number) => pageNumber === (initialPage ?? 1) && setFirstSettled(true),
    [initialPage],
  );
  const onPainted = useCallback(
    (painted: PaintedPage) => {
      if (firstPainted || painted.pageNumber !== (initialPage ?? 1)) return;
      setFirstPainted(true);
      setFirstSettled(true);
      performance.mark('viewer:first-page-painted');
      onFirstPagePainted?.(painted);
    },
    [firstPainted, initialPage, onFirstPagePainted],
  );

  // Once the reader stays on this document, others are prepared in the background.
  const prepared = useRef(false);
  useEffect(() => {
    if (prepared.current || !prepareNext || !firstPainted || !thumbnails || !viewport.width) return;
    const timer = setTimeout(() => {
      prepared.current = true;
      void prepareNext(viewport).then(
        (tasks) => {
          for (const task of tasks) void queue.request(`prepare:${task.key}`, () => PREPARE_PRIORITY, task.start);
        },
        () => undefined,
      );
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [prepareNext, firstPainted, thumbnails, viewport, queue]);

  const goToPage = useCallback(
    (page: number) => {
      const el = scroller.current;
      const index = Math.min(doc.pageCount, Math.max(1, Math.round(page))) - 1;
      if (!el) return;
      scrollTo(Math.max(0, (layout.tops[index] ?? 0) - PAGE_GAP / 2));
    },
    [doc, layout, scrollTo],
  );

  // Keep the reader's place when zoom or rotation changes the column's geometry.
  const anchor = useRef<{ index: number; fraction: number } | null>(null);
  const lastLayout = useRef(layout);
  useLayoutEffect(() => {
    const el = scroller.current;
    const prev = lastLayout.current;
    lastLayout.current = layout;
    if (!el || prev === layout || !anchor.current) return;
    const { index, fraction } = anchor.current;
    anchor.current = null;
    scrollTo((layout.tops[index] ?? 0) + fraction * (layout.heights[index] ?? 0));
  }, [layout, scrollTo]);
  const rememberPlace = () => {
    const top = layout.tops[currentIndex] ?? 0;
    const height = layout.heights[currentIndex] ?? 1;
    anchor.current = { index: currentIndex, fraction: (scrollTop - top) / height };
  };
  const changeZoom = (next: Zoom) => {
    rememberPlace();
    setZoom(next);
  };

  // The first page to show, and pages asked for later.
  const initialDone = useRef(false);
  useLayoutEffect(() => {
    if (initialDone.current || !viewport.height) return;
    initialDone.current = true;
    if (initialPage && initialPage > 1) goToPage(initialPage);
  }, [viewport.height, initialPage, goToPage]);
  useEffect(() => {
    if (pageRequest) goToPage(pageRequest.page);
    // Only a new request moves the view, not a new layout.
  }, [pageRequest]);

  // Show the current find hit.
  const hit = find.state.index >= 0 ? find.state.hits[find.state.index] : undefined;
  useEffect(() => {
    const el = scroller.current;
    if (!hit || !el) return;
    const index = hit.page - 1;
    const size = sizes[index];
    if (!size) return;
    const box = toDisplayBox(hit.rect, size, scale, rotation);
    const top = (layout.tops[index] ?? 0) + box.top;
    if (top < el.scrollTop || top + box.height > el.scrollTop + el.clientHeight) {
      scrollTo(Math.max(0, top - el.clientHeight / 3));
    }
    // Scroll only when the hit changes.
  }, [hit]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.altKey || e.metaKey) return;
    if (e.ctrlKey) {
      if (e.key === '+' || e.key === '=') changeZoom({ mode: 'fixed', scale: nextStep(scale, 1) });
      else if (e.key === '-') changeZoom({ mode: 'fixed', scale: nextStep(scale, -1) });
      else if (e.key === 'f') document.querySelector<HTMLInputElement>('.find-input')?.focus();
      else return;
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'PageDown':
      case 'ArrowRight':
        goToPage(currentPage + 1);
        break;
      case 'PageUp':
      case 'ArrowLeft':
        goToPage(currentPage - 1);
        break;
      case 'Home':
        goToPage(1);
        break;
      case 'End':
        goToPage(doc.pageCount);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const hitsByPage = useMemo(() => {
    const map = new Map<number, { rect: (typeof find.state.hits)[number]['rect']; current: boolean }[]>();
    find.state.hits.forEach((h, i) => {
      const list = map.get(h.page) ?? [];
      list.push({ rect: h.rect, current: i === find.state.index });
      map.set(h.page, list);
    });
    return map;
  }, [find.state.hits, find.state.index]);

  const nearness = (i: number): Nearness => {
    // The first page shown is drawn alone: neighbours sharing the parser would delay it.
    if (!firstSettled && i !== (initialPage ?? 1) - 1) return i >= first - KEEP && i <= last + KEEP ? 'keep' : 'far';
    if (i >= first - PRERENDER && i <= last + PRERENDER) return 'render';
    if (i >= first - KEEP && i <= last + KEEP) return 'keep';
    return 'far';
  };

  return (
    <div className="viewer" onKeyDown={onKeyDown}>
      <ViewerToolbar
        currentPage={currentPage}
        pageCount={doc.pageCount}
        zoom={zoom}
        scale={scale}
        rotation={rotation}
        thumbnails={thumbnails}
        find={find.state}
        onGoTo={goToPage}
        onZoom={changeZoom}
        onZoomStep={(d) => changeZoom({ mode: 'fixed', scale: nextStep(scale, d) })}
        onRotate={() => {
          rememberPlace();
          setRotation((r) => (r + 90) % 360);
        }}
        onToggleThumbnails={() => setThumbnails((v) => !v)}
        onFind={(q) => void find.search(q)}
        onFindStep={find.step}
      />
      <div className="viewer-body">
        {thumbnails && (
          <Thumbnails
            active={firstPainted}
            doc={doc}
            queue={queue}
            pageRatio={firstPage.height / firstPage.width}
            currentPage={currentPage}
            onGoTo={goToPage}
          />
        )}
        <div
          className="viewer-pages"
          ref={scroller}
          onScroll={pane.onScroll}
          tabIndex={0}
          role="region"
          aria-label={t('viewer.pagesLabel')}
          aria-describedby="viewer-page-position"
        >
          <span id="viewer-page-position" className="visually-hidden">
            {t('viewer.pageOf', { page: currentPage, pages: doc.pageCount })}
          </span>
          <div className="page-column" style={{ height: layout.total }}>
            {sizes.map((size, i) => {
              const near = nearness(i);
              // Far pages have no place in the document at all: a page turn then touches a handful
              // of elements, not one per page of the file.
              if (near === 'far') return null;
              const box = boxes[i] ?? { width: 0, height: 0 };
              const hits = hitsByPage.get(i + 1);
              return (
                <div key={i} className="page-place" style={{ top: layout.tops[i], width: box.width }}>
                  <PageSlot
                    doc={doc}
                    queue={queue}
                    pageNumber={i + 1}
                    size={size}
                    width={box.width}
                    height={box.height}
                    scale={scale}
                    rotation={rotation}
                    nearness={viewport.height ? near : 'far'}
                    priority={priorities[i] ?? (() => i)}
                    onSize={onSize}
                    onPainted={onPainted}
                    onFailed={onFailed}
                    preview={i === 0 ? preview : null}
                  >
                    <PageText
                      doc={doc}
                      pageNumber={i + 1}
                      size={size}
                      scale={scale}
                      rotation={rotation}
                      active={firstSettled && i >= first && i <= last}
                    />
                    {renderOverlay?.({ pageNumber: i + 1, size, scale, rotation })}
                    {hits?.map((h, k) => {
                      const b = toDisplayBox(h.rect, size, scale, rotation);
                      return (
                        <span
                          key={k}
                          className={h.current ? 'find-hit find-hit-current' : 'find-hit'}
                          style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
                          aria-hidden="true"
                        />
                      );
                    })}
                  </PageSlot>
                </div>
              );
            })}
          </div>
        </div>
        {renderAside?.({ currentPage, goToPage })}
      </div>
    </div>
  );
}
