/**
 * Document bytes in the cache: stored as sealed chunks beside a bookkeeping record, so that a
 * download resumes chunk by chunk and eviction frees whole documents.
 */
import { concatBytes } from '../../../shared/util/bytes.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { ContentChunkRecord, ContentRecord, ContentState } from '../records.ts';

/** Whose bytes a chunk holds: the document, the version that brought the bytes, and (hashed) their sha256. */
export type ChunkOwner = Pick<ContentRecord, 'documentId' | 'bytesVersion'> & { readonly sha256Mac: string };

/** The owner of a record's stored chunks; none while nothing is stored. */
export function ownerOf(record: ContentRecord): ChunkOwner | null {
  const { documentId, bytesVersion, sha256Mac } = record;
  return sha256Mac === undefined ? null : { documentId, bytesVersion, sha256Mac };
}

/**
 * A chunk is sealed for its place in exactly these bytes of this document version, so chunks of
 * two versions never mix, and a chunk copied to another place does not open.
 */
export function chunkBinding(owner: ChunkOwner, index: number): string {
  return `contentChunks/${owner.documentId}/${owner.bytesVersion}/${owner.sha256Mac}/${index}`;
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
/** The view records start with the keyed hash of the bytes they were made for (64 hex characters). */
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

type ContentCollection = ReturnType<CacheDb['contents']['toCollection']>;

/**
 * One indexed read per state, for the content records in some states. Dexie reads `anyOf` with a
 * cursor stepped record by record, which over thousands of documents keeps the database busy
 * long enough for a window's reads (a case just clicked) to wait behind it.
 */
function perState<T>(
  db: CacheDb,
  states: readonly ContentState[],
  read: (records: ContentCollection) => Promise<T>,
): Promise<T[]> {
  return Promise.all(states.map((state) => read(db.contents.where('state').equals(state))));
}

export async function contentsInStates(db: CacheDb, states: readonly ContentState[]): Promise<ContentRecord[]> {
  return (await perState(db, states, (records) => records.toArray())).flat();
}

export async function contentIdsInStates(db: CacheDb, states: readonly ContentState[]): Promise<string[]> {
  return (await perState(db, states, (records) => records.primaryKeys())).flat();
}

export async function countContentsInStates(db: CacheDb, states: readonly ContentState[]): Promise<number> {
  return (await perState(db, states, (records) => records.count())).reduce((a, b) => a + b, 0);
}

/** Whether a content record still holds the bytes `owner` was made for. */
export function sameBytes(record: Pick<ContentRecord, 'bytesVersion' | 'sha256Mac'>, owner: ChunkOwner): boolean {
  return record.sha256Mac === owner.sha256Mac && record.bytesVersion === owner.bytesVersion;
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
    owner: ChunkOwner,
    index: number,
    sealed: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<Uint8Array<ArrayBuffer> | null> {
    if (!sealed) return null;
    try {
      const plain = await cipher.openBytes(sealed, chunkBinding(owner, index));
      const recordedFor = new TextDecoder().decode(plain.subarray(0, SHA256_HEX_LENGTH));
      return recordedFor === owner.sha256Mac ? plain.slice(SHA256_HEX_LENGTH) : null;
    } catch {
      return null;
    }
  }

  /** Stores such a record, unless the document's bytes changed or went meanwhile. */
  async function saveViewRecord(owner: ChunkOwner, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const { documentId } = owner;
    const plain = new Uint8Array(SHA256_HEX_LENGTH + bytes.byteLength);
    plain.set(new TextEncoder().encode(owner.sha256Mac));
    plain.set(bytes, SHA256_HEX_LENGTH);
    const sealed = await cipher.sealBytes(plain, chunkBinding(owner, index));
    await db.transaction('rw', db.contents, db.contentChunks, async () => {
      const now = await db.contents.get(documentId);
      if (now?.state !== 'complete' || !sameBytes(now, owner)) return;
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
     * The whole document's bytes, when completely cached. Not a use of the document: the viewer
     * marks that when it opens the content (`openChunked`). The sync engine reads a
     * just-downloaded document with `verifying` to check it before it counts.
     */
    async read(
      documentId: string,
      { verifying = false }: { verifying?: boolean } = {},
    ): Promise<Uint8Array<ArrayBuffer>> {
      // Each chunk is decrypted as soon as it is read, while the next ones are still on the way.
      const parts: Promise<Uint8Array<ArrayBuffer>>[] = [];
      await db.transaction('r', db.contents, db.contentChunks, async () => {
        const [record, keys] = await Promise.all([
          db.contents.get(documentId),
          db.contentChunks.where('[documentId+index]').between([documentId, 0], [documentId, Infinity]).primaryKeys(),
        ]);
        const owner = record && ownerOf(record);
        if (!record || !owner || (record.state !== 'complete' && !verifying)) throw new ContentNotCachedError();
        await Promise.all(
          keys.map(([, index], k) =>
            db.contentChunks.get([documentId, index]).then((chunk) => {
              const opened = chunk
                ? cipher.openBytes(chunk.sealed, chunkBinding(owner, index))
                : Promise.reject(new ContentNotCachedError());
              opened.catch(() => undefined);
              parts[k] = opened;
            }),
          ),
        );
      });
      return concatBytes(await Promise.all(parts));
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
      const owner = record && ownerOf(record);
      if (!record || !owner || record.state !== 'complete') throw new ContentNotCachedError();
      const [viewIndex, preview, failure] = await Promise.all([
        openViewRecord(owner, VIEW_INDEX_CHUNK, sealedIndex?.sealed),
        openViewRecord(owner, VIEW_PREVIEW_CHUNK, sealedPreview?.sealed),
        openViewRecord(owner, VIEW_FAILURE_CHUNK, sealedFailure?.sealed),
      ]);
      return {
        byteSize: record.byteSize,
        chunkSize: record.chunkSize,
        viewIndex,
        preview,
        async readChunk(index) {
          const chunk = await db.contentChunks.get([documentId, index]);
          if (!chunk) throw new ContentNotCachedError();
          return cipher.openBytes(chunk.sealed, chunkBinding(owner, index));
        },
        saveViewIndex: (index) => saveViewRecord(owner, VIEW_INDEX_CHUNK, index),
        savePreview: (preview) => saveViewRecord(owner, VIEW_PREVIEW_CHUNK, preview),
        failure: failure ? new TextDecoder().decode(failure) : null,
        saveFailure: (code) => saveViewRecord(owner, VIEW_FAILURE_CHUNK, new TextEncoder().encode(code)),
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

    async sealChunk(owner: ChunkOwner, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<ContentChunkRecord> {
      return { documentId: owner.documentId, index, sealed: await cipher.sealBytes(bytes, chunkBinding(owner, index)) };
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
