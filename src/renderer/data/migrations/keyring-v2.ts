/**
 * Version 2 of the keyring: no user name, display name or sign-in time in the clear. The entries
 * of version 1 held them readable; they are removed here. Sealing them needs the user's cache
 * key, which only a sign-in has, and the lookup hash needs the device's lookup key (WebCrypto,
 * which an upgrade transaction cannot wait for). So an entry keeps its wrapped cache key (the
 * cache and its outbox stay usable) and is completed at the user's next online sign-in; until
 * then offline sign-in does not find it.
 */
import type { Transaction } from 'dexie';

type V1Entry = { [field: string]: unknown };

export async function upgradeKeyringToV2(tx: Transaction): Promise<void> {
  await tx
    .table('users')
    .toCollection()
    .modify((entry: V1Entry) => {
      delete entry['username'];
      delete entry['displayName'];
      delete entry['roles'];
      delete entry['lastOnlineSignInAt'];
    });
}
