/**
 * Document bytes in the cache: stored as sealed chunks beside a bookkeeping record, so that a
 * download resumes chunk by chunk and eviction frees whole documents.
 */
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { ContentChunkRecord, ContentRecord } from '../records.ts';

export function chunkBinding(documentId: string, index: number): string {
  return `contentChunks/${documentId}/${index}`;
}

export class ContentNotCachedError extends Error {
  readonly code = 'content-not-cached';
  constructor() {
    super('Das Dokument ist noch nicht auf diesem Gerät gespeichert.');
    this.name = 'ContentNotCachedError';
  }
}

export type ChunkedContent = {
  readonly byteSize: number;
  readonly chunkSize: number;
  readChunk(index: number): Promise<Uint8Array<ArrayBuffer>>;
};

export function createContentsRepo(db: CacheDb, cipher: CacheCipher, clock: () => number = () => Date.now()) {
  return {
    get: (documentId: string): Promise<ContentRecord | undefined> => db.contents.get(documentId),

    /**
     * The whole document's bytes, when completely cached; marks it as recently used. The sync
     * engine reads a just-downloaded document with `verifying` to check it before it counts.
     */
    async read(documentId: string, { verifying = false } = {}): Promise<Uint8Array<ArrayBuffer>> {
      const [record, chunks] = await db.transaction(
        'r',
        db.contents,
        db.contentChunks,
        async () =>
          [
            await db.contents.get(documentId),
            await db.contentChunks.where('documentId').equals(documentId).sortBy('index'),
          ] as const,
      );
      if (!record || (record.state !== 'complete' && !verifying)) throw new ContentNotCachedError();
      const parts = await Promise.all(chunks.map((c) => cipher.openBytes(c.sealed, chunkBinding(documentId, c.index))));
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.byteLength;
      }
      if (!verifying) await db.contents.update(documentId, { lastAccessAt: clock() });
      return bytes;
    },

    /**
     * A completely cached document to be read chunk by chunk, so that a large file opens without
     * decrypting all of it first; marks it as recently used.
     */
    async openChunked(documentId: string): Promise<ChunkedContent> {
      // Marking the access alongside the read saves a round trip before the first page.
      const [record] = await Promise.all([
        db.contents.get(documentId),
        db.contents.update(documentId, { lastAccessAt: clock() }),
      ]);
      if (!record || record.state !== 'complete') throw new ContentNotCachedError();
      return {
        byteSize: record.byteSize,
        chunkSize: record.chunkSize,
        async readChunk(index) {
          const chunk = await db.contentChunks.get([documentId, index]);
          if (!chunk) throw new ContentNotCachedError();
          return cipher.openBytes(chunk.sealed, chunkBinding(documentId, index));
        },
      };
    },

    async sealChunk(documentId: string, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<ContentChunkRecord> {
      return { documentId, index, sealed: await cipher.sealBytes(bytes, chunkBinding(documentId, index)) };
    },

    setPinned: (documentId: string, pinned: boolean) => db.contents.update(documentId, { pinned: pinned ? 1 : 0 }),
  };
}
export type ContentsRepo = ReturnType<typeof createContentsRepo>;
