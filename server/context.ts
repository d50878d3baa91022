/** Everything a route needs, built once per server and passed explicitly. */
import type { FaultInjector } from './http/faults.ts';
import type { LoginThrottle } from './http/login-throttle.ts';
import type { LetterDispatcher } from './letters/dispatcher.ts';
import type { Logger } from './logger.ts';
import type { ResolvedOptions } from './options.ts';
import type { AssignmentStore } from './store/assignments.ts';
import type { BlobStore } from './store/blobs.ts';
import type { CaseActivityLog } from './store/case-activity.ts';
import type { ClarificationQueue } from './store/clarifications.ts';
import type { CursorStore } from './store/cursors.ts';
import type { Database } from './store/database.ts';
import type { EntityStore } from './store/entities.ts';
import type { IdempotencyLog } from './store/idempotency.ts';
import type { OriginalRequestLog } from './store/original-requests.ts';
import type { UserStore } from './store/users.ts';

export type ServerContext = {
  readonly options: ResolvedOptions;
  readonly version: string;
  readonly db: Database;
  readonly entities: EntityStore;
  readonly users: UserStore;
  readonly assignments: AssignmentStore;
  readonly cursors: CursorStore;
  readonly idempotency: IdempotencyLog;
  /** The service's own audit records per case (applied changes, letters, audit queries). */
  readonly activity: CaseActivityLog;
  /** Paper originals requested from the scan service. */
  readonly originals: OriginalRequestLog;
  /** Misfiled scans taken out of their case, waiting for the scan service's clarification office. */
  readonly clarifications: ClarificationQueue;
  readonly blobs: BlobStore;
  readonly faults: FaultInjector;
  readonly throttle: LoginThrottle;
  readonly letters: LetterDispatcher;
  readonly log: Logger;
  readonly now: () => number;
};
