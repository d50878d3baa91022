/**
 * Document bytes whose document is gone from the cache: bookkeeping rows without a document row,
 * chunks (bytes, view index, first-view picture) without a bookkeeping row. A revocation or a
 * snapshot's sweep ends with this, so that nothing of a revoked case survives — not even what a
 * download or the viewer was writing at that moment under an id the purge did not know.
 * Call inside a read-write transaction over documents, contents and contentChunks.
 */
import type { CacheDb } from '../db.ts';

export async function sweepOrphanedContent(db: CacheDb): Promise<{ contents: number; chunkOwners: number }> {
  const [documentIds, contentIds, chunkOwners] = await Promise.all([
    db.documents.toCollection().primaryKeys(),
    db.contents.toCollection().primaryKeys(),
    db.contentChunks.orderBy('documentId').uniqueKeys(),
  ]);
  const documents = new Set<string>(documentIds);
  const orphanedContents = contentIds.filter((id) => !documents.has(id));
  const kept = new Set(contentIds.filter((id) => documents.has(id)));
  const orphanedChunks = (chunkOwners as string[]).filter((id) => !kept.has(id));
  await Promise.all([
    orphanedContents.length ? db.contents.bulkDelete(orphanedContents) : null,
    orphanedChunks.length ? db.contentChunks.where('documentId').anyOf(orphanedChunks).delete() : null,
  ]);
  return { contents: orphanedContents.length, chunkOwners: orphanedChunks.length };
}
