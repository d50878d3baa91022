/** Page space and display space: points, boxes, moving and resizing marks in every rotation. */
import { describe, expect, it } from 'vitest';
import {
  moveInDisplay,
  resizeInDisplay,
  toDisplayBox,
  toDisplayPoint,
  toPagePoint,
  type PageSize,
} from '../../../../src/renderer/features/viewer/page-geometry.ts';

const A4: PageSize = { width: 595, height: 842, rotate: 0 };
const ROTATIONS = [0, 90, 180, 270] as const;

describe.each(ROTATIONS)('view turned %i°', (rotation) => {
  it('maps a point to the display and back', () => {
    const p = { x: 120, y: 300 };
    const back = toPagePoint(toDisplayPoint(p, A4, 1.5, rotation), A4, 1.5, rotation);
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });

  it('resizing moves the bottom-right corner on screen and keeps the top-left one', () => {
    const rect = { x: 100, y: 200, width: 80, height: 40 };
    const before = toDisplayBox(rect, A4, 2, rotation);
    const after = toDisplayBox(resizeInDisplay(rect, 30, -10, A4, 2, rotation), A4, 2, rotation);
    expect(after.left).toBeCloseTo(before.left, 9);
    expect(after.top).toBeCloseTo(before.top, 9);
    expect(after.width).toBeCloseTo(before.width + 30, 9);
    expect(after.height).toBeCloseTo(before.height - 10, 9);
  });

  it('never shrinks a mark below the smallest size on screen', () => {
    const rect = { x: 100, y: 200, width: 20, height: 20 };
    const box = toDisplayBox(resizeInDisplay(rect, -500, -500, A4, 1, rotation), A4, 1, rotation);
    expect(box.width).toBeCloseTo(8, 9);
    expect(box.height).toBeCloseTo(8, 9);
  });

  it('moving by arrow keys follows the screen directions', () => {
    const rect = { x: 100, y: 200, width: 20, height: 20 };
    const before = toDisplayBox(rect, A4, 1, rotation);
    const after = toDisplayBox(moveInDisplay(rect, 10, 0, A4, rotation), A4, 1, rotation);
    expect(after.left - before.left).toBeCloseTo(10, 9);
    expect(after.top).toBeCloseTo(before.top, 9);
  });
});

it('growing a mark stops at the edge of the page', () => {
  const rect = { x: 500, y: 800, width: 50, height: 20 };
  const grown = resizeInDisplay(rect, 400, 400, A4, 1, 0);
  expect(grown).toEqual({ x: 500, y: 800, width: 95, height: 42 });
});
