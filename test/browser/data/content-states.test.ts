/**
 * Reading the content records by state, on IndexedDB in real Chromium: one indexed read per state
 * (not a cursor stepped over every record) finds exactly the records, ids and counts that Dexie's
 * `anyOf` finds; and the bytes on the device are the sum over all records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  contentIdsInStates,
  contentsInStates,
  countContentsInStates,
} from '../../../src/renderer/data/repos/contents.ts';
import type { ContentRecord, ContentState } from '../../../src/renderer/data/records.ts';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { cachedContentBytes } from '../../../src/renderer/sync/storage-room.ts';
import { openTestSession, testUser } from '../support/seed.ts';

let session: Session;
const STATES: readonly ContentState[] = ['missing', 'partial', 'complete'];

beforeAll(async () => {
  session = (await openTestSession(testUser(`u-content-states-${Date.now()}`))).session;
  const records: ContentRecord[] = Array.from({ length: 600 }, (_, k) => ({
    documentId: `doc-${String(k).padStart(4, '0')}`,
    caseId: `case-${k % 17}`,
    bytesVersion: 1,
    byteSize: 4096,
    storedBytes: (k % 3) * 1024,
    chunkSize: 1024,
    state: STATES[k % 3]!,
    lastAccessAt: k,
    pinned: 0,
    failures: 0,
    viewBytes: k % 5 === 0 ? 100 : 0,
  }));
  await session.db.contents.bulkPut(records);
});
afterAll(() => session.close());

it('finds by state exactly what anyOf finds', async () => {
  for (const states of [['missing', 'partial'], ['partial', 'complete'], ['complete']] as ContentState[][]) {
    const expected = await session.db.contents.where('state').anyOf(states).toArray();
    const byId = (a: ContentRecord, b: ContentRecord) => a.documentId.localeCompare(b.documentId);
    expect((await contentsInStates(session.db, states)).sort(byId)).toEqual(expected.sort(byId));
    expect((await contentIdsInStates(session.db, states)).sort()).toEqual(expected.map((c) => c.documentId).sort());
    expect(await countContentsInStates(session.db, states)).toBe(expected.length);
  }
  expect(await countContentsInStates(session.db, ['missing', 'partial'])).toBe(400);
});

it('counts the bytes on the device over every record, chunks and view records', async () => {
  const all = await session.db.contents.toArray();
  expect(await cachedContentBytes(session.db)).toBe(all.reduce((n, c) => n + c.storedBytes + (c.viewBytes ?? 0), 0));
  expect(await cachedContentBytes(session.db)).toBe(200 * 1024 + 200 * 2048 + 120 * 100);
});
