/**
 * Opening a case without slowing it: the case view rendered ahead, hidden, shows nothing of the
 * case and records nothing — no audit event, no "recently opened" case — while the view the user
 * opens records its opening, written once the window is idle with the time it was taken, and
 * written before the session closes when the session ends first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { openPayload } from '../../../src/renderer/data/repos/outbox.ts';
import { CaseView, CaseViewWarmUp } from '../../../src/renderer/features/cases/CaseView.tsx';
import { openSession, type OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import '../../../src/renderer/styles/app.css';
import { mount } from '../letters/support.tsx';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

let unmount: () => void = () => undefined;
let session: Session | undefined;
afterEach(() => {
  unmount();
  unmount = () => undefined;
  session?.close();
  session = undefined;
});

async function auditEvents(s: Session): Promise<{ action: string; at: string }[]> {
  const records = (await s.db.outbox.toArray()).filter((r) => r.kind === 'audit');
  return Promise.all(
    records.map(async (r) => {
      const payload = await openPayload(s.cipher, r);
      if (payload.kind !== 'audit') throw new Error('not an audit entry');
      return { action: payload.event.action, at: payload.event.at };
    }),
  );
}
const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

async function seededSession() {
  const opened = await openTestSession(testUser(`u-warm-${crypto.randomUUID()}`));
  await seedDocument(opened.session, new Uint8Array([1, 2, 3]), { id: 'd-warm', caseId: 'case-warm' });
  const [row] = await opened.session.cases.rows('2026-12-01');
  return { ...opened, row: row! };
}

describe('opening a case', () => {
  it('the view rendered ahead shows nothing and records nothing', async () => {
    const { session: s, row } = await seededSession();
    session = s;
    unmount = mount(<CaseViewWarmUp session={s} row={row} />);
    await expect.poll(() => document.querySelector('#case-view-heading')).not.toBeNull();
    await frames(3);
    expect(document.querySelector<HTMLElement>('#case-view-heading')!.checkVisibility()).toBe(false);
    await expect.element(page.getByRole('heading', { name: /Akte/ })).not.toBeInTheDocument();
    expect(document.body.innerText).not.toContain(row.case.bgNumber);
    await s.audit.flush();
    expect(await auditEvents(s)).toEqual([]);
    expect(await s.cases.recent()).toEqual([]);
  });

  it('the view the user opens records its opening once the window is idle', async () => {
    const { session: s, row } = await seededSession();
    session = s;
    unmount = mount(<CaseView session={s} caseId={row.case.id} row={row} announce={() => undefined} />);
    await expect.element(page.getByRole('heading', { name: /Akte/ })).toBeVisible();
    await expect
      .poll(async () => (await auditEvents(s)).map((e) => e.action), { timeout: 3000 })
      .toEqual(['case.open']);
    await expect.poll(() => s.cases.recent(), { timeout: 3000 }).toEqual(['case-warm']);
  });

  it('an opening taken for later keeps the time it was taken', async () => {
    const { session: s, row } = await seededSession();
    session = s;
    const before = new Date().toISOString();
    s.audit.recordSoon({ action: 'case.open', caseId: row.case.id });
    const taken = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await s.audit.flush();
    const [event] = await auditEvents(s);
    expect(event!.at >= before && event!.at <= taken).toBe(true);
  });

  it('an opening still waiting for an idle moment is written before the session closes', async () => {
    const { session: s, key, row } = await seededSession();
    s.audit.recordSoon({ action: 'case.open', caseId: row.case.id });
    s.close();
    session = openSession(s.user, key);
    await expect.poll(async () => (await auditEvents(session!)).map((e) => e.action)).toEqual(['case.open']);
  });
});
