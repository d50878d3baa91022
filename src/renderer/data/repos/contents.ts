/**
 * Document bytes in the cache: stored as sealed chunks beside a bookkeeping record, so that a
 * download resumes chunk by chunk and eviction frees whole documents.
 */
import { concatBytes } from '../../../shared/util/bytes.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { ContentChunkRecord, ContentRecord } from '../records.ts';

export function chunkBinding(documentId: string, index: number): string {
  return `contentChunks/${documentId}/${index}`;
}

/**
 * The document's view index (see src/renderer/pdf/view-index.ts) is kept as a chunk of its own
 * below the first, so that whatever drops a document's chunks (eviction, a new version, a case
 * leaving the user) drops the index with them.
 */
export const VIEW_INDEX_CHUNK = -1;
/**
 * What the viewer remembers of the document's first view (see
 * src/renderer/features/viewer/page-preview.ts): page count, page size and page 1 as drawn. Kept
 * the same way as the view index.
 */
export const VIEW_PREVIEW_CHUNK = -2;
/**
 * That preparing the first view of exactly these bytes failed (the file does not open): a code,
 * kept the same way, so that a document is not tried again until its bytes change.
 */
export const VIEW_FAILURE_CHUNK = -3;
const VIEW_RECORDS = [VIEW_INDEX_CHUNK, VIEW_PREVIEW_CHUNK, VIEW_FAILURE_CHUNK] as const;
const SHA256_HEX_LENGTH = 64;

/**
 * Drops the bytes of the given documents (chunks, view index, preview); their bookkeeping stays,
 * so that the sync engine fetches them again when needed.
 */
export async function dropContentBytes(db: CacheDb, documentIds: readonly string[]): Promise<void> {
  if (!documentIds.length) return;
  await db.transaction('rw', db.contents, db.contentChunks, async () => {
    await db.contentChunks
      .where('documentId')
      .anyOf([...documentIds])
      .delete();
    await db.contents
      .where('documentId')
      .anyOf([...documentIds])
      .modify({ storedBytes: 0, state: 'missing', viewBytes: 0 });
  });
}

export class ContentNotCachedError extends Error {
  readonly code = 'content-not-cached';
  constructor() {
    super('document bytes not yet stored on this device');
    this.name = 'ContentNotCachedError';
  }
}

