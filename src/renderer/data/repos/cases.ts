/**
 * The cached cases with their members' names, for lists and search. The BG number is only in the
 * sealed case; the index holds its keyed hash, so a case is found by its number (equality) and
 * lists are sorted by it after opening.
 */
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { personSchema, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { CaseRecord } from '../records.ts';
import { binding, openEntity } from './sealed-entities.ts';

export type CaseSummary = { case: Case; applicant: Person | undefined; documentCount: number };

/** A BG number as typed or printed ("12345 BG 0012345", lower case) in the form the service uses. */
export function normalBgNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function createCasesRepo(db: CacheDb, cipher: CacheCipher) {
  const open = (record: CaseRecord) => cipher.openJson(record.sealed, binding('cases', record.id), caseSchema);
  return {
    /**
     * Every cached case, by BG number, with its applicant and number of documents. Reads only what
     * the list shows (document counts from the index, one person per case), every Dexie read
     * first so liveQuery tracks them; it runs on the UI thread while a sync writes.
     */
    async list(): Promise<CaseSummary[]> {
      const [cases, documentCaseIds] = await Promise.all([db.cases.toArray(), db.documents.orderBy('caseId').keys()]);
      const heads = await db.persons.bulkGet(cases.map((r) => r.headPersonId ?? ''));
      const [openedCases, applicants] = await Promise.all([
        Promise.all(cases.map(open)),
        Promise.all(
          heads.map((r) => (r ? openEntity(cipher, 'persons', r, personSchema) : Promise.resolve(undefined))),
        ),
      ]);
      const counts = new Map<string, number>();
      for (const key of documentCaseIds) {
        const caseId = key as string;
        counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
      }
      return openedCases
        .map((c, k) => ({ case: c, applicant: applicants[k], documentCount: counts.get(c.id) ?? 0 }))
        .sort((a, b) => (a.case.bgNumber < b.case.bgNumber ? -1 : a.case.bgNumber > b.case.bgNumber ? 1 : 0));
    },

    /** The cached case with this BG number (as typed: spaces and case do not matter), if any. */
    async findByBgNumber(bgNumber: string): Promise<Case | undefined> {
      const wanted = normalBgNumber(bgNumber);
      const mac = await cipher.indexHash('bgNumber', wanted);
      const records = await db.cases.where('bgNumberMac').equals(mac).toArray();
      const opened = await Promise.all(records.map(open));
      return opened.find((c) => c.bgNumber === wanted);
    },

    /** The BG number of a cached case (for headers and labels), or null when it is not on the device. */
    async bgNumberOf(caseId: string): Promise<string | null> {
      const record = await db.cases.get(caseId);
      return record ? (await open(record)).bgNumber : null;
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
