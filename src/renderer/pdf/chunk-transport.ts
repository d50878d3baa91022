/**
 * Feeds pdf.js the byte ranges it asks for from a document stored in sealed chunks. pdf.js asks
 * in small pieces (VIEW_PIECE_SIZE). A piece in the document's view index is answered from
 * memory, exactly; anything else is answered from its storage chunk, decrypted once, up to the end
 * of that chunk, so that drawing a page costs one round trip per chunk rather than one per piece.
 *
 * Recording (for building a view index from bytes in memory) answers exactly what was asked, so
 * that the pieces pdf.js needed to open the file are known.
 */
import { PDFDataRangeTransport } from 'pdfjs-dist';
import { concatBytes } from '../../shared/util/bytes.ts';
import { encodeViewIndex, VIEW_PIECE_SIZE, type ViewIndex } from './view-index.ts';

/** A document stored in equal chunks (the last may be short) that can be read one at a time. */
export type ChunkSource = {
  readonly length: number;
  readonly chunkSize: number;
  readChunk(index: number): Promise<Uint8Array<ArrayBuffer>>;
};

/** Decrypted chunks kept at once: the page being drawn and its neighbours' images. */
const KEPT_CHUNKS = 4;
/** Storage reads at once; pdf.js consumes front to back, so the lowest waiting chunk goes first. */
const PARALLEL_READS = 2;

