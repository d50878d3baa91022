/**
 * What a letter is filled from besides the case worker's fields: the case, the recipient (a
 * member of the household), the signed-in user, the office and the letter's date. The composer
 * screen assembles it from the cache; every part is plain data.
 */
import type { Address, Person } from '../../shared/domain/person.ts';
import type { Case } from '../../shared/domain/case.ts';
import type { FormOfAddress } from './letter-wording.ts';
import type { Office } from './office.ts';

export type LetterRecipient = Pick<Person, 'id' | 'firstName' | 'lastName'> & {
  /** Missing when the household member has no postal address on file. */
  readonly address: Address | undefined;
  /** Unknown → neutral name line and "Guten Tag …". */
  readonly formOfAddress?: FormOfAddress | undefined;
};

export type LetterSender = {
  readonly displayName: string;
  /** Direct line and mailbox; the office's are used when absent. */
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
};

export type LetterContext = {
  readonly case: Pick<Case, 'id' | 'bgNumber'>;
  readonly recipient: LetterRecipient;
  readonly user: LetterSender;
  readonly office: Office;
  /** ISO date (`YYYY-MM-DD`) the letter is dated with. */
  readonly date: string;
  /** The citizen's reference, when they gave one ("Ihr Zeichen"). */
  readonly yourReference?: string | undefined;
};

/** What the case worker typed, by field id; dates as `YYYY-MM-DD`, times as `HH:MM`. */
export type FieldValues = Readonly<Record<string, string | undefined>>;
