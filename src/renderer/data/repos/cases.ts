/** The cached cases with their members' names, for lists and search. */
import { caseSchema, type Case } from '../../../shared/domain/case.ts';
import { personSchema, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import { binding, openEntity } from './sealed-entities.ts';

export type CaseSummary = { case: Case; applicant: Person | undefined; documentCount: number };

export function createCasesRepo(db: CacheDb, cipher: CacheCipher) {
  return {
    /** Every cached case, by BG number; all reads first so liveQuery tracks them. */
    async list(): Promise<CaseSummary[]> {
      const [cases, persons, documents] = await Promise.all([
        db.cases.orderBy('bgNumber').toArray(),
        db.persons.toArray(),
        db.documents.toArray(),
      ]);
      const openedCases = await Promise.all(
        cases.map((r) => cipher.openJson(r.sealed, binding('cases', r.id), caseSchema)),
      );
      const openedPersons = await Promise.all(persons.map((r) => openEntity(cipher, 'persons', r, personSchema)));
      const byId = new Map(openedPersons.map((p) => [p.id, p]));
      const counts = new Map<string, number>();
      for (const d of documents) counts.set(d.caseId, (counts.get(d.caseId) ?? 0) + 1);
      return openedCases.map((c) => ({
        case: c,
        applicant: c.headPersonId
          ? byId.get(c.headPersonId)
          : openedPersons.find((p) => p.caseId === c.id && p.role === 'applicant'),
        documentCount: counts.get(c.id) ?? 0,
      }));
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
