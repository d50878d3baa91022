/**
 * The request a prepared first view is drawn with is the one the viewer opens a document with:
 * page width in the pages pane, not turned — for upright, landscape and turned pages alike.
 */
import { describe, expect, it } from 'vitest';
import { fitSpace, viewScale } from '../../../../src/renderer/features/viewer/zoom.ts';
import { openingRequest, opensInPieces } from '../../../../src/renderer/pdf/first-view.ts';

describe('first view request', () => {
  const panes = [
    { width: 1093, height: 861 },
    { width: 640, height: 480 },
    { width: 90, height: 300 },
  ];
  const pages = [
    { width: 595.28, height: 841.89, rotate: 0 as const },
    { width: 841.89, height: 595.28, rotate: 0 as const },
    { width: 595.28, height: 841.89, rotate: 90 as const },
    { width: 612, height: 792, rotate: 270 as const },
  ];
  it('draws page 1 at the scale the viewer opens it with', () => {
    for (const pane of panes)
      for (const page of pages) {
        const request = openingRequest({ fitWidth: fitSpace(pane).width, pixelRatio: 1.5 }, page);
        expect(request.scale).toBeCloseTo(viewScale({ mode: 'fit-width' }, pane, page, 0), 10);
        expect(request).toMatchObject({ rotation: 0, pixelRatio: 1.5 });
      }
  });

  it('knows which documents the viewer reads in pieces', () => {
    expect(opensInPieces({ byteSize: 2 * 1024 * 1024, chunkSize: 1024 * 1024 })).toBe(false);
    expect(opensInPieces({ byteSize: 2 * 1024 * 1024 + 1, chunkSize: 1024 * 1024 })).toBe(true);
  });
});