export type ChunkedContent = {
  readonly byteSize: number;
  readonly chunkSize: number;
  /** The stored view index, when there is one for exactly these bytes. */
  readonly viewIndex: Uint8Array<ArrayBuffer> | null;
  readChunk(index: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Stores a view index recorded while viewing these bytes (ignored if the document changed meanwhile). */
  saveViewIndex(index: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The stored first-view preview, when there is one for exactly these bytes. */
  readonly preview: Uint8Array<ArrayBuffer> | null;
  /** Stores a first-view preview of these bytes (ignored if the document changed meanwhile). */
  savePreview(preview: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Why preparing the first view of exactly these bytes failed, or null. */
  readonly failure: string | null;
  /** Keeps that it failed, so that it is not tried again for these bytes. */
  saveFailure(code: string): Promise<void>;
};

/** Which view records are stored for each document (whatever bytes they were made for). */
export type ViewRecordsPresent = { readonly index: boolean; readonly preview: boolean; readonly failure: boolean };

export function createContentsRepo(db: CacheDb, cipher: CacheCipher, clock: () => number = () => Date.now()) {
  /**
   * A record the viewer keeps beside the chunks (view index, preview), or null when there is none,
   * it cannot be read, or it was made for other bytes.
   */
  async function openViewRecord(
    documentId: string,
    index: number,
    sha256: string,
    sealed: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<Uint8Array<ArrayBuffer> | null> {
    if (!sealed) return null;
    try {
      const plain = await cipher.openBytes(sealed, chunkBinding(documentId, index));
      const recordedFor = new TextDecoder().decode(plain.subarray(0, SHA256_HEX_LENGTH));
      return recordedFor === sha256 ? plain.slice(SHA256_HEX_LENGTH) : null;
    } catch {
      return null;
    }
  }

  /** Stores such a record, unless the document's bytes changed or went meanwhile. */
  async function saveViewRecord(
    documentId: string,
    index: number,
    sha256: string,
    bytes: Uint8Array<ArrayBuffer>,
  ): Promise<void> {
    const plain = new Uint8Array(SHA256_HEX_LENGTH + bytes.byteLength);
    plain.set(new TextEncoder().encode(sha256));
    plain.set(bytes, SHA256_HEX_LENGTH);
    const sealed = await cipher.sealBytes(plain, chunkBinding(documentId, index));
    await db.transaction('rw', db.contents, db.contentChunks, async () => {
      const now = await db.contents.get(documentId);
      if (now?.state !== 'complete' || now.sha256 !== sha256) return;
      // What the record replaces no longer counts in the cache budget; it does.
      const before = (await db.contentChunks.get([documentId, index]))?.sealed.byteLength ?? 0;
      await db.contentChunks.put({ documentId, index, sealed });
      await db.contents.update(documentId, {
        viewBytes: Math.max(0, (now.viewBytes ?? 0) - before) + sealed.byteLength,
      });
    });
  }

  return {
    get: (documentId: string): Promise<ContentRecord | undefined> => db.contents.get(documentId),

    /**
     * The whole document's bytes, when completely cached; marks it as recently used unless told
     * not to. The sync engine reads a just-downloaded document with `verifying` to check it
     * before it counts.
     */
    async read(
      documentId: string,
      { verifying = false, markUsed = !verifying }: { verifying?: boolean; markUsed?: boolean } = {},
    ): Promise<Uint8Array<ArrayBuffer>> {
      const [record, chunks] = await db.transaction(
        'r',
        db.contents,
        db.contentChunks,
        async () =>
          [
            await db.contents.get(documentId),
            await db.contentChunks
              .where('[documentId+index]')
              .between([documentId, 0], [documentId, Infinity])
              .toArray(),
          ] as const,
      );
      if (!record || (record.state !== 'complete' && !verifying)) throw new ContentNotCachedError();
      const parts = await Promise.all(chunks.map((c) => cipher.openBytes(c.sealed, chunkBinding(documentId, c.index))));
      const bytes = concatBytes(parts);
      if (markUsed) await db.contents.update(documentId, { lastAccessAt: clock() });
      return bytes;
    },

    /**
     * A completely cached document to be read chunk by chunk, so that a large file opens without
     * decrypting all of it first; marks it as recently used, unless the viewer only prepares it.
     */
    async openChunked(documentId: string, { markUsed = true } = {}): Promise<ChunkedContent> {
      // Marking the access alongside the reads saves a round trip before the first page.
      const [record, sealedIndex, sealedPreview, sealedFailure] = await Promise.all([
        db.contents.get(documentId),
        db.contentChunks.get([documentId, VIEW_INDEX_CHUNK]),
        db.contentChunks.get([documentId, VIEW_PREVIEW_CHUNK]),
        db.contentChunks.get([documentId, VIEW_FAILURE_CHUNK]),
        markUsed ? db.contents.update(documentId, { lastAccessAt: clock() }) : null,
      ]);
      if (!record || record.state !== 'complete') throw new ContentNotCachedError();
      const { sha256 } = record;
      const [viewIndex, preview, failure] = await Promise.all([
        openViewRecord(documentId, VIEW_INDEX_CHUNK, sha256, sealedIndex?.sealed),
        openViewRecord(documentId, VIEW_PREVIEW_CHUNK, sha256, sealedPreview?.sealed),
        openViewRecord(documentId, VIEW_FAILURE_CHUNK, sha256, sealedFailure?.sealed),
      ]);
      return {
        byteSize: record.byteSize,
        chunkSize: record.chunkSize,
        viewIndex,
        preview,
        async readChunk(index) {
          const chunk = await db.contentChunks.get([documentId, index]);
          if (!chunk) throw new ContentNotCachedError();
          return cipher.openBytes(chunk.sealed, chunkBinding(documentId, index));
        },
        saveViewIndex: (index) => saveViewRecord(documentId, VIEW_INDEX_CHUNK, sha256, index),
        savePreview: (preview) => saveViewRecord(documentId, VIEW_PREVIEW_CHUNK, sha256, preview),
        failure: failure ? new TextDecoder().decode(failure) : null,
        saveFailure: (code) => saveViewRecord(documentId, VIEW_FAILURE_CHUNK, sha256, new TextEncoder().encode(code)),
      };
    },

    /**
     * Which view records the given documents have, from the keys alone (nothing is read or
     * opened): what preparing first views in the background still has to do.
     */
    async viewRecordsPresent(documentIds: readonly string[]): Promise<Map<string, ViewRecordsPresent>> {
      const keys = documentIds.flatMap((id) => VIEW_RECORDS.map((index) => [id, index] as [string, number]));
      const present = new Set(
        (await db.contentChunks.where('[documentId+index]').anyOf(keys).primaryKeys()).map(([id, i]) => `${id}/${i}`),
      );
      return new Map(
        documentIds.map((id) => [
          id,
          {
            index: present.has(`${id}/${VIEW_INDEX_CHUNK}`),
            preview: present.has(`${id}/${VIEW_PREVIEW_CHUNK}`),
            failure: present.has(`${id}/${VIEW_FAILURE_CHUNK}`),
          },
        ]),
      );
    },

    async sealChunk(documentId: string, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<ContentChunkRecord> {
      return { documentId, index, sealed: await cipher.sealBytes(bytes, chunkBinding(documentId, index)) };
    },

    /**
     * The stored copy could not be read back (damaged on this device): it is dropped, so that the
     * next sync fetches the document again, as it does for any document not yet on the device.
     */
    discardUnreadable: (documentId: string): Promise<void> => dropContentBytes(db, [documentId]),

    setPinned: (documentId: string, pinned: boolean) => db.contents.update(documentId, { pinned: pinned ? 1 : 0 }),
  };
}
export type ContentsRepo = ReturnType<typeof createContentsRepo>;
