/**
 * The outbox store settling a batch the service answered, on IndexedDB in real Chromium: applied
 * entries go (in runs of consecutive numbers, and alone), the others stay; an entity takes the
 * version the service gave it; the change that waited for an applied one is released with that
 * version; conflicts and rejections stay with their state.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseId } from '../../../src/shared/domain/ids.ts';
import { createOutboxStore } from '../../../src/renderer/data/repos/outbox-store.ts';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { openTestSession, testUser } from '../support/seed.ts';

let session: Session;

beforeAll(async () => {
  session = (await openTestSession(testUser(`u-settle-${Date.now()}`))).session;
});
afterAll(() => session.close());

it('applied entries go, the others stay; versions are raised and a waiting change is released', async () => {
  const caseId = 'case-settle' as CaseId;
  // Seven notes, then a change of the first one, which waits for the first one's version.
  const notes = [];
  for (let k = 1; k <= 7; k++) notes.push(await session.notes.create(caseId, `Vermerk ${k}`));
  await session.notes.edit(notes[0]!.id, 'Vermerk 1, ergänzt');
  const entries = await session.db.outbox.orderBy('seq').toArray();
  expect(entries.map((e) => e.chained ?? 0)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  const seq = entries.map((e) => e.seq!);

  const store = createOutboxStore(session.db, session.cipher, () => Date.now());
  // Applied: 1–3 (a run), 5 (alone), 7; 4 a conflict, 6 rejected.
  await store.settle([
    { seq: seq[0]!, status: 'applied', version: 3 },
    { seq: seq[1]!, status: 'applied', version: 1 },
    { seq: seq[2]!, status: 'applied', version: 1 },
    { seq: seq[3]!, status: 'conflict', current: { id: notes[3]!.id, version: 2 } },
    { seq: seq[4]!, status: 'applied', version: 4 },
    { seq: seq[5]!, status: 'rejected', error: { code: 'rejected' } },
    { seq: seq[6]!, status: 'applied', version: 1 },
  ]);

  const left = await session.db.outbox.orderBy('seq').toArray();
  expect(left.map((e) => [e.seq, e.status])).toEqual([
    [seq[3], 'conflict'],
    [seq[5], 'rejected'],
    [seq[7], 'pending'],
  ]);
  // The change of note 1 now builds on the version the service gave note 1.
  expect(left[2]).toMatchObject({ chained: 0, baseVersion: 3 });
  const versions = await session.db.notes.bulkGet(notes.map((n) => n.id));
  expect(versions.map((r) => r?.version)).toEqual([3, 1, 1, 1, 4, 1, 1]);
});
