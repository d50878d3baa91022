/**
 * Fetches one document's bytes into the cache: in byte ranges, each cut into sealed chunks that
 * are written as they arrive, so a dropped connection resumes at the last stored chunk instead of
 * from zero. The whole is verified against the sha256 of the sealed document; a mismatch drops
 * the chunks and counts a failure, so the next round fetches it again. A chunk is written only
 * while its document is still there with the same bytes (checked inside the chunk's
 * transaction): a case revoked during a download keeps nothing of it.
 */
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { CacheDb } from '../data/db.ts';
import type { ContentRecord } from '../data/records.ts';
import { sameBytes, type ChunkOwner, type ContentsRepo } from '../data/repos/contents.ts';
import { cachedDocumentSchema } from '../data/repos/documents.ts';
import { openEntity } from '../data/repos/sealed-entities.ts';
import { contentMac } from './apply-changes.ts';
import type { ApiClient } from '../api/api-client.ts';
import { ChecksumMismatchError, NetworkError } from '../api/api-errors.ts';

/** Bytes asked for per request: large enough that round trips cost little on a slow, far link. */
export const RANGE_SPAN_BYTES = 8 * 1024 * 1024;

export type ContentFetchDeps = {
  api: ApiClient;
  db: CacheDb;
  cipher: CacheCipher;
  contents: ContentsRepo;
  /** Called before a chunk is written; may evict others or throw StorageFullError. */
  writeChunk?: (write: () => Promise<void>) => Promise<void>;
  /**
   * Runs the download's other writes (its completion, a reset): the round lets the user's reads
   * go first and keeps them in line with the chunk writes.
   */
  writeState?: (write: () => Promise<void>) => Promise<void>;
  onBytes?: (documentId: string, bytes: number) => void;
};

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a response body in `chunkSize` pieces (the last may be short). */
async function* pieces(body: ReadableStream<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  let buffer = new Uint8Array(chunkSize);
  let filled = 0;
  try {
    for (;;) {
      let next;
      try {
        next = await reader.read();
      } catch (error) {
        throw new NetworkError(error instanceof Error ? error.message : String(error));
      }
      if (next.done) break;
      let data = next.value;
      while (data.byteLength) {
        const take = Math.min(chunkSize - filled, data.byteLength);
        buffer.set(data.subarray(0, take), filled);
        filled += take;
        data = data.subarray(take);
        if (filled === chunkSize) {
          yield buffer;
          buffer = new Uint8Array(chunkSize);
          filled = 0;
        }
      }
    }
    if (filled) yield buffer.slice(0, filled);
  } finally {
    // Left early (the document went meanwhile, or an error): the rest is not needed.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function resetContent(db: CacheDb, documentId: string, failures: number): Promise<void> {
  await db.transaction('rw', db.contents, db.contentChunks, async () => {
    await db.contentChunks.where('documentId').equals(documentId).delete();
    await db.contents.update(documentId, { storedBytes: 0, state: 'missing', failures, viewBytes: 0 });
  });
}

/**
 * The sha256 the bytes must have, from the sealed document, and the owner the chunks are sealed
 * for; null when the document is gone or its bytes are no longer the ones the bookkeeping was made
 * for (the next pull sets that right).
 */
async function expected(
  deps: ContentFetchDeps,
  record: ContentRecord,
): Promise<{ sha256: string; owner: ChunkOwner } | null> {
  const sealed = await deps.db.documents.get(record.documentId);
  if (!sealed) return null;
  const doc = await openEntity(deps.cipher, 'documents', sealed, cachedDocumentSchema);
  const sha256Mac = await contentMac(deps.cipher, doc.sha256);
  if (record.sha256Mac !== undefined && record.sha256Mac !== sha256Mac) return null;
  return { sha256: doc.sha256, owner: { documentId: record.documentId, bytesVersion: record.bytesVersion, sha256Mac } };
}

/**
 * Inside a transaction over documents and contents: are these still the bytes being fetched? (A
 * record that has stored nothing yet takes the owner's hash with the first chunk.)
 */
async function stillWanted(db: CacheDb, owner: ChunkOwner): Promise<boolean> {
  const [doc, now] = await Promise.all([db.documents.get(owner.documentId), db.contents.get(owner.documentId)]);
  return doc !== undefined && now !== undefined && heldFor(now, owner);
}

function heldFor(record: ContentRecord, owner: ChunkOwner): boolean {
  return record.sha256Mac === undefined ? record.bytesVersion === owner.bytesVersion : sameBytes(record, owner);
}

export async function fetchContent(deps: ContentFetchDeps, documentId: string, signal?: AbortSignal): Promise<void> {
  const { api, db, contents } = deps;
  const write = deps.writeChunk ?? ((w: () => Promise<void>) => w());
  const writeState = deps.writeState ?? ((w: () => Promise<void>) => w());
  const reset = (failures: number) => writeState(() => resetContent(db, documentId, failures));
  let record: ContentRecord | undefined = await db.contents.get(documentId);
  if (!record || record.state === 'complete') return;
  const { chunkSize, byteSize } = record;
  const target = await expected(deps, record);
  if (!target) return;
  const { sha256, owner } = target;

  while (record.storedBytes < byteSize) {
    signal?.throwIfAborted();
    const from: number = record.storedBytes;
    const to = Math.min(byteSize, from + RANGE_SPAN_BYTES) - 1;
    const response = await api.content({ documentId, from, to, etag: sha256, ...(signal ? { signal } : {}) });
    let offset = from;
    if (response.status === 200 && from > 0) {
      // The service sent the whole document instead of the range: start over with it.
      await reset(record.failures);
      offset = 0;
    }
    if (!response.body) throw new NetworkError('content answer without a body');
    const download = { gone: false };
    for await (const piece of pieces(response.body, chunkSize)) {
      if (offset + piece.byteLength > byteSize) throw new ChecksumMismatchError(documentId);
      const chunk = await contents.sealChunk(owner, offset / chunkSize, piece);
      const storedBytes = offset + piece.byteLength;
      await write(() =>
        db.transaction('rw', db.documents, db.contents, db.contentChunks, async () => {
          // Revoked, deleted or changed meanwhile: the chunk is dropped, and so is the download.
          if (!(await stillWanted(db, owner))) {
            download.gone = true;
            return;
          }
          await db.contentChunks.put(chunk);
          await db.contents.update(documentId, { storedBytes, state: 'partial', sha256Mac: owner.sha256Mac });
        }),
      );
      if (download.gone) return;
      offset = storedBytes;
      deps.onBytes?.(documentId, piece.byteLength);
    }
    const stored: ContentRecord | undefined = await db.contents.get(documentId);
    if (!stored || !heldFor(stored, owner)) return; // purged or replaced meanwhile
    if (stored.storedBytes === from) throw new NetworkError('no bytes received');
    record = stored;
  }

  // Verify the whole document before it counts as cached.
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await contents.read(documentId, { verifying: true });
  } catch {
    await reset(record.failures + 1);
    throw new ChecksumMismatchError(documentId);
  }
  const actual = toHex(await crypto.subtle.digest('SHA-256', bytes));
  if (actual !== sha256 || bytes.byteLength !== byteSize) {
    await reset(record.failures + 1);
    throw new ChecksumMismatchError(documentId);
  }
  await writeState(() =>
    db.transaction('rw', db.documents, db.contents, async () => {
      if (await stillWanted(db, owner)) await db.contents.update(documentId, { state: 'complete', failures: 0 });
    }),
  );
}
