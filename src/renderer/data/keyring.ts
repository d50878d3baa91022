/**
 * The keyring: per user who signed in on this device, the wrapped cache key and the time of the
 * last online sign-in (which bounds offline sign-in). It holds no social data; the wrapped key is
 * useless without the user's password (and, where the desktop offers it, this machine's account).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Role } from '../../shared/domain/user.ts';

export type KeyringEntry = {
  userId: string;
  /** Lower-cased, for offline sign-in by user name. */
  username: string;
  displayName: string;
  roles: Role[];
  /** The password wrap (encoded), sealed by the desktop when `deviceSealed`. */
  keyWrap: string;
  deviceSealed: boolean;
  lastOnlineSignInAt: string;
};

export class KeyringDb extends Dexie {
  users!: EntityTable<KeyringEntry, 'userId'>;

  constructor(name = 'eakte-keyring') {
    super(name);
    this.version(1).stores({ users: 'userId, &username' });
  }
}
