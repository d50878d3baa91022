/**
 * Our own layer over a page (never written into the PDF): shows the page's marks and, with a
 * drawing tool chosen, places a new one: drag for a highlight, click for a note or a stamp.
 */
import { useState, type PointerEvent } from 'react';
import { toPagePoint, type PageSize } from '../viewer/page-geometry.ts';
import { rectAround } from './annotation-kinds.ts';
import { AnnotationMark } from './AnnotationMark.tsx';
import { useAnnotations } from './annotations-context.tsx';

type Props = { pageNumber: number; size: PageSize; scale: number; rotation: number };

export function AnnotationLayer({ pageNumber, size, scale, rotation }: Props) {
  const ui = useAnnotations();
  const [draft, setDraft] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const marks = ui.annotations.filter((a) => a.page === pageNumber);
  const drawing = ui.tool !== 'select';

  const local = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!drawing || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = local(e);
    setDraft({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!draft) return;
    const p = local(e);
    setDraft({ ...draft, x1: p.x, y1: p.y });
  };
  const onPointerUp = () => {
    if (!draft || ui.tool === 'select') return;
    setDraft(null);
    const a = toPagePoint({ x: draft.x0, y: draft.y0 }, size, scale, rotation);
    const b = toPagePoint({ x: draft.x1, y: draft.y1 }, size, scale, rotation);
    const kind = ui.tool;
    const dragged = Math.abs(draft.x1 - draft.x0) > 4 && Math.abs(draft.y1 - draft.y0) > 4;
    const rect =
      kind === 'highlight' && dragged
        ? { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }
        : rectAround(kind, b.x, b.y, size);
    void ui
      .create(kind, pageNumber, rect, kind === 'stamp' ? { stamp: ui.stampKind } : {})
      .then((created) => created && kind === 'note' && ui.edit(created.id));
  };

  return (
    <div
      className={drawing ? `annotation-layer drawing tool-${ui.tool}` : 'annotation-layer'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDraft(null)}
    >
      {marks.map((a) => (
        <AnnotationMark key={a.id} annotation={a} size={size} scale={scale} rotation={rotation} />
      ))}
      {draft && (
        <span
          className="mark-draft"
          style={{
            left: Math.min(draft.x0, draft.x1),
            top: Math.min(draft.y0, draft.y1),
            width: Math.abs(draft.x1 - draft.x0),
            height: Math.abs(draft.y1 - draft.y0),
          }}
        />
      )}
    </div>
  );
}
