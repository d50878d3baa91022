/** The BG number of a cached case, for the viewer's header. */
import type { Session } from '../../session/session.ts';

export function bgNumberOf(session: Session, caseId: string): Promise<string | null> {
  return session.cases.bgNumberOf(caseId);
}
