/**
 * Seeds the demo district into an empty data folder: users `demo` and `demo2` (case workers) and
 * `dsb` (the data protection officer, no cases), all with password `demo`; the cases of `demo`
 * (some with `demo2` as substitute), cases of `demo2` that `demo` must never see, and per case
 * persons, scanned documents, notes, follow-ups and annotations.
 * Deterministic from the seed, with dates relative to `REFERENCE_DATE`, except what must be
 * relative to the day the district is seeded (`now`, the service clock): the validity of
 * substitutions, and the scan dates of the newest mail — the unread inbox items (0–6 days ago) and
 * the two newest other documents of each case (`RECENT_SCANS`) — so that, whenever it is seeded,
 * the district has paper originals the scan service still keeps (several in their last week),
 * one already requested, and many destroyed (everything older).
 */
import type { BlobStore } from '../store/blobs.ts';
import type { AssignmentStore } from '../store/assignments.ts';
import { inTransaction, type Database } from '../store/database.ts';
import type { EntityStore } from '../store/entities.ts';
import { hashPassword } from '../store/passwords.ts';
import type { UserStore } from '../store/users.ts';
import type { DemoOptions } from '../options.ts';
import type { Role } from '../../src/shared/domain/user.ts';
import { originalRetainedUntil } from '../../src/shared/domain/original-retention.ts';
import { pickFollowUp, pickNote, planHousehold } from './case-content.ts';
import { planDocuments } from './document-plan.ts';
import { writeScannedPdf } from './pdf-writer.ts';
import { rasterPool, type ScanPage } from './raster-pool.ts';
import { createRng } from './rng.ts';

export type SeedStores = {
  readonly db: Database;
  readonly entities: EntityStore;
  readonly users: UserStore;
  readonly assignments: AssignmentStore;
  readonly blobs: BlobStore;
};

/** How far seeding has come, after each case: for the progress bar of the first start. */
export type SeedProgress = {
  casesDone: number;
  casesTotal: number;
  documents: number;
  pages: number;
  bytes: number;
  elapsedMs: number;
};

export type SeedReport = {
  cases: number;
  documents: number;
  pages: number;
  bytes: number;
  rasterMs: number;
  totalMs: number;
};

export const DEMO_USERS = [
  { id: 'u-demo', username: 'demo', displayName: 'Jana Becker', password: 'demo', roles: ['caseworker'] },
  { id: 'u-demo2', username: 'demo2', displayName: 'Tobias Wagner', password: 'demo', roles: ['caseworker'] },
  { id: 'u-dsb', username: 'dsb', displayName: 'Dr. Petra Schulz', password: 'demo', roles: ['dpo'] },
] as const satisfies readonly {
  id: string;
  username: string;
  displayName: string;
  password: string;
  roles: readonly Role[];
}[];

/** The district's date of reference, so that the same seed always gives the same files. */
export const REFERENCE_DATE = '2025-06-02';
const DAY = 86_400_000;

/**
 * Scan ages, in days before seeding, of the newest documents of each case other than the inbox
 * items, taken in turn across cases; with the 56 days of the eight-week rule they leave 5, 2, 7 and
 * 1 days for the originals of 51, 54, 49 and 55 days, and 60 days or more are destroyed.
 */
