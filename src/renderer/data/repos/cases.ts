/**
 * The cached cases, for the case list, the search and the case view: each with its household, its
 * inbox and follow-up counts, how much of it is on the device, and whether it is the user's own or
 * held as a substitute (and until when). Every Dexie read comes first, so liveQuery tracks them;
 * decrypted cases and members are kept per version, because the list is read again whenever a
 * sync writes and most of it has not changed.
 */
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { personSchema, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { SealedEntityRecord } from '../records.ts';
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

export function createCasesRepo(db: CacheDb, cipher: CacheCipher) {
  const openCase = openedCache<Case>();
  const openPerson = openedCache<Person>();

  return {
    /** The BG number of a cached case (the viewer's header, the outbox's labels), or null. */
    async bgNumberOf(caseId: string): Promise<string | null> {
      const record = await db.cases.get(caseId);
      if (!record) return null;
      return (await cipher.openJson(record.sealed, binding('cases', record.id), caseSchema)).bgNumber;
    },

    /** Every cached case as the list shows it; follow-ups count as due on or before `today` (ISO date). */
    async rows(today: string): Promise<CaseRow[]> {
      const [caseRecords, personRecords, documents, contents, followUps, assignments] = await Promise.all([
        db.cases.toArray(),
        db.persons.toArray(),
        db.documents.toArray(),
        db.contents.toArray(),
        db.followUps.where('dueOn').belowOrEqual(today).toArray(),
        readState(db, 'assignments'),
      ]);
      const [cases, persons] = await Promise.all([
        Promise.all(
          caseRecords.map((r) => openCase(r, () => cipher.openJson(r.sealed, binding('cases', r.id), caseSchema))),
        ),
        Promise.all(personRecords.map((r) => openPerson(r, () => openEntity(cipher, 'persons', r, personSchema)))),
      ]);
      type Tally = {
        documents: number;
        last: string | null;
        unread: number;
        stored: number;
        bytes: number;
        due: number;
      };
      const tally = new Map<string, Tally>();
      const of = (caseId: string): Tally => {
        let t = tally.get(caseId);
        if (!t) tally.set(caseId, (t = { documents: 0, last: null, unread: 0, stored: 0, bytes: 0, due: 0 }));
        return t;
      };
      for (const d of documents) {
        const t = of(d.caseId);
        t.documents++;
        if (d.direction === 'incoming' && (!t.last || d.receivedOn > t.last)) t.last = d.receivedOn;
        if (d.status === 'new') t.unread++;
      }
      for (const c of contents) {
        const t = of(c.caseId);
        t.bytes++;
        if (c.state === 'complete') t.stored++;
      }
      for (const f of followUps) if (f.done === 0) of(f.caseId).due++;
      const membersOf = new Map<string, Person[]>();
      for (const p of persons) membersOf.set(p.caseId, [...(membersOf.get(p.caseId) ?? []), p]);
      const assignment = new Map((assignments ?? []).map((a) => [a.caseId as string, a]));
      return cases.map((c) => {
        const members = (membersOf.get(c.id) ?? []).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
        const t = of(c.id);
        const held = assignment.get(c.id);
        return {
          case: c,
          applicant: members.find((m) => m.id === c.headPersonId) ?? members[0],
          members,
          role: held?.role ?? 'owner',
          until: held?.role === 'substitute' ? held.until : undefined,
          documentCount: t.documents,
          lastIncomingOn: t.last,
          unread: t.unread,
          followUpsDue: t.due,
          onDevice: t.bytes === 0 || t.stored === t.bytes ? (t.bytes ? 'all' : 'none') : t.stored ? 'partly' : 'none',
        };
      });
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
        openCase(record, () => cipher.openJson(record.sealed, binding('cases', record.id), caseSchema)),
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
