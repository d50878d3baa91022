/**
 * Between page space (PDF points, origin top-left of the unrotated page, as annotations are
 * stored) and display space (CSS pixels inside a page's slot, after zoom and rotation). Rotation
 * is clockwise, as in PDF.
 */
import type { Rect } from '../../../shared/domain/annotation.ts';

export type PageSize = { readonly width: number; readonly height: number; readonly rotate: 0 | 90 | 180 | 270 };
export type Box = { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
export type Point = { readonly x: number; readonly y: number };

export function totalRotation(page: PageSize, viewRotation: number): 0 | 90 | 180 | 270 {
  return ((((page.rotate + viewRotation) % 360) + 360) % 360) as 0 | 90 | 180 | 270;
}

export function displaySize(page: PageSize, scale: number, viewRotation: number): { width: number; height: number } {
  const r = totalRotation(page, viewRotation);
  const sideways = r === 90 || r === 270;
  return {
    width: (sideways ? page.height : page.width) * scale,
    height: (sideways ? page.width : page.height) * scale,
  };
}

export function toDisplayPoint(p: Point, page: PageSize, scale: number, viewRotation: number): Point {
  const { width: w, height: h } = page;
  switch (totalRotation(page, viewRotation)) {
    case 0:
      return { x: p.x * scale, y: p.y * scale };
    case 90:
      return { x: (h - p.y) * scale, y: p.x * scale };
    case 180:
      return { x: (w - p.x) * scale, y: (h - p.y) * scale };
    case 270:
      return { x: p.y * scale, y: (w - p.x) * scale };
  }
}

export function toPagePoint(d: Point, page: PageSize, scale: number, viewRotation: number): Point {
  const { width: w, height: h } = page;
  const x = d.x / scale;
  const y = d.y / scale;
  switch (totalRotation(page, viewRotation)) {
    case 0:
      return { x, y };
    case 90:
      return { x: y, y: h - x };
    case 180:
      return { x: w - x, y: h - y };
    case 270:
      return { x: w - y, y: x };
  }
}

export function toDisplayBox(rect: Rect, page: PageSize, scale: number, viewRotation: number): Box {
  const a = toDisplayPoint({ x: rect.x, y: rect.y }, page, scale, viewRotation);
  const b = toDisplayPoint({ x: rect.x + rect.width, y: rect.y + rect.height }, page, scale, viewRotation);
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

/** Keeps a rectangle inside its page. */
export function clampRect(rect: Rect, page: PageSize): Rect {
  const width = Math.min(rect.width, page.width);
  const height = Math.min(rect.height, page.height);
  return {
    x: Math.min(Math.max(0, rect.x), page.width - width),
    y: Math.min(Math.max(0, rect.y), page.height - height),
    width,
    height,
  };
}

/** Moves a rectangle by a step given in display directions (arrow keys), converted to page space. */
export function moveInDisplay(rect: Rect, dx: number, dy: number, page: PageSize, viewRotation: number): Rect {
  const origin = toPagePoint({ x: 0, y: 0 }, page, 1, viewRotation);
  const moved = toPagePoint({ x: dx, y: dy }, page, 1, viewRotation);
  return clampRect({ ...rect, x: rect.x + moved.x - origin.x, y: rect.y + moved.y - origin.y }, page);
}

/**
 * Grows or shrinks a rectangle by a change of its display width and height (the bottom-right
 * corner on screen moves; the top-left one stays), converted to page space. Never smaller than
 * `minSide` CSS pixels on screen.
 */
export function resizeInDisplay(
  rect: Rect,
  dw: number,
  dh: number,
  page: PageSize,
  scale: number,
  viewRotation: number,
  minSide = 8,
): Rect {
  const box = toDisplayBox(rect, page, scale, viewRotation);
  const a = toPagePoint({ x: box.left, y: box.top }, page, scale, viewRotation);
  const b = toPagePoint(
    { x: box.left + Math.max(minSide, box.width + dw), y: box.top + Math.max(minSide, box.height + dh) },
    page,
    scale,
    viewRotation,
  );
  const x = Math.max(0, Math.min(a.x, b.x));
  const y = Math.max(0, Math.min(a.y, b.y));
  // Growing stops at the page's edge instead of pushing the mark away from where it was drawn.
  return {
    x,
    y,
    width: Math.min(Math.abs(b.x - a.x), page.width - x),
    height: Math.min(Math.abs(b.y - a.y), page.height - y),
  };
}
