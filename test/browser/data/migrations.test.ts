/**
 * The cache schema's version 3 on a real IndexedDB: a version-2 cache loses every field that told
 * whose file it is and the service's data it cannot re-key without the key, and keeps every
 * outbox entry and the local records those entries carry.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { CacheDb } from '../../../src/renderer/data/db.ts';
import { SCHEMA_V2 } from '../../../src/renderer/data/migrations/v2.ts';
import { SCHEMA_V1 } from '../../../src/renderer/data/migrations/v1.ts';
import { dumpDatabase } from '../sync/harness.ts';

const name = `eakte-cache-migration-${Date.now()}`;
const sealed = new Uint8Array([1, 2, 3]);

afterEach(() => Dexie.delete(name));

it('version 3 drops the clear BG numbers, document types and bytes, and keeps the outbox and what it carries', async () => {
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  const base = { version: 1, updatedAt: '2025-06-02T08:00:00.000Z', sealed, epoch: 4 };
  await v2.table('cases').put({ id: 'c1', caseId: 'c1', bgNumber: '12345BG0012345', status: 'active', ...base });
  await v2.table('documents').bulkPut([
    // An inbox status changed on this device and not yet delivered, and one from the service.
    {
      id: 'd1',
      caseId: 'c1',
      type: 'medicalCertificate',
      register: 'other',
      sha256: 'a'.repeat(64),
      status: 'read',
      direction: 'incoming',
      receivedOn: '2025-06-01',
      pageCount: 2,
      byteSize: 10,
      ...base,
    },
    {
      id: 'd2',
      caseId: 'c1',
      type: 'payslip',
      register: 'income',
      sha256: 'b'.repeat(64),
      status: 'new',
      direction: 'incoming',
      receivedOn: '2025-06-01',
      pageCount: 1,
      byteSize: 10,
      ...base,
    },
  ]);
  await v2.table('notes').bulkPut([
    { id: 'n1', caseId: 'c1', ...base },
    { id: 'n2', caseId: 'c1', ...base },
  ]);
  await v2.table('contents').put({
    documentId: 'd2',
    caseId: 'c1',
    sha256: 'b'.repeat(64),
    state: 'complete',
    storedBytes: 10,
    byteSize: 10,
    chunkSize: 1024,
    lastAccessAt: 1,
    pinned: 0,
    failures: 0,
  });
  await v2.table('contentChunks').put({ documentId: 'd2', index: 0, sealed });
  const outbox = [
    {
      id: 'm1',
      kind: 'mutation',
      caseId: 'c1',
      entity: 'document',
      entityId: 'd1',
      op: 'put',
      status: 'pending',
      createdAt: base.updatedAt,
      attempts: 0,
      sealed,
    },
    {
      id: 'm2',
      kind: 'mutation',
      caseId: 'c1',
      entity: 'note',
      entityId: 'n1',
      op: 'put',
      status: 'rejected',
      createdAt: base.updatedAt,
      attempts: 1,
      sealed,
    },
    { id: 'a1', kind: 'audit', caseId: 'c1', status: 'pending', createdAt: base.updatedAt, attempts: 0, sealed },
  ];
  await v2.table('outbox').bulkAdd(outbox);
  await v2.table('syncState').bulkPut([
    { key: 'cursor', value: 'abc' },
    { key: 'epoch', value: 4 },
    { key: 'auth', value: sealed },
    { key: 'recentCases', value: ['c1'] },
  ]);
  v2.close();

  const db = new CacheDb(name);
  await db.open();
  expect(db.verno).toBe(3);
  expect(await db.cases.count()).toBe(0);
  expect(await db.documents.toArray()).toEqual([
    {
      id: 'd1',
      caseId: 'c1',
      status: 'read',
      direction: 'incoming',
      receivedOn: '2025-06-01',
      pageCount: 2,
      byteSize: 10,
      ...base,
    },
  ]);
  expect(await db.notes.toCollection().primaryKeys()).toEqual(['n1']);
  expect([await db.contents.count(), await db.contentChunks.count()]).toEqual([0, 0]);
  expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.id)).toEqual(['m1', 'm2', 'a1']);
  expect(await db.syncState.toCollection().primaryKeys()).toEqual(['auth', 'epoch', 'recentCases']);
  db.close();
  const dump = await dumpDatabase(name);
  for (const text of ['12345BG0012345', 'medicalCertificate', 'payslip', 'a'.repeat(64)])
    expect(dump).not.toContain(text);
});
