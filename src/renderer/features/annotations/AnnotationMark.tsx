/**
 * One mark on a page: a highlight, a sticky note or a stamp, with its author. The author's own
 * marks can be dragged with the pointer or moved with the arrow keys; Enter edits, Delete removes.
 * An own highlight, once selected, is resized by its corner handle or with Ctrl+arrow keys.
 */
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Annotation } from '../../../shared/domain/annotation.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  clampRect,
  moveInDisplay,
  resizeInDisplay,
  toDisplayBox,
  toPagePoint,
  type PageSize,
} from '../viewer/page-geometry.ts';
import { formatDate, KIND_LABEL, STAMP_LABEL } from './annotation-kinds.ts';
import { useAnnotations } from './annotations-context.tsx';

type Props = { annotation: Annotation; size: PageSize; scale: number; rotation: number };

/** A highlight is never made smaller than this on screen, so it stays visible and can be grabbed. */
const MIN_SIDE_PX = 8;

export function AnnotationMark({ annotation: a, size, scale, rotation }: Props) {
  const { t, language } = useI18n();
  const ui = useAnnotations();
  const [drag, setDrag] = useState<{ startX: number; startY: number; dx: number; dy: number } | null>(null);
  const [resize, setResize] = useState<{ startX: number; startY: number; dw: number; dh: number } | null>(null);
  const own = ui.canChange(a);
  const box = toDisplayBox(a.rect, size, scale, rotation);
  const date = formatDate(a.createdAt, language);
  const label = t('viewer.annotation.label', { kind: t(KIND_LABEL[a.kind]), page: a.page, author: a.authorName, date });
  // A note or stamp shows text on the page; its name starts with that text (WCAG 2.5.3).
  const shown =
    a.kind === 'note'
      ? `${a.text ? `${a.text} ` : ''}${a.authorName}`
      : a.kind === 'stamp'
        ? `${t(STAMP_LABEL[a.stamp ?? 'received'])} ${date} · ${a.authorName}`
        : null;
  const name = shown ? t('viewer.annotation.labelShown', { shown, kind: t(KIND_LABEL[a.kind]), page: a.page }) : label;
  const selected = ui.selectedId === a.id;
  const interactive = ui.tool === 'select';
  const resizable = own && a.kind === 'highlight';

  const commitMove = (dx: number, dy: number) => {
    const origin = toPagePoint({ x: 0, y: 0 }, size, scale, rotation);
    const moved = toPagePoint({ x: dx, y: dy }, size, scale, rotation);
    const rect = clampRect({ ...a.rect, x: a.rect.x + moved.x - origin.x, y: a.rect.y + moved.y - origin.y }, size);
    void ui.update(a, { rect }, 'moved');
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!interactive || e.button !== 0) return;
    e.stopPropagation();
    ui.select(a.id);
    if (!own) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ startX: e.clientX, startY: e.clientY, dx: 0, dy: 0 });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, dx: e.clientX - drag.startX, dy: e.clientY - drag.startY });
  };
  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (Math.hypot(drag.dx, drag.dy) > 3) commitMove(drag.dx, drag.dy);
  };

  const commitResize = (dw: number, dh: number) => {
    void ui.update(a, { rect: resizeInDisplay(a.rect, dw, dh, size, scale, rotation) }, 'resized');
  };
  const onResizeDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    // The handle resizes; the mark under it must not start a move.
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    setResize({ startX: e.clientX, startY: e.clientY, dw: 0, dh: 0 });
  };
  const onResizeMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (resize) setResize({ ...resize, dw: e.clientX - resize.startX, dh: e.clientY - resize.startY });
  };
  const onResizeUp = (e: PointerEvent<HTMLSpanElement>) => {
    e.stopPropagation();
    if (!resize) return;
    setResize(null);
    if (Math.hypot(resize.dw, resize.dh) > 3) commitResize(resize.dw, resize.dh);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 1 : 10;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const arrow = arrows[e.key];
    if (arrow) {
      e.preventDefault();
      e.stopPropagation();
      if (e.ctrlKey) {
        if (resizable) commitResize(arrow[0], arrow[1]);
      } else if (own) {
        void ui.update(a, { rect: moveInDisplay(a.rect, arrow[0], arrow[1], size, rotation) }, 'moved');
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      ui.select(a.id);
      if (own) ui.edit(a.id);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && own) {
      e.preventDefault();
      e.stopPropagation();
      void ui.remove(a);
    } else if (e.key === 'Escape') {
      ui.select(null);
    }
  };

  const fontSize = Math.max(9, 9 * scale);
  return (
    <div
      className={`mark mark-${a.kind}${own ? ' mark-own' : ' mark-colleague'}${selected ? ' mark-selected' : ''}${a.stamp ? ` stamp-${a.stamp}` : ''}`}
      data-annotation-id={a.id}
      role="button"
      tabIndex={interactive ? 0 : -1}
      aria-label={name}
      aria-pressed={selected}
      aria-describedby={own ? 'mark-keys-hint' : undefined}
      title={`${label}${a.text ? `: ${a.text}` : ''}`}
      style={{
        left: box.left,
        top: box.top,
        width: resize ? Math.max(MIN_SIDE_PX, box.width + resize.dw) : box.width,
        height: resize ? Math.max(MIN_SIDE_PX, box.height + resize.dh) : box.height,
        fontSize,
        transform: drag ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
        pointerEvents: interactive ? 'auto' : 'none',
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={onKeyDown}
      onFocus={() => ui.select(a.id)}
    >
      {a.kind === 'note' && (
        <>
          <span className="mark-text">{a.text}</span> <span className="mark-author">{a.authorName}</span>
        </>
      )}
      {a.kind === 'stamp' && (
        <>
          <span className="stamp-label">{t(STAMP_LABEL[a.stamp ?? 'received'])}</span>{' '}
          <span className="stamp-meta">
            {date} · {a.authorName}
          </span>
        </>
      )}
      {a.kind === 'highlight' && (!own || selected) && <span className="mark-tag">{a.authorName}</span>}
      {resizable && selected && interactive && (
        <span
          className="mark-resize"
          aria-hidden="true"
          onPointerDown={onResizeDown}
          onPointerMove={onResizeMove}
          onPointerUp={onResizeUp}
          onPointerCancel={() => setResize(null)}
        />
      )}
    </div>
  );
}
