/** The thumbnail column: small pictures of the pages, drawn only while they are in sight. */
import { memo, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ViewDocument } from '../../pdf/index.ts';
import { releaseCanvas, toDisplayCanvas } from './display-canvas.ts';
import { BACKGROUND, type RenderQueue } from './render-queue.ts';

const THUMB_WIDTH = 112;

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
  height,
  current,
  onGoTo,
  root,
}: {
  root: HTMLElement | null;
  doc: ViewDocument;
  queue: RenderQueue;
  page: number;
  height: number;
  current: boolean;
  onGoTo: (page: number) => void;
}) {
  const { t } = useI18n();
  const host = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !root) return;
    const key = `thumb:${page}`;
    let drawn = false;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        if (entry.isIntersecting && !drawn) {
          drawn = true;
          const canvas = document.createElement('canvas');
          canvas.setAttribute('aria-hidden', 'true');
          void doc.pageInfo(page).then(
            (info) => {
              const scale = THUMB_WIDTH / (info.rotate % 180 ? info.height : info.width);
              doc.holdPage(page);
              return queue
                .request(
                  key,
                  () => BACKGROUND + page,
                  () => doc.render(page, canvas, { scale, rotation: 0, pixelRatio: 1 }),
                )
                .then(async (outcome) => {
                  // A thumbnail keeps only its small picture, not the page's decoded images.
                  doc.releasePage(page);
                  if (outcome !== 'drawn' || !drawn) {
                    releaseCanvas(canvas);
                    drawn = false;
                    return;
                  }
                  const shown = await toDisplayCanvas(canvas);
                  if (drawn) el.replaceChildren(shown);
                  else releaseCanvas(shown);
                });
            },
            () => (drawn = false),
          );
        } else if (!entry.isIntersecting && drawn) {
          drawn = false;
          queue.cancel(key);
          for (const canvas of [...el.querySelectorAll('canvas')]) releaseCanvas(canvas);
        }
      },
      { root, rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      queue.cancel(key);
    };
  }, [doc, queue, page, root]);
  return (
    <li>
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
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const height = Math.round(THUMB_WIDTH * pageRatio);
  useEffect(() => {
    root?.querySelector(`[aria-current="page"]`)?.scrollIntoView({ block: 'nearest' });
  }, [root, currentPage]);
  return (
    <nav className="viewer-thumbs" aria-label={t('viewer.thumbnails')} ref={setRoot}>
      <ol>
        {/* The list itself waits for the first page too: 300 items are not free to mount. */}
        {Array.from({ length: active ? doc.pageCount : 0 }, (_, i) => (
          <Thumb
            key={i + 1}
            doc={doc}
            queue={queue}
            page={i + 1}
            height={height}
            current={currentPage === i + 1}
            onGoTo={onGoTo}
            root={active ? root : null}
          />
        ))}
      </ol>
    </nav>
  );
}
