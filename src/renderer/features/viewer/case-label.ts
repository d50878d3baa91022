/** The BG number of a cached case, for the viewer's header (kept sealed; the repository opens it). */
import type { Session } from '../../session/session.ts';

export function bgNumberOf(session: Session, caseId: string): Promise<string | null> {
  return session.cases.bgNumberOf(caseId).catch(() => null);
}
