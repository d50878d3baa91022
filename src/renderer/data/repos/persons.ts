/**
 * The members of a household (Bedarfsgemeinschaft) as the cache holds them, for whoever needs to
 * address one of them — the letter composer first of all.
 */
import { z } from 'zod';
import { addressSchema, personSchema, type Address, type Person } from '../../../shared/domain/person.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import { openEntity } from './sealed-entities.ts';

/** A member with their postal address, or none when the file holds no complete one. */
export type HouseholdMember = Omit<Person, 'address'> & { readonly address: Address | undefined };

/**
 * Read leniently: a member whose address is missing or does not pass the schema is still listed
 * (without one), so that the composer can say why no letter can go to them instead of hiding them.
 */
const memberSchema = personSchema.omit({ address: true }).extend({ address: z.unknown().optional() });

const ROLE_ORDER: Readonly<Record<Person['role'], number>> = { applicant: 0, partner: 1, child: 2, other: 3 };

export function createPersonsRepo(db: CacheDb, cipher: CacheCipher) {
  return {
    /** The case's members: the applicant first, then partner, children and others, each by name. */
    async membersOf(caseId: string): Promise<HouseholdMember[]> {
      const records = await db.persons.where('caseId').equals(caseId).toArray();
      const opened = await Promise.all(records.map((r) => openEntity(cipher, 'persons', r, memberSchema)));
      return opened
        .map(({ address, ...member }) => {
          const parsed = addressSchema.safeParse(address);
          return { ...member, address: parsed.success ? parsed.data : undefined };
        })
        .sort(
          (a, b) =>
            ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
            a.lastName.localeCompare(b.lastName, 'de') ||
            a.firstName.localeCompare(b.firstName, 'de'),
        );
    },
  };
}
export type PersonsRepo = ReturnType<typeof createPersonsRepo>;
