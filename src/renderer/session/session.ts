/**
 * An unlocked session: the signed-in user, their cache database and the cipher under their cache
 * keys, with the repositories over them. Both windows hold one; the key never leaves memory. Local
 * changes are written through a second connection with strict durability (see CacheDb).
 */
import type { User } from '../../shared/domain/user.ts';
import { systemClock, type Clock } from '../../shared/util/clock.ts';
import type { CacheKeys } from '../data/crypto/cache-keys.ts';
import { CacheCipher } from '../data/crypto/cipher.ts';
import { CacheDb, cacheDbName } from '../data/db.ts';
import { createAnnotationsRepo } from '../data/repos/annotations.ts';
import { createAuditRepo } from '../data/repos/audit.ts';
import { createCasesRepo } from '../data/repos/cases.ts';
import { createContentsRepo } from '../data/repos/contents.ts';
import { createDocumentsRepo } from '../data/repos/documents.ts';
import { createFollowUpsRepo } from '../data/repos/follow-ups.ts';
import { createNotesRepo } from '../data/repos/notes.ts';
import { createOutboxRepo } from '../data/repos/outbox.ts';

export type Session = {
  readonly user: User;
  readonly db: CacheDb;
  readonly cipher: CacheCipher;
  readonly clock: Clock;
  readonly cases: ReturnType<typeof createCasesRepo>;
  readonly documents: ReturnType<typeof createDocumentsRepo>;
  readonly contents: ReturnType<typeof createContentsRepo>;
  readonly annotations: ReturnType<typeof createAnnotationsRepo>;
  readonly notes: ReturnType<typeof createNotesRepo>;
  readonly followUps: ReturnType<typeof createFollowUpsRepo>;
  readonly audit: ReturnType<typeof createAuditRepo>;
  readonly outbox: ReturnType<typeof createOutboxRepo>;
  close(): void;
};

export function openSession(user: User, keys: CacheKeys, { clock = systemClock }: { clock?: Clock } = {}): Session {
  const db = new CacheDb(cacheDbName(user.id));
  const strict = new CacheDb(cacheDbName(user.id), { durability: 'strict' });
  const cipher = new CacheCipher(keys);
  const writes = { db: strict, cipher, clock };
  const author = { id: user.id, displayName: user.displayName };
  return {
    user,
    db,
    cipher,
    clock,
    cases: createCasesRepo(db, cipher),
    documents: createDocumentsRepo(writes),
    contents: createContentsRepo(db, cipher, clock),
    annotations: createAnnotationsRepo(writes, author),
    notes: createNotesRepo(writes, author),
    followUps: createFollowUpsRepo(writes, author),
    audit: createAuditRepo(writes, user.id),
    outbox: createOutboxRepo(strict, cipher, clock),
    close: () => {
      db.close();
      strict.close();
    },
  };
}
