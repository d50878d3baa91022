/** Zoom settings of the viewer: fit to width, fit the whole page, or a fixed step. */
import { displaySize, type PageSize } from './page-geometry.ts';
import { PAGE_GAP } from './page-layout.ts';

export type Zoom =
  { readonly mode: 'fit-width' } | { readonly mode: 'fit-page' } | { readonly mode: 'fixed'; readonly scale: number };

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

export function nextStep(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? ZOOM_STEPS[0];
}

/** CSS pixels per PDF point for a zoom setting, given the space available and the page's display size at scale 1. */
export function scaleFor(
  zoom: Zoom,
  available: { width: number; height: number },
  page: { width: number; height: number },
): number {
  const widthFit = Math.max(0.1, available.width / page.width);
  switch (zoom.mode) {
    case 'fit-width':
      return widthFit;
    case 'fit-page':
      return Math.max(0.1, Math.min(widthFit, available.height / page.height));
    case 'fixed':
      return zoom.scale;
  }
}

/** The space a page is fitted into in a pages pane of `viewport` CSS pixels (less its margins). */
export function fitSpace(viewport: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.max(100, viewport.width - 2 * PAGE_GAP), height: Math.max(100, viewport.height - 2 * PAGE_GAP) };
}

/** The scale the page column uses for a zoom setting, in a pages pane of `viewport` CSS pixels. */
export function viewScale(
  zoom: Zoom,
  viewport: { width: number; height: number },
  firstPage: PageSize,
  rotation: number,
): number {
  return scaleFor(zoom, fitSpace(viewport), displaySize(firstPage, 1, rotation));
}
