/** The cached cases with their members' names, for lists and search. */
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { personSchema, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import { binding, openEntity } from './sealed-entities.ts';

export type CaseSummary = { case: Case; applicant: Person | undefined; documentCount: number };

export function createCasesRepo(db: CacheDb, cipher: CacheCipher) {
  return {
    /** The BG number of a cached case (the viewer's header, the outbox's labels), or null. */
    async bgNumberOf(caseId: string): Promise<string | null> {
      const record = await db.cases.get(caseId);
      if (!record) return null;
      return (await cipher.openJson(record.sealed, binding('cases', record.id), caseSchema)).bgNumber;
    },

    /**
     * Every cached case, by BG number, with its applicant and number of documents. Reads only what
     * the list shows (document counts from the index, one person per case), every Dexie read
     * first so liveQuery tracks them; it runs on the UI thread while a sync writes.
     */
    async list(): Promise<CaseSummary[]> {
      const [cases, documentCaseIds] = await Promise.all([
        db.cases.orderBy('bgNumber').toArray(),
        db.documents.orderBy('caseId').keys(),
      ]);
      const heads = await db.persons.bulkGet(cases.map((r) => r.headPersonId ?? ''));
      const [openedCases, applicants] = await Promise.all([
        Promise.all(cases.map((r) => cipher.openJson(r.sealed, binding('cases', r.id), caseSchema))),
        Promise.all(
          heads.map((r) => (r ? openEntity(cipher, 'persons', r, personSchema) : Promise.resolve(undefined))),
        ),
      ]);
      const counts = new Map<string, number>();
      for (const key of documentCaseIds) {
        const caseId = key as string;
        counts.set(caseId, (counts.get(caseId) ?? 0) + 1);
      }
      return openedCases.map((c, k) => ({ case: c, applicant: applicants[k], documentCount: counts.get(c.id) ?? 0 }));
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
