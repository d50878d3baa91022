/**
 * A signed-in session for tests and a cache seeded with a document, its bytes and its case, as
 * the sync engine would leave them.
 */
import type { CacheKeys } from '../../../src/renderer/data/crypto/cache-keys.ts';
import { createCacheKey } from '../../../src/renderer/data/crypto/key-wrap.ts';
import { documentRecord } from '../../../src/renderer/data/repos/documents.ts';
import { contentMac } from '../../../src/renderer/sync/apply-changes.ts';
import type { ContentChunkRecord, ContentRecord } from '../../../src/renderer/data/records.ts';
import { openSession, type OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import type { CaseDocument } from '../../../src/shared/domain/document.ts';
import type { User } from '../../../src/shared/domain/user.ts';

export const CHUNK_SIZE = 1024 * 1024;

export function testUser(id: string, displayName = 'Erika Muster'): User {
  return { id, username: id, displayName, roles: ['caseworker'] } as User;
}

/** A fresh session; pass the same keys to open the same cache as another "window". */
export async function openTestSession(user: User, key?: CacheKeys): Promise<{ session: Session; key: CacheKeys }> {
  const keys = key ?? (await createCacheKey()).keys;
  return { session: openSession(user, keys), key: keys };
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type SeedOptions = {
  id: string;
  caseId?: string;
  bgNumber?: string;
  type?: CaseDocument['type'];
  title?: string;
  receivedOn?: string;
  pageCount?: number;
  /** Storage chunk size; small ones make a small test scan open chunk by chunk like a large one. */
  chunkSize?: number;
};

/** Writes a document's metadata, its case and its bytes (sealed in chunks) into the cache. */
export async function seedDocument(
  session: Session,
  bytes: Uint8Array<ArrayBuffer>,
  options: SeedOptions,
): Promise<CaseDocument> {
  const caseId = options.caseId ?? 'case-1';
  const now = new Date().toISOString();
  const doc = {
    id: options.id,
    caseId,
    type: options.type ?? 'bankStatement',
    register: 'income',
    title: options.title ?? 'Kontoauszüge Mai 2025',
    direction: 'incoming',
    status: 'new',
    receivedOn: options.receivedOn ?? '2025-06-02',
    pageCount: Math.max(1, options.pageCount ?? 1),
    byteSize: Math.max(1, bytes.byteLength),
    sha256: await sha256(bytes),
    version: 1,
    updatedAt: now,
  } as CaseDocument;
  const { db, cipher, contents } = session;
  const chunks: ContentChunkRecord[] = [];
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const owner = { documentId: doc.id, bytesVersion: doc.version, sha256Mac: await contentMac(cipher, doc.sha256) };
  for (let index = 0, at = 0; at < bytes.byteLength || index === 0; index++, at += chunkSize) {
    chunks.push(await contents.sealChunk(owner, index, bytes.slice(at, at + chunkSize)));
  }
  const content: ContentRecord = {
    ...owner,
    caseId,
    byteSize: bytes.byteLength,
    storedBytes: bytes.byteLength,
    chunkSize,
    state: 'complete',
    lastAccessAt: Date.now(),
    pinned: 0,
    failures: 0,
  };
  const record = await documentRecord(cipher, doc);
  const bgNumber = options.bgNumber ?? '12345BG0012345';
  const caseSealed = await cipher.sealJson(
    { id: caseId, bgNumber, status: 'active', openedOn: '2024-01-15', version: 1, updatedAt: now },
    `cases/${caseId}`,
  );
  const bgNumberMac = await cipher.indexHash('bgNumber', bgNumber);
  await db.transaction('rw', [db.documents, db.contents, db.contentChunks, db.cases], async () => {
    await db.cases.put({
      id: caseId,
      caseId,
      version: 1,
      updatedAt: now,
      sealed: caseSealed,
      bgNumberMac,
      status: 'active',
    });
    await db.documents.put(record);
    await db.contentChunks.where('documentId').equals(doc.id).delete();
    await db.contentChunks.bulkPut(chunks);
    await db.contents.put(content);
  });
  return doc;
}
