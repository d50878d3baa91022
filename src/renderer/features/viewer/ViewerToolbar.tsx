/** Paging, zoom, rotation, thumbnails and find: every control a labelled, keyboard-reachable button or field. */
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { FindState } from './use-find.ts';
import { ZOOM_STEPS, type Zoom } from './zoom.ts';

type Props = {
  currentPage: number;
  pageCount: number;
  zoom: Zoom;
  scale: number;
  rotation: number;
  thumbnails: boolean;
  find: FindState;
  onGoTo: (page: number) => void;
  onZoom: (zoom: Zoom) => void;
  onZoomStep: (direction: 1 | -1) => void;
  onRotate: () => void;
  onToggleThumbnails: () => void;
  onFind: (query: string) => void;
  onFindStep: (delta: 1 | -1) => void;
};

export function ViewerToolbar(props: Props) {
  const { t } = useI18n();
  const [pageText, setPageText] = useState(String(props.currentPage));
  const [query, setQuery] = useState('');
  useEffect(() => setPageText(String(props.currentPage)), [props.currentPage]);

  const submitPage = (e: FormEvent) => {
    e.preventDefault();
    const n = Number.parseInt(pageText, 10);
    if (Number.isFinite(n)) props.onGoTo(Math.min(props.pageCount, Math.max(1, n)));
    else setPageText(String(props.currentPage));
  };
  const zoomValue = props.zoom.mode === 'fixed' ? String(props.zoom.scale) : props.zoom.mode;
  const { find } = props;
  let findStatus = '';
  if (find.query && !find.done)
    findStatus = t('viewer.findSearching', { page: find.scannedPages, pages: props.pageCount });
  else if (find.query && find.hits.length)
    findStatus = t('viewer.findResult', { index: find.index + 1, count: find.hits.length });
  else if (find.query && !find.hasText) findStatus = t('viewer.findNoText');
  else if (find.query) findStatus = t('viewer.findNone', { query: find.query });

  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <div className="tool-group">
        <button
          type="button"
          onClick={() => props.onGoTo(1)}
          disabled={props.currentPage <= 1}
          aria-label={t('viewer.firstPage')}
        >
          «
        </button>
        <button
          type="button"
          onClick={() => props.onGoTo(props.currentPage - 1)}
          disabled={props.currentPage <= 1}
          aria-label={t('viewer.previousPage')}
        >
          ‹
        </button>
        <form onSubmit={submitPage} className="page-form">
          <label>
            <span className="visually-hidden">{t('viewer.goToPage')}</span>
            <input
              className="page-input"
              inputMode="numeric"
              value={pageText}
              onChange={(e) => setPageText(e.target.value)}
              onBlur={() => setPageText(String(props.currentPage))}
              size={4}
            />
          </label>
          <span className="page-count" aria-hidden="true">
            / {props.pageCount}
          </span>
        </form>
        <button
          type="button"
          onClick={() => props.onGoTo(props.currentPage + 1)}
          disabled={props.currentPage >= props.pageCount}
          aria-label={t('viewer.nextPage')}
        >
          ›
        </button>
        <button
          type="button"
          onClick={() => props.onGoTo(props.pageCount)}
          disabled={props.currentPage >= props.pageCount}
          aria-label={t('viewer.lastPage')}
        >
          »
        </button>
        <span className="visually-hidden" aria-live="off">
          {t('viewer.pageOf', { page: props.currentPage, pages: props.pageCount })}
        </span>
      </div>
      <div className="tool-group">
        <button type="button" onClick={() => props.onZoomStep(-1)} aria-label={t('viewer.zoomOut')}>
          −
        </button>
        <label>
          <span className="visually-hidden">{t('viewer.zoom')}</span>
          <select
            value={zoomValue}
            onChange={(e) => {
              const v = e.target.value;
              props.onZoom(v === 'fit-width' || v === 'fit-page' ? { mode: v } : { mode: 'fixed', scale: Number(v) });
            }}
          >
            <option value="fit-width">{t('viewer.fitWidth')}</option>
            <option value="fit-page">{t('viewer.fitPage')}</option>
            {ZOOM_STEPS.map((s) => (
              <option key={s} value={String(s)}>
                {t('viewer.zoomPercent', { percent: Math.round(s * 100) })}
              </option>
            ))}
            {props.zoom.mode === 'fixed' && !ZOOM_STEPS.some((s) => s === props.scale) && (
              <option value={String(props.scale)}>
                {t('viewer.zoomPercent', { percent: Math.round(props.scale * 100) })}
              </option>
            )}
          </select>
        </label>
        <button type="button" onClick={() => props.onZoomStep(1)} aria-label={t('viewer.zoomIn')}>
          +
        </button>
        <button
          type="button"
          onClick={props.onRotate}
          // The name holds what the button shows (the angle), as speech input needs (WCAG 2.5.3).
          aria-label={`${t('viewer.rotate')} ${props.rotation}°`}
          title={t('viewer.rotation', { degrees: props.rotation })}
        >
          <span aria-hidden="true">⟳</span> {props.rotation}°
        </button>
        <button type="button" aria-pressed={props.thumbnails} onClick={props.onToggleThumbnails}>
          {t('viewer.thumbnails')}
        </button>
      </div>
      <form
        className="tool-group find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim() && query.trim() === find.query && find.hits.length) props.onFindStep(1);
          else props.onFind(query);
        }}
      >
        <label>
          <span className="visually-hidden">{t('viewer.find')}</span>
          <input
            type="search"
            className="find-input"
            // What is searched for in a citizen's letter is case content too.
            autoComplete="off"
            placeholder={t('viewer.find')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.shiftKey) {
                e.preventDefault();
                props.onFindStep(-1);
              }
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => props.onFindStep(-1)}
          disabled={!find.hits.length}
          aria-label={t('viewer.findPrevious')}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => props.onFindStep(1)}
          disabled={!find.hits.length}
          aria-label={t('viewer.findNext')}
        >
          ↓
        </button>
        <span className="find-status" role="status" aria-live="polite">
          {findStatus}
        </span>
      </form>
    </div>
  );
}
