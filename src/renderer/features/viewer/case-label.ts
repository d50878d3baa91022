/** The BG number of a cached case, for the viewer's header (an index field, not sealed). */
import type { Session } from '../../session/session.ts';

export async function bgNumberOf(session: Session, caseId: string): Promise<string | null> {
  const record = await session.db.cases.get(caseId);
  return record?.bgNumber ?? null;
}
