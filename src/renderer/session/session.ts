/**
 * An unlocked session: the signed-in user, their cache database and the cipher under their cache
 * key, with the repositories over them. Both windows hold one; the key never leaves memory.
 */
import type { User } from '../../shared/domain/user.ts';
import { CacheCipher } from '../data/crypto/cipher.ts';
import { CacheDb, cacheDbName } from '../data/db.ts';
import { createAnnotationsRepo } from '../data/repos/annotations.ts';
import { createCasesRepo } from '../data/repos/cases.ts';
import { createContentsRepo } from '../data/repos/contents.ts';
import { createDocumentsRepo } from '../data/repos/documents.ts';
import { createOutboxRepo } from '../data/repos/outbox.ts';

export type Session = {
  readonly user: User;
  readonly db: CacheDb;
  readonly cipher: CacheCipher;
  readonly cases: ReturnType<typeof createCasesRepo>;
  readonly documents: ReturnType<typeof createDocumentsRepo>;
  readonly contents: ReturnType<typeof createContentsRepo>;
  readonly annotations: ReturnType<typeof createAnnotationsRepo>;
  readonly outbox: ReturnType<typeof createOutboxRepo>;
  close(): void;
};

export function openSession(user: User, cacheKey: CryptoKey): Session {
  const db = new CacheDb(cacheDbName(user.id));
  const cipher = new CacheCipher(cacheKey);
  return {
    user,
    db,
    cipher,
    cases: createCasesRepo(db, cipher),
    documents: createDocumentsRepo(db, cipher),
    contents: createContentsRepo(db, cipher),
    annotations: createAnnotationsRepo(db, cipher, { id: user.id, displayName: user.displayName }),
    outbox: createOutboxRepo(db),
    close: () => db.close(),
  };
}
