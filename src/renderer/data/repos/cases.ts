/**
 * The cached cases, for the case list, the search and the case view: each with its household, its
 * inbox and follow-up counts, how much of it is on the device, and whether it is the user's own or
 * held as a substitute (and until when). Every Dexie read comes first, so liveQuery tracks them;
 * decrypted cases and members are kept per version, because the list is read again whenever a
 * sync writes and most of it has not changed. The BG number is only in the sealed case; the index
 * holds its keyed hash, so a case is found by its number (equality) without the number on disk.
 */
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { personSchema, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { SealedEntityRecord } from '../records.ts';
import type { CaseRecord } from '../records.ts';
import { binding, openEntity } from './sealed-entities.ts';
import { readState, touchRecentCase } from './sync-state.ts';

/** How much of a case's documents is on this device. */
export type OnDevice = 'all' | 'partly' | 'none';

export type CaseRow = {
  readonly case: Case;
  readonly applicant: Person | undefined;
  /** Every member, the applicant first (for the search and the household size). */
  readonly members: readonly Person[];
  readonly role: 'owner' | 'substitute';
  /** End of the substitution, when held as a substitute for a limited time. */
  readonly until: string | undefined;
  readonly documentCount: number;
  readonly lastIncomingOn: string | null;
  readonly unread: number;
  readonly followUpsDue: number;
  readonly onDevice: OnDevice;
};

/** A case row without the figures read apart (see `baseRows`). */
export type BaseRow = Omit<CaseRow, 'followUpsDue' | 'onDevice'>;

/** The rows with how much is on the device (`complete`: documents stored whole, per case) and how many follow-ups are due. */
export function withFigures(
  base: readonly BaseRow[],
  complete: ReadonlyMap<string, number>,
  due: ReadonlyMap<string, number>,
): CaseRow[] {
  return base.map((row) => {
    const stored = complete.get(row.case.id) ?? 0;
    return {
      ...row,
      followUpsDue: due.get(row.case.id) ?? 0,
      // A case without any document has all of it on the device.
      onDevice: stored >= row.documentCount ? 'all' : stored > 0 ? 'partly' : 'none',
    };
  });
}

/** Kept decrypted per record version, so that an unchanged record is not opened again. */
function openedCache<T>() {
  const cache = new Map<string, { stamp: string; value: T }>();
  return async (record: SealedEntityRecord, open: () => Promise<T>): Promise<T> => {
    const stamp = `${record.version}:${record.updatedAt}`;
    const hit = cache.get(record.id);
    if (hit?.stamp === stamp) return hit.value;
    const value = await open();
    cache.set(record.id, { stamp, value });
    return value;
  };
}

const ROLE_ORDER: Readonly<Record<Person['role'], number>> = { applicant: 0, partner: 1, child: 2, other: 3 };

/** A BG number as typed or printed ("12345 BG 0012345", lower case) in the form the service uses. */
export function normalBgNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function createCasesRepo(db: CacheDb, cipher: CacheCipher) {
  const openCase = openedCache<Case>();
  const openPerson = openedCache<Person>();
  const open = (record: CaseRecord) =>
    openCase(record, () => cipher.openJson(record.sealed, binding('cases', record.id), caseSchema));

  return {
    /** The cached case with this BG number (as typed: spaces and case do not matter), if any. */
    async findByBgNumber(bgNumber: string): Promise<Case | undefined> {
      const wanted = normalBgNumber(bgNumber);
      const mac = await cipher.indexHash('bgNumber', wanted);
      const records = await db.cases.where('bgNumberMac').equals(mac).toArray();
      const opened = await Promise.all(records.map(open));
      return opened.find((c) => c.bgNumber === wanted);
    },

    /** The BG number of a cached case (the viewer's header, the outbox's labels), or null. */
    async bgNumberOf(caseId: string): Promise<string | null> {
      const record = await db.cases.get(caseId);
      return record ? (await open(record)).bgNumber : null;
    },

    /**
     * Every cached case as the list shows it, without the two figures that change all the time
     * (how much is on the device, which follow-ups are due): those come from `onDevice` and
     * `dueCounts`, read apart, so that a download writing to the content table does not make
     * the list read every document again.
     */
    async baseRows(): Promise<BaseRow[]> {
      const [caseRecords, personRecords, documents, assignments] = await Promise.all([
        db.cases.toArray(),
        db.persons.toArray(),
        db.documents.toArray(),
        readState(db, 'assignments'),
      ]);
      const [cases, persons] = await Promise.all([
        Promise.all(caseRecords.map((r) => open(r))),
        Promise.all(personRecords.map((r) => openPerson(r, () => openEntity(cipher, 'persons', r, personSchema)))),
      ]);
      type Tally = { documents: number; last: string | null; unread: number };
      const tally = new Map<string, Tally>();
      for (const d of documents) {
        let t = tally.get(d.caseId);
        if (!t) tally.set(d.caseId, (t = { documents: 0, last: null, unread: 0 }));
        t.documents++;
        if (d.direction === 'incoming' && (!t.last || d.receivedOn > t.last)) t.last = d.receivedOn;
        if (d.status === 'new') t.unread++;
      }
      const membersOf = new Map<string, Person[]>();
      for (const p of persons) {
        const list = membersOf.get(p.caseId);
        if (list) list.push(p);
        else membersOf.set(p.caseId, [p]);
      }
      const assignment = new Map((assignments ?? []).map((a) => [a.caseId as string, a]));
      return cases.map((c) => {
        const members = (membersOf.get(c.id) ?? []).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
        const t = tally.get(c.id);
        const held = assignment.get(c.id);
        return {
          case: c,
          applicant: members.find((m) => m.id === c.headPersonId) ?? members[0],
          members,
          role: held?.role ?? 'owner',
          until: held?.role === 'substitute' ? held.until : undefined,
          documentCount: t?.documents ?? 0,
          lastIncomingOn: t?.last ?? null,
          unread: t?.unread ?? 0,
        };
      });
    },

    /**
     * Documents whose bytes are all on the device, per case. Only the complete ones are read (an
     * index range): a download writing chunk after chunk does not touch the range until a
     * document is complete, so the list is not read again for every chunk.
     */
    async onDevice(): Promise<ReadonlyMap<string, number>> {
      const complete = await db.contents.where('state').equals('complete').toArray();
      const done = new Map<string, number>();
      for (const c of complete) done.set(c.caseId, (done.get(c.caseId) ?? 0) + 1);
      return done;
    },

    /** Open follow-ups due on or before `today` (ISO date), per case. */
    async dueCounts(today: string): Promise<ReadonlyMap<string, number>> {
      const due = await db.followUps.where('dueOn').belowOrEqual(today).toArray();
      const out = new Map<string, number>();
      for (const f of due) if (f.done === 0) out.set(f.caseId, (out.get(f.caseId) ?? 0) + 1);
      return out;
    },

    /** Every cached case as the list shows it; follow-ups count as due on or before `today` (ISO date). */
    async rows(today: string): Promise<CaseRow[]> {
      const [base, device, due] = await Promise.all([this.baseRows(), this.onDevice(), this.dueCounts(today)]);
      return withFigures(base, device, due);
    },

    /** Every cached case by BG number (as rows, follow-ups counted as due by today). */
    async list(): Promise<CaseRow[]> {
      const rows = await this.rows(new Date().toISOString().slice(0, 10));
      return rows.sort((a, b) => a.case.bgNumber.localeCompare(b.case.bgNumber));
    },

    /** One case with its household, for the case view; null when it is not on this device. */
    async detail(caseId: string): Promise<{ case: Case; members: Person[] } | null> {
      const [record, personRecords] = await Promise.all([
        db.cases.get(caseId),
        db.persons.where('caseId').equals(caseId).toArray(),
      ]);
      if (!record) return null;
      const [theCase, members] = await Promise.all([
        open(record),
        Promise.all(personRecords.map((r) => openPerson(r, () => openEntity(cipher, 'persons', r, personSchema)))),
      ]);
      return {
        case: theCase,
        members: members.sort(
          (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.lastName.localeCompare(b.lastName, 'de'),
        ),
      };
    },

    /** The user opened the case: its documents are fetched first from now on. */
    opened: (caseId: string) => touchRecentCase(db, caseId),

    /** The cases the user opened, most recent first (quick jump offers them before anything is typed). */
    recent: async (): Promise<readonly string[]> => (await readState(db, 'recentCases')) ?? [],
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
