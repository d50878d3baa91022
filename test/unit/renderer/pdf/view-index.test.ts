/** The view index's stored form: what is written reads back the same; anything else is refused. */
import { expect, it } from 'vitest';
import { decodeViewIndex, encodeViewIndex, VIEW_PIECE_SIZE } from '../../../../src/renderer/pdf/view-index.ts';

const length = 10 * VIEW_PIECE_SIZE + 300;
const piece = (n: number, size = VIEW_PIECE_SIZE) => new Uint8Array(size).fill(n);
const index = {
  pieceSize: VIEW_PIECE_SIZE,
  length,
  pieces: new Map([
    [0, piece(1)],
    [7, piece(2)],
    [10, piece(3, 300)],
  ]),
  chunks: [0, 2],
};

it('reads back what it wrote, the short last piece included', () => {
  const decoded = decodeViewIndex(encodeViewIndex(index));
  expect(decoded).not.toBeNull();
  expect(decoded!.length).toBe(length);
  expect(decoded!.pieceSize).toBe(VIEW_PIECE_SIZE);
  expect(decoded!.chunks).toEqual([0, 2]);
  expect([...decoded!.pieces.keys()]).toEqual([0, 7, 10]);
  expect(decoded!.pieces.get(7)).toEqual(piece(2));
  expect(decoded!.pieces.get(10)).toEqual(piece(3, 300));
});

it('refuses bytes that do not add up, so that the document opens without the index', () => {
  const bytes = encodeViewIndex(index);
  expect(decodeViewIndex(new Uint8Array(0))).toBeNull();
  expect(decodeViewIndex(bytes.slice(0, bytes.byteLength - 1))).toBeNull();
  expect(decodeViewIndex(new Uint8Array([...bytes, 0]))).toBeNull();
  const otherFormat = bytes.slice();
  otherFormat[3] = 9;
  expect(decodeViewIndex(otherFormat)).toBeNull();
  // A piece beyond the end of the file has no bytes.
  const beyond = encodeViewIndex({ ...index, pieces: new Map([[0, piece(1)]]) });
  new DataView(beyond.buffer).setUint32(24 + 0, 99);
  expect(decodeViewIndex(beyond)).toBeNull();
});
