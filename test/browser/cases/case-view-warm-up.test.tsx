/**
 * The case view rendered ahead, hidden, so that the first click on a case finds its code compiled:
 * nothing of the case shows, and nothing is recorded — no audit event, no "recently opened" case —
 * while the same view opened by the user records both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CaseView, CaseViewWarmUp } from '../../../src/renderer/features/cases/CaseView.tsx';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import '../../../src/renderer/styles/app.css';
import { mount } from '../letters/support.tsx';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let unmount: () => void = () => undefined;
let session: Session | undefined;
afterEach(() => {
  unmount();
  unmount = () => undefined;
  session?.close();
});

const auditEvents = async (s: Session) => (await s.db.outbox.toArray()).filter((r) => r.kind === 'audit').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('the case view warmed up ahead of the first click', () => {
  it('shows nothing of the case and records nothing; the view the user opens records its opening', async () => {
    session = (await openTestSession(testUser(`u-warm-${crypto.randomUUID()}`))).session;
    await seedDocument(session, new Uint8Array([1, 2, 3]), { id: 'd-warm', caseId: 'case-warm' });
    const [row] = await session.cases.rows('2026-12-01');
    expect(row?.case.id).toBe('case-warm');

    unmount = mount(<CaseViewWarmUp session={session} row={row!} />);
    await settle();
    const heading = document.querySelector<HTMLElement>('#case-view-heading');
    expect(heading === null || !heading.checkVisibility()).toBe(true);
    expect(document.body.innerText).not.toContain(row!.case.bgNumber);
    expect(await auditEvents(session)).toBe(0);
    expect(await session.cases.recent()).toEqual([]);
    unmount();

    unmount = mount(<CaseView session={session} caseId={row!.case.id} row={row} announce={() => undefined} />);
    await settle();
    expect(document.querySelector<HTMLElement>('#case-view-heading')?.checkVisibility()).toBe(true);
    expect(await auditEvents(session)).toBe(1);
    expect(await session.cases.recent()).toEqual(['case-warm']);
  });
});
