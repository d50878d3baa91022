/**
 * The case list while the user types in "Akten suchen": a key press renders only the rows in view;
 * the rows kept ready above and below for scrolling come back once typing pauses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Case } from '../../../src/shared/domain/case.ts';
import type { Person } from '../../../src/shared/domain/person.ts';
import type { CaseRow } from '../../../src/renderer/data/repos/cases.ts';
import { CaseList } from '../../../src/renderer/features/cases/CaseList.tsx';
import { CaseSearch } from '../../../src/renderer/features/cases/case-search.ts';
import '../../../src/renderer/styles/app.css';
import { mount } from '../letters/support.tsx';

let unmount: () => void = () => undefined;
afterEach(() => {
  unmount();
  unmount = () => undefined;
});

function rows(count: number): CaseRow[] {
  return Array.from({ length: count }, (_, n) => {
    const id = `c-${n}`;
    const applicant = {
      id: `p-${n}`,
      caseId: id,
      role: 'applicant',
      firstName: 'Anna',
      lastName: n % 2 ? 'Müller' : 'Schröder',
      birthDate: '1980-01-01',
      address: { street: 'Hauptstraße 1', postalCode: '37154', city: 'Northeim' },
      version: 1,
      updatedAt: '2026-11-30T08:00:00.000Z',
    } as Person;
    return {
      case: { id, bgNumber: `66436BG${String(n).padStart(7, '0')}`, status: 'active', openedOn: '2024-01-15' } as Case,
      applicant,
      members: [applicant],
      role: 'owner',
      until: undefined,
      documentCount: 0,
      lastIncomingOn: null,
      unread: 0,
      followUpsDue: 0,
      onDevice: 'none',
    };
  });
}

const rendered = () => document.querySelectorAll('.case-row').length;

describe('the case list while typing', () => {
  it('renders only the rows in view on a key press and adds the margin rows once typing pauses', async () => {
    await page.viewport(1280, 720);
    const all = rows(300);
    const search = new CaseSearch();
    search.sync(all.map((r) => ({ id: r.case.id, bgNumber: r.case.bgNumber, members: r.members })));
    unmount = mount(
      <div className="desk-cases" style={{ height: '500px' }}>
        <CaseList rows={all} search={search} selectedId={null} onOpen={() => undefined} />
      </div>,
    );
    await expect.poll(rendered).toBeGreaterThan(0);
    const body = document.querySelector<HTMLElement>('.case-grid-body')!;
    const inView = Math.ceil(body.clientHeight / 34);
    const resting = rendered();
    expect(resting).toBeGreaterThan(inView + 5);

    // Counted in the frame after each key press, however long the key presses take to arrive.
    const afterKeys: number[] = [];
    const count = () => requestAnimationFrame(() => afterKeys.push(rendered()));
    document.addEventListener('input', count, true);
    await userEvent.type(page.getByRole('searchbox', { name: 'Akten suchen' }), 'mu');
    await expect.poll(() => afterKeys.length).toBe(2);
    document.removeEventListener('input', count, true);
    expect(Math.max(...afterKeys)).toBeLessThanOrEqual(inView + 1);
    await expect.poll(rendered, { timeout: 3000 }).toBe(resting);
  });
});