export class ChunkTransport extends PDFDataRangeTransport {
  readonly #source: ChunkSource;
  readonly #index: ViewIndex | null;
  readonly #kept = new Map<number, Promise<Uint8Array<ArrayBuffer>>>();
  readonly #waiting: { index: number; start: () => void }[] = [];
  #reading = 0;
  #aborted = false;
  /** Starts of the ranges asked for and not answered yet. */
  readonly #pending = new Set<number>();
  /** When recording: the pieces pdf.js read while opening, and the chunks it read after. */
  readonly #recording: { pieces: Map<number, Uint8Array<ArrayBuffer>>; chunks: Set<number>; open: boolean } | null;
  #reject: (error: unknown) => void = () => undefined;
  #failedToRead = false;
  /**
   * Rejects when a stored chunk cannot be read (damaged, or gone): pdf.js would otherwise wait
   * for the bytes until its time limit.
   */
  readonly readFailure = new Promise<never>((_, reject) => (this.#reject = reject));

  get failedToRead(): boolean {
    return this.#failedToRead;
  }

  constructor(source: ChunkSource, options: { index?: ViewIndex | null; record?: boolean } = {}) {
    const { index } = options;
    const usable = index && index.length === source.length && index.pieceSize === VIEW_PIECE_SIZE ? index : null;
    super(source.length, usable ? ChunkTransport.#prefix(usable) : null);
    this.#source = source;
    this.#index = usable;
    this.#recording = options.record ? { pieces: new Map(), chunks: new Set(), open: true } : null;
    // Reported to whoever opens the document; a failure after that fails the page that needed it.
    this.readFailure.catch(() => undefined);
    // The first page's chunks are decrypted while pdf.js parses the page tree.
    if (usable) for (const chunk of usable.chunks) void this.#chunk(chunk).catch(() => undefined);
  }

  /**
   * The size in which pdf.js should ask (its `rangeChunkSize`): small pieces with an index or
   * when recording one; otherwise whole storage chunks, so that a page-tree walk asks once per
   * chunk rather than once per page.
   */
  get pieceSize(): number {
    return this.#index || this.#recording ? VIEW_PIECE_SIZE : this.#source.chunkSize;
  }

  /** The index's pieces that follow on from the start of the file, handed over before any request. */
  static #prefix(index: ViewIndex): Uint8Array<ArrayBuffer> | null {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let p = 0; index.pieces.has(p); p++) parts.push(index.pieces.get(p)!);
    return parts.length ? concatBytes(parts) : null;
  }

  /** Opening is over: what pdf.js reads from now on belongs to pages, not to opening. */
  opened(): void {
    if (this.#recording) this.#recording.open = false;
  }

  /** The recorded index, encoded; null when not recording. */
  recordedIndex(): Uint8Array<ArrayBuffer> | null {
    const r = this.#recording;
    if (!r || r.pieces.size === 0) return null;
    return encodeViewIndex({
      pieceSize: VIEW_PIECE_SIZE,
      length: this.#source.length,
      pieces: r.pieces,
      chunks: [...r.chunks].slice(0, 8),
    });
  }

  override requestDataRange(begin: number, end: number): void {
    this.#pending.add(begin);
    void this.#serve(begin, Math.min(end, this.#source.length))
      .catch((error: unknown) => {
        // A range pdf.js no longer waits for (document closing) is dropped.
        if (this.#aborted) return;
        this.#failedToRead = true;
        this.#reject(error);
      })
      .finally(() => this.#pending.delete(begin));
  }

  /**
   * How far to answer a range from the chunks: to the end of its storage chunk, but not into a
   * range pdf.js has asked for separately (walking the page tree, it asks for hundreds at once;
   * each answered to the chunk's end would send the same bytes many times over).
   */
  #answerEnd(begin: number, end: number): number {
    const { chunkSize, length } = this.#source;
    let upTo = Math.min(length, Math.ceil(end / chunkSize) * chunkSize);
    for (const other of this.#pending) if (other >= end && other < upTo) upTo = other;
    return upTo;
  }

  async #serve(begin: number, end: number): Promise<void> {
    const recording = this.#recording;
    let bytes = this.#fromIndex(begin, end);
    if (!bytes) {
      // Beyond what was asked: pdf.js keeps what it gets, and asks again less often. How far is
      // decided once the chunk is at hand, when the whole burst of requests has arrived.
      const limit = this.#answerEnd(begin, end);
      bytes = await this.#fromChunks(begin, limit, () => (recording ? end : this.#answerEnd(begin, end)));
    }
    if (this.#aborted) return;
    if (recording?.open) {
      for (let p = Math.floor(begin / VIEW_PIECE_SIZE); p * VIEW_PIECE_SIZE < end; p++) {
        const from = p * VIEW_PIECE_SIZE - begin;
        recording.pieces.set(p, bytes.slice(from, from + VIEW_PIECE_SIZE));
      }
    } else if (recording) {
      const { chunkSize } = this.#source;
      for (let c = Math.floor(begin / chunkSize); c * chunkSize < end; c++) recording.chunks.add(c);
    }
    this.onDataRange(begin, bytes);
  }

  /**
   * The asked range from the index, extended by the index pieces that follow without a gap (the
   * rest of a cross-reference table, a dictionary running into the next piece), so that pdf.js
   * need not come back for them one at a time. Null unless the whole asked range is indexed.
   */
  #fromIndex(begin: number, end: number): Uint8Array<ArrayBuffer> | null {
    const pieces = this.#index?.pieces;
    if (!pieces) return null;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let p = Math.floor(begin / VIEW_PIECE_SIZE);
    for (; p * VIEW_PIECE_SIZE < end; p++) {
      const piece = pieces.get(p);
      if (!piece) return null;
      parts.push(piece);
    }
    for (let next = pieces.get(p); next; next = pieces.get(++p)) parts.push(next);
    // A copy: what is handed to pdf.js may be moved to its worker, the index stays whole.
    const joined = concatBytes(parts);
    const offset = begin % VIEW_PIECE_SIZE;
    return offset === 0 ? joined : joined.slice(offset);
  }

  /** Bytes from `begin` to `endOnceRead()` (at most `limit`), from the storage chunks. */
  async #fromChunks(begin: number, limit: number, endOnceRead: () => number): Promise<Uint8Array<ArrayBuffer>> {
    const { chunkSize } = this.#source;
    const first = Math.floor(begin / chunkSize);
    const last = Math.ceil(limit / chunkSize) - 1;
    const reads: Promise<Uint8Array<ArrayBuffer>>[] = [];
    for (let i = first; i <= last; i++) reads.push(this.#chunk(i));
    const parts = await Promise.all(reads);
    const offset = begin - first * chunkSize;
    const end = Math.min(limit, endOnceRead());
    return (parts.length === 1 ? parts[0]! : concatBytes(parts)).slice(offset, offset + (end - begin));
  }

  /** A decrypted storage chunk: kept, being read, or queued for reading. */
  #chunk(index: number): Promise<Uint8Array<ArrayBuffer>> {
    let chunk = this.#kept.get(index);
    if (chunk) {
      // Most recently used last.
      this.#kept.delete(index);
      this.#kept.set(index, chunk);
      return chunk;
    }
    chunk = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      this.#waiting.push({
        index,
        start: () => {
          this.#reading++;
          this.#source
            .readChunk(index)
            .then(resolve, reject)
            .finally(() => {
              this.#reading--;
              this.#pump();
            });
        },
      });
      this.#pump();
    });
    chunk.catch(() => this.#kept.get(index) === chunk && this.#kept.delete(index));
    this.#kept.set(index, chunk);
    while (this.#kept.size > KEPT_CHUNKS) this.#kept.delete(this.#kept.keys().next().value!);
    return chunk;
  }

  #pump(): void {
    while (this.#reading < PARALLEL_READS && this.#waiting.length > 0 && !this.#aborted) {
      this.#waiting.sort((a, b) => a.index - b.index);
      this.#waiting.shift()!.start();
    }
  }

  override abort(): void {
    this.#aborted = true;
    this.#waiting.length = 0;
    this.#kept.clear();
  }
}
