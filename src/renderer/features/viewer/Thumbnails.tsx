/**
 * The thumbnail column: small pictures of the pages. Like the page column, only the thumbnails
 * near the column's view exist as elements (a 300-page file otherwise re-rendered and observed
 * 300 of them on every page turn); each draws once paging has paused (background work).
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ViewDocument } from '../../pdf/index.ts';
import { releaseCanvas, toDisplayCanvas } from './display-canvas.ts';
import { useScrollBox } from './use-scroll-box.ts';
import { BACKGROUND, type RenderQueue } from './render-queue.ts';

const THUMB_WIDTH = 112;
/** Space around the list, and between two thumbnails. */
const LIST_PADDING = 8;
const GAP = 8;
/** Frame of a thumbnail button (padding, border) and the line with its page number. */
const FRAME = 2 * 4 + 2 * 2;
const NUMBER_LINE = 18;
/** Thumbnails kept as elements beyond the column's view, above and below. */
const MARGIN_PX = 300;

/** Where thumbnails sit in the column: every one has the same height. */
export function thumbGeometry(pageRatio: number): { height: number; stride: number } {
  const height = Math.round(THUMB_WIDTH * pageRatio);
  return { height, stride: height + FRAME + NUMBER_LINE + GAP };
}

/** The 0-based range of thumbnails that overlap the column's view widened by the margin. */
export function thumbRange(
  scrollTop: number,
  viewHeight: number,
  stride: number,
  count: number,
): readonly [number, number] {
  const first = Math.floor((scrollTop - MARGIN_PX - LIST_PADDING) / stride);
  const last = Math.floor((scrollTop + viewHeight + MARGIN_PX - LIST_PADDING) / stride);
  return [Math.max(0, first), Math.min(count - 1, last)];
}

type Props = {
  /** Thumbnails start drawing only once the first page is painted. */
  active: boolean;
  doc: ViewDocument;
  queue: RenderQueue;
  pageRatio: number;
  currentPage: number;
  onGoTo: (page: number) => void;
};

const Thumb = memo(function Thumb({
  doc,
  queue,
  page,
  pageCount,
  top,
  height,
  current,
  onGoTo,
}: {
  doc: ViewDocument;
  queue: RenderQueue;
  page: number;
  pageCount: number;
  top: number;
  height: number;
  current: boolean;
  onGoTo: (page: number) => void;
}) {
  const { t } = useI18n();
  const host = useRef<HTMLSpanElement>(null);
  // Drawn while the thumbnail exists, in the queue's background turn; let go when it leaves.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const key = `thumb:${page}`;
    let live = true;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    void doc.pageInfo(page).then(
      async (info) => {
        if (!live) return;
        const scale = THUMB_WIDTH / (info.rotate % 180 ? info.height : info.width);
        doc.holdPage(page);
        const outcome = await queue.request(
          key,
          () => BACKGROUND + page,
          () => doc.render(page, canvas, { scale, rotation: 0, pixelRatio: 1 }),
        );
        // A thumbnail keeps only its small picture, not the page's decoded images.
        doc.releasePage(page);
        if (outcome !== 'drawn' || !live) {
          releaseCanvas(canvas);
          return;
        }
        const shown = await toDisplayCanvas(canvas);
        if (live) el.replaceChildren(shown);
        else releaseCanvas(shown);
      },
      () => undefined,
    );
    return () => {
      live = false;
      queue.cancel(key);
      for (const drawn of [...el.querySelectorAll('canvas')]) releaseCanvas(drawn);
    };
  }, [doc, queue, page]);
  return (
    // Only some thumbnails exist at a time; each still tells its place in the whole list.
    <li style={{ top }} aria-setsize={pageCount} aria-posinset={page}>
      <button
        type="button"
        className="thumb"
        aria-current={current ? 'page' : undefined}
        aria-label={t('viewer.page', { page })}
        onClick={() => onGoTo(page)}
      >
        <span className="thumb-canvas" ref={host} style={{ width: THUMB_WIDTH, height }} />
        <span className="thumb-number" aria-hidden="true">
          {page}
        </span>
      </button>
    </li>
  );
});

export function Thumbnails({ active, doc, queue, pageRatio, currentPage, onGoTo }: Props) {
  const { t } = useI18n();
  const pane = useScrollBox<HTMLElement>();
  const { ref: column, scrollTo } = pane;
  const { height, stride } = thumbGeometry(pageRatio);
  const count = active ? doc.pageCount : 0;

  // The current page's thumbnail is kept in sight (computed, so nothing forces a layout).
  useLayoutEffect(() => {
    const el = column.current;
    if (!el || !count) return;
    const top = LIST_PADDING + (currentPage - 1) * stride;
    const bottom = top + stride - GAP;
    const viewHeight = el.clientHeight;
    let next = el.scrollTop;
    if (top < next) next = top - LIST_PADDING;
    else if (bottom > next + viewHeight) next = bottom + LIST_PADDING - viewHeight;
    if (next !== el.scrollTop) scrollTo(next);
  }, [currentPage, stride, count, column, scrollTo]);

  // The thumbnail with the keyboard focus stays, also when paging takes the column far away:
  // removing it would drop the focus, and with it the viewer's keys.
  const [focused, setFocused] = useState<number | null>(null);
  const [first, last] = count ? thumbRange(pane.top, pane.size.height, stride, count) : [0, -1];
  const pages = [];
  for (let i = first; i <= last; i++) pages.push(i);
  if (focused !== null && focused < count && (focused < first || focused > last)) pages.push(focused);
  const items = [];
  for (const i of pages)
    items.push(
      <Thumb
        key={i + 1}
        doc={doc}
        queue={queue}
        page={i + 1}
        pageCount={count}
        top={LIST_PADDING + i * stride}
        height={height}
        current={currentPage === i + 1}
        onGoTo={onGoTo}
      />,
    );
  return (
    <nav
      className="viewer-thumbs"
      aria-label={t('viewer.thumbnails')}
      ref={column}
      onScroll={pane.onScroll}
      onFocus={(e) => {
        const place = e.target.closest('li')?.ariaPosInSet;
        setFocused(place ? Number(place) - 1 : null);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(null);
      }}
    >
      {/* The list waits for the first page, so that it never delays it. */}
      <ol style={{ height: count ? 2 * LIST_PADDING + count * stride - GAP : 0 }}>{items}</ol>
    </nav>
  );
}
