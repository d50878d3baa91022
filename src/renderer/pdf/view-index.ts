/**
 * The view index of a document: the small pieces of the file that pdf.js reads to open it (header,
 * cross-reference table, page tree and every page dictionary), and the storage chunks its first
 * page needs. pdf.js walks the whole page tree before it shows anything; in a scan whose page
 * dictionaries lie between the page images, that means reading and decrypting almost the whole
 * file. With the index, opening reads one small record instead, and page 1's chunk is fetched
 * while pdf.js parses.
 *
 * The index holds bytes of the file, so it is stored sealed like the chunks, and lives and dies
 * with them. It is recorded from a real pdf.js open, never guessed from the file.
 */

/** Bytes per piece; pdf.js reads the file in pieces of this size (its `rangeChunkSize`). */
export const VIEW_PIECE_SIZE = 1024;

const FORMAT = 1;
const HEADER_BYTES = 24;

export type ViewIndex = {
  readonly pieceSize: number;
  /** Length of the file the index was recorded from. */
  readonly length: number;
  /** Piece number → its bytes (the last piece of the file may be short). */
  readonly pieces: ReadonlyMap<number, Uint8Array<ArrayBuffer>>;
  /** Storage chunks the first page read, to be fetched while pdf.js parses. */
  readonly chunks: readonly number[];
};

function pieceLength(index: number, pieceSize: number, length: number): number {
  return Math.max(0, Math.min(pieceSize, length - index * pieceSize));
}

export function encodeViewIndex(index: ViewIndex): Uint8Array<ArrayBuffer> {
  const pieceNumbers = [...index.pieces.keys()].sort((a, b) => a - b);
  const dataBytes = pieceNumbers.reduce((n, p) => n + pieceLength(p, index.pieceSize, index.length), 0);
  const out = new Uint8Array(HEADER_BYTES + 4 * (pieceNumbers.length + index.chunks.length) + dataBytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, FORMAT);
  view.setUint32(4, index.pieceSize);
  view.setFloat64(8, index.length);
  view.setUint32(16, pieceNumbers.length);
  view.setUint32(20, index.chunks.length);
  let at = HEADER_BYTES;
  for (const p of pieceNumbers) {
    view.setUint32(at, p);
    at += 4;
  }
  for (const c of index.chunks) {
    view.setUint32(at, c);
    at += 4;
  }
  for (const p of pieceNumbers) {
    const bytes = index.pieces.get(p)!;
    out.set(bytes.subarray(0, pieceLength(p, index.pieceSize, index.length)), at);
    at += pieceLength(p, index.pieceSize, index.length);
  }
  return out;
}

/** Reads an index; anything that does not add up gives null, and the document opens without it. */
export function decodeViewIndex(bytes: Uint8Array): ViewIndex | null {
  if (bytes.byteLength < HEADER_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== FORMAT) return null;
  const pieceSize = view.getUint32(4);
  const length = view.getFloat64(8);
  const pieceCount = view.getUint32(16);
  const chunkCount = view.getUint32(20);
  if (pieceSize < 1 || !Number.isSafeInteger(length) || length < 0) return null;
  let at = HEADER_BYTES;
  if (bytes.byteLength < at + 4 * (pieceCount + chunkCount)) return null;
  const numbers: number[] = [];
  for (let i = 0; i < pieceCount; i++, at += 4) numbers.push(view.getUint32(at));
  const chunks: number[] = [];
  for (let i = 0; i < chunkCount; i++, at += 4) chunks.push(view.getUint32(at));
  const pieces = new Map<number, Uint8Array<ArrayBuffer>>();
  for (const p of numbers) {
    const n = pieceLength(p, pieceSize, length);
    if (n === 0 || at + n > bytes.byteLength) return null;
    pieces.set(p, bytes.slice(at, at + n));
    at += n;
  }
  return at === bytes.byteLength ? { pieceSize, length, pieces, chunks } : null;
}