const RECENT_SCANS: readonly { daysAgo: number; requestedDaysAgo?: number }[] = [
  { daysAgo: 51 },
  { daysAgo: 23, requestedDaysAgo: 20 },
  { daysAgo: 68 },
  { daysAgo: 54 },
  { daysAgo: 9 },
  { daysAgo: 85 },
  { daysAgo: 49 },
  { daysAgo: 37 },
  { daysAgo: 60 },
  { daysAgo: 55 },
];
const RECENT_PER_CASE = 2;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const germanDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export async function seedDistrict(
  stores: SeedStores,
  demo: DemoOptions,
  now: number,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<SeedReport> {
  const started = performance.now();
  // scrypt runs on libuv's thread pool: the password hashes are made while this thread draws the
  // page rasters, instead of one after the other.
  const hashes = Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const pool = rasterPool(demo.seed, demo.rasterPool, demo.pageWidthPx);
  const rasterMs = performance.now() - started;
  const passwordHashes = await hashes;
  DEMO_USERS.forEach((user, i) => {
    stores.users.insert({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      passwordHash: passwordHashes[i] as string,
    });
  });
  const root = createRng(demo.seed);
  const ownCases = demo.cases;
  const otherCases = Math.max(3, Math.round(demo.cases / 6));
  const report: SeedReport = { cases: 0, documents: 0, pages: 0, bytes: 0, rasterMs, totalMs: 0 };
  const office = String(root.int(10000, 99999));
  const refMs = Date.parse(`${REFERENCE_DATE}T09:00:00Z`);

  for (let n = 1; n <= ownCases + otherCases; n++) {
    const rng = root.fork(`case-${n}`);
    const caseId = `c-${String(n).padStart(4, '0')}`;
    const owner = n <= ownCases ? 'u-demo' : 'u-demo2';
    const author = DEMO_USERS.find((u) => u.id === owner) ?? DEMO_USERS[0];
    const caseAgeDays = rng.int(40, 1500);
    const openedOn = isoDay(refMs - caseAgeDays * DAY);
    const household = planHousehold(rng.fork('household'), Number(REFERENCE_DATE.slice(0, 4)));
    const bgNumber = `${office}BG${String(rng.int(1, 9_999_999)).padStart(7, '0')}`;
    const headName = `${household.persons[0]?.lastName}, ${household.persons[0]?.firstName}`;
    const docs = planDocuments(rng.fork('documents'), caseAgeDays, demo.maxPages);
    const inbox = rng.chance(0.25) ? rng.int(1, 3) : 0;

    // PDFs first (outside the transaction: file writes are not part of SQLite's atomicity anyway).
    const recentFrom = Math.max(0, docs.length - inbox - RECENT_PER_CASE);
    const stored = docs.map((doc, d) => {
      const recent =
        d >= recentFrom && d < docs.length - inbox
          ? RECENT_SCANS[(n * RECENT_PER_CASE + d - recentFrom) % RECENT_SCANS.length]
          : undefined;
      // Mail is scanned the day it arrives; the intake label on the pages says so.
      const receivedOn =
        d >= docs.length - inbox
          ? isoDay(now - rng.int(0, 6) * DAY)
          : recent
            ? isoDay(now - recent.daysAgo * DAY)
            : isoDay(refMs - doc.ageDays * DAY);
      const requestedAt =
        recent?.requestedDaysAgo !== undefined
          ? `${isoDay(now - recent.requestedDaysAgo * DAY)}T10:15:00.000Z`
          : undefined;
      const scans: ScanPage[] = pool.filter((p) => p.layout === doc.layout);
      const fallback = scans.length > 0 ? scans : [...pool];
      const offset = rng.int(0, pool.length);
      const pages = Array.from({ length: doc.pages }, (_, i) => ({
        // First page in the document's own layout; continuation pages from the whole pool.
        scan: (i === 0 ? fallback[offset % fallback.length] : pool[(offset + i) % pool.length]) as ScanPage,
        label: `Posteingang ${germanDay(receivedOn)} · ${bgNumber} · ${doc.title} · Seite ${i + 1} von ${doc.pages}`,
      }));
      const blob = stores.blobs.put(
        writeScannedPdf({ title: `${doc.title} – ${headName}`, pages, createdAt: `${receivedOn}T08:00:00` }),
      );
      report.pages += doc.pages;
      report.bytes += blob.byteSize;
      return {
        doc,
        receivedOn,
        requestedAt,
        blob,
        status: d >= docs.length - inbox ? 'new' : rng.chance(0.9) ? 'processed' : 'read',
      };
    });

    inTransaction(stores.db, () => {
      const updatedAt = new Date(refMs - rng.int(0, 30) * DAY).toISOString();
      const personIds = household.persons.map((_, i) => `p-${String(n).padStart(4, '0')}-${i + 1}`);
      stores.entities.put('case', caseId, caseId, (version) => ({
        id: caseId,
        bgNumber,
        status: rng.chance(0.04) ? 'closed' : 'active',
        openedOn,
        headPersonId: personIds[0],
        version,
        updatedAt,
      }));
      household.persons.forEach((person, i) => {
        const id = personIds[i] as string;
        stores.entities.put('person', id, caseId, (version) => ({
          id,
          caseId,
          ...person,
          address: household.address,
          version,
          updatedAt,
        }));
      });
      stored.forEach((s, d) => {
        const id = `d-${String(n).padStart(4, '0')}-${String(d + 1).padStart(3, '0')}`;
        stores.entities.put('document', id, caseId, (version) => ({
          id,
          caseId,
          type: s.doc.type,
          register: s.doc.register,
          title: s.doc.title,
          direction: 'incoming',
          status: s.status,
          receivedOn: s.receivedOn,
          pageCount: s.doc.pages,
          byteSize: s.blob.byteSize,
          sha256: s.blob.sha256,
          scannedOn: s.receivedOn,
          originalRetainedUntil: originalRetainedUntil(s.receivedOn),
          ...(s.requestedAt ? { originalRequestedAt: s.requestedAt } : {}),
          version,
          updatedAt: s.requestedAt ?? `${s.receivedOn}T08:00:00.000Z`,
        }));
        if (s.status !== 'new' && rng.chance(0.12)) {
          const aid = `a-${id.slice(2)}`;
          const kind = rng.pick(['highlight', 'note', 'stamp'] as const);
          // Not before the document arrived (the newest mail is dated relative to seeding).
          const markedAt = [updatedAt, `${s.receivedOn}T09:00:00.000Z`].sort()[1] as string;
          stores.entities.put('annotation', aid, caseId, (version) => ({
            id: aid,
            caseId,
            documentId: id,
            page: rng.int(1, s.doc.pages),
            rect: { x: rng.int(60, 300), y: rng.int(80, 600), width: rng.int(80, 250), height: rng.int(14, 60) },
            kind,
            ...(kind === 'note' ? { text: 'Bitte Betrag prüfen.' } : {}),
            ...(kind === 'stamp' ? { stamp: rng.pick(['received', 'checked', 'done'] as const) } : {}),
            authorId: author.id,
            authorName: author.displayName,
            createdAt: markedAt,
            updatedAt: markedAt,
            version,
          }));
        }
      });
      for (let k = rng.int(0, 4); k > 0; k--) {
        const id = `n-${String(n).padStart(4, '0')}-${k}`;
        const at = new Date(refMs - rng.int(1, caseAgeDays) * DAY).toISOString();
        stores.entities.put('note', id, caseId, (version) => ({
          id,
          caseId,
          text: pickNote(rng),
          authorId: author.id,
          authorName: author.displayName,
          createdAt: at,
          updatedAt: at,
          version,
        }));
      }
      for (let k = rng.int(0, 2); k > 0; k--) {
        const id = `f-${String(n).padStart(4, '0')}-${k}`;
        const dueOn = isoDay(refMs + rng.int(-10, 60) * DAY);
        stores.entities.put('followUp', id, caseId, (version) => ({
          id,
          caseId,
          dueOn,
          text: pickFollowUp(rng),
          done: dueOn < REFERENCE_DATE && rng.chance(0.5),
          authorId: author.id,
          createdAt: updatedAt,
          updatedAt,
          version,
        }));
      }
      stores.assignments.upsert({ userId: owner, caseId, role: 'owner', from: undefined, until: undefined });
      if (owner === 'u-demo' && n % 6 === 0) {
        stores.assignments.upsert({
          userId: 'u-demo2',
          caseId,
          role: 'substitute',
          from: now - DAY,
          until: now + 90 * DAY,
        });
      }
    });
    report.cases += 1;
    report.documents += docs.length;
    onProgress({
      casesDone: n,
      casesTotal: ownCases + otherCases,
      documents: report.documents,
      pages: report.pages,
      bytes: report.bytes,
      elapsedMs: performance.now() - started,
    });
  }
  report.totalMs = performance.now() - started;
  return report;
}
