/**
 * Newly scanned mail arriving in a case (`POST /admin/inbox`): a new document with status `new`,
 * scanned today, its paper original kept for eight weeks from today.
 */
import { randomBytes } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { DEFAULT_DEMO } from '../options.ts';
import { originalRetainedUntil } from '../../src/shared/domain/original-retention.ts';
import { inTransaction } from '../store/database.ts';
import { writeScannedPdf } from './pdf-writer.ts';
import { rasterPool } from './raster-pool.ts';

export function addInboxDocument(
  ctx: ServerContext,
  caseId: string,
  pages: number,
  title = 'Posteingang (neu gescannt)',
): string {
  const demo = ctx.options.demo || DEFAULT_DEMO;
  const pool = rasterPool(demo.seed, demo.rasterPool, demo.pageWidthPx);
  const id = `d-in-${randomBytes(6).toString('hex')}`;
  const nowIso = new Date(ctx.now()).toISOString();
  const offset = randomBytes(1)[0] ?? 0;
  const scannedOn = nowIso.slice(0, 10);
  const blob = ctx.blobs.put(
    writeScannedPdf({
      title,
      createdAt: nowIso.slice(0, 19),
      pages: Array.from({ length: pages }, (_, i) => ({
        scan: pool[(offset + i) % pool.length]!,
        label: `Posteingang ${nowIso.slice(0, 10)} · ${id} · Seite ${i + 1} von ${pages}`,
      })),
    }),
  );
  inTransaction(ctx.db, () => {
    ctx.entities.put('document', id, caseId, (version) => ({
      id,
      caseId,
      type: 'other',
      register: 'correspondence',
      title,
      direction: 'incoming',
      status: 'new',
      receivedOn: scannedOn,
      pageCount: pages,
      byteSize: blob.byteSize,
      sha256: blob.sha256,
      scannedOn,
      originalRetainedUntil: originalRetainedUntil(scannedOn),
      version,
      updatedAt: nowIso,
    }));
  });
  return id;
}
