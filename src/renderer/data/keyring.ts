/**
 * The keyring: per user who signed in on this device, the wrapped cache key and, sealed under
 * that cache key, who the user is and the sign-in clock (see session/keyring-entry.ts). Nothing
 * in it names a user: the user name is held only as a keyed hash under this device's lookup key
 * (see keyring-lookup.ts), which is how an offline sign-in finds its entry. It also keeps
 * outbox entries that no key can open any more, set aside for IT (see session/set-aside.ts).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { JournalEntry } from '../../shared/journal/journal-log.ts';
import { upgradeKeyringToV2 } from './migrations/keyring-v2.ts';
import type { OutboxRecord } from './records.ts';

type Sealed = Uint8Array<ArrayBuffer>;

export type KeyringEntry = {
  userId: string;
  /**
   * Keyed hash of the lower-cased user name under this device's lookup key. Missing on entries
   * from before it existed: those are found again after the next online sign-in.
   */
  usernameMac?: string;
  /** The password wrap (encoded), sealed by the desktop when `deviceSealed`. */
  keyWrap: string;
  deviceSealed: boolean;
  /** User name, display name and roles, sealed under the cache key (`keyring/<userId>/profile`). */
  profile?: Sealed;
  /** Last online sign-in and the latest time ever seen, sealed under the cache key (`keyring/<userId>/clock`). */
  clock?: Sealed;
};

/** The device's lookup key for user names: random, kept protected by the desktop where it can. */
export type DeviceLookupRecord = { id: 'lookup'; key: string; deviceSealed: boolean };

export type SetAsideReason = 'password-unknown' | 'device-key-lost';

/**
 * Undelivered outbox entries that no key available can open any more, kept exactly as they were
 * (still sealed under the old cache key) together with the wrap of that key, so that IT — who
 * may learn the old password — can still recover them; never delivered, never shown.
 */
export type SetAsideRecord = {
  id: string;
  userId: string;
  reason: SetAsideReason;
  setAsideAt: string;
  /** The old key's wrap as it was (encoded password wrap, sealed by the desktop when `deviceSealed`). */
  keyWrap: string;
  deviceSealed: boolean;
  /** Ids of every entry set aside (outbox and journal), so they are no longer counted as pending. */
  entryIds: string[];
  outbox: OutboxRecord[];
  /** Journal entries that were missing from the outbox (IndexedDB had lost them). */
  journal: JournalEntry[];
};

export class KeyringDb extends Dexie {
  users!: EntityTable<KeyringEntry, 'userId'>;
  device!: EntityTable<DeviceLookupRecord, 'id'>;
  setAside!: EntityTable<SetAsideRecord, 'id'>;

  constructor(name = 'eakte-keyring') {
    super(name);
    this.version(1).stores({ users: 'userId, &username' });
    this.version(2)
      .stores({ users: 'userId, &usernameMac', device: 'id', setAside: 'id, userId' })
      .upgrade(upgradeKeyringToV2);
  }
}
