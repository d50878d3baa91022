/** Where each page sits in the scrolling column, and which pages are near the viewport. */
export const PAGE_GAP = 16;

export type Layout = { readonly tops: readonly number[]; readonly heights: readonly number[]; readonly total: number };

export function layoutPages(heights: readonly number[]): Layout {
  const tops: number[] = [];
  let y = PAGE_GAP;
  for (const h of heights) {
    tops.push(y);
    y += h + PAGE_GAP;
  }
  return { tops, heights, total: y };
}

/** Index (0-based) of the last page whose top is at or above `y`. */
export function pageIndexAt(layout: Layout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((layout.tops[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** First and last visible page indices (0-based) for a scroll position. */
export function visibleRange(layout: Layout, scrollTop: number, viewportHeight: number): [number, number] {
  const first = pageIndexAt(layout, scrollTop);
  const firstVisible = (layout.tops[first] ?? 0) + (layout.heights[first] ?? 0) < scrollTop ? first + 1 : first;
  const last = pageIndexAt(layout, scrollTop + viewportHeight);
  return [Math.min(firstVisible, layout.tops.length - 1), Math.max(firstVisible, last)];
}

/** The page a reader is on: the one covering the upper third of the viewport. */
export function currentPageIndex(layout: Layout, scrollTop: number, viewportHeight: number): number {
  return pageIndexAt(layout, scrollTop + Math.min(viewportHeight / 3, 200));
}
