/**
 * An unlocked session: the signed-in user and the repositories over their cache, opened under
 * their cache keys. Both windows hold one; the key never leaves memory. Local changes are written
 * through a second connection with strict durability (see CacheDb). Features get a `Session`: the
 * repositories only, never the database (a lint rule keeps features away from data/db); the
 * session's owner (the session controller, the sync worker, tests) keeps `db` and `cipher`.
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
import { createLettersRepo } from '../data/repos/letters.ts';
import { createNotesRepo } from '../data/repos/notes.ts';
import { createOpeningViewRepo } from '../data/repos/opening-view.ts';
import { createOutboxRepo } from '../data/repos/outbox.ts';
import { createPersonsRepo } from '../data/repos/persons.ts';

export type Session = {
  readonly user: User;
  readonly clock: Clock;
  readonly cases: ReturnType<typeof createCasesRepo>;
  readonly documents: ReturnType<typeof createDocumentsRepo>;
  readonly contents: ReturnType<typeof createContentsRepo>;
  readonly annotations: ReturnType<typeof createAnnotationsRepo>;
  readonly notes: ReturnType<typeof createNotesRepo>;
  readonly followUps: ReturnType<typeof createFollowUpsRepo>;
  readonly persons: ReturnType<typeof createPersonsRepo>;
  readonly letters: ReturnType<typeof createLettersRepo>;
  readonly audit: ReturnType<typeof createAuditRepo>;
  readonly outbox: ReturnType<typeof createOutboxRepo>;
  /** The layout documents open in, which the sync worker prepares first views for. */
  readonly openingView: ReturnType<typeof createOpeningViewRepo>;
  close(): void;
};

/** A session with its database and cipher, for whoever opened it. */
export type OpenedSession = Session & { readonly db: CacheDb; readonly cipher: CacheCipher };

export function openSession(
  user: User,
  keys: CacheKeys,
  { clock = systemClock }: { clock?: Clock } = {},
): OpenedSession {
  const db = new CacheDb(cacheDbName(user.id));
  const strict = new CacheDb(cacheDbName(user.id), { durability: 'strict' });
  const cipher = new CacheCipher(keys);
  const writes = { db: strict, cipher, clock };
  const author = { id: user.id, displayName: user.displayName };
  const audit = createAuditRepo(writes, user.id);
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
    persons: createPersonsRepo(db, cipher),
    letters: createLettersRepo(writes, audit),
    audit,
    outbox: createOutboxRepo(strict, cipher, clock),
    openingView: createOpeningViewRepo(db),
    // Audit events still waiting for an idle moment are written first: a case the user saw is
    // in the trail even when the session ends right after.
    close: () => {
      void audit
        .flush()
        .catch(() => undefined)
        .finally(() => {
          db.close();
          strict.close();
        });
    },
  };
}
