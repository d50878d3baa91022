/**
 * The in-page half of `npm run bench -- workspace`: a cache holding a district of N cases (default
 * 10,000), written through the sync engine's own apply step as if the service had sent them, and
 * the real case list over it — the cases repository read through liveQuery, the in-memory search,
 * the virtualised grid. Driven by bench/workspace.ts with real key presses through
 * `window.workspaceBench`.
 */
import { createRoot } from 'react-dom/client';
import type { Change } from '../../../src/shared/api/changes.ts';
import { CaseList } from '../../../src/renderer/features/cases/CaseList.tsx';
import { CaseSearch } from '../../../src/renderer/features/cases/case-search.ts';
import { useCaseRows, useCaseSearch } from '../../../src/renderer/features/cases/use-cases.ts';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { applyChangesPage } from '../../../src/renderer/sync/apply-changes.ts';
import '../../../src/renderer/styles/app.css';
import '../../../src/renderer/app/workspace/workspace.css';
import { openTestSession, testUser } from '../../../test/browser/support/seed.ts';

const LAST = [
  'Müller',
  'Schröder',
  'Weiß',
  'Kowalski',
  'Yılmaz',
  'Groß',
  'Köhler',
  'Bauer',
  'Schmidt',
  'Krüger',
  'Demir',
  'Nowak',
];
const FIRST = [
  'Jürgen',
  'Björn',
  'Anna',
  'Özlem',
  'Lukas',
  'Maria',
  'Hüseyin',
  'Sophie',
  'Jörg',
  'Elif',
  'Paul',
  'Käthe',
];
const STREET = ['Hauptstraße', 'Bahnhofstraße', 'Am Mühlbach', 'Lindenweg', 'Schloßallee', 'Gartenstraße'];
const CITY = ['Göttingen', 'Northeim', 'Nörten-Hardenberg', 'Einbeck', 'Osterode am Harz'];

/** A deterministic district: case n with a household of 1–5 and two documents. */
function district(cases: number): Change[] {
  const changes: Change[] = [];
  const at = '2026-11-30T08:00:00.000Z';
  for (let n = 0; n < cases; n++) {
    const caseId = `c-${n}`;
    const household = 1 + (n % 5);
    changes.push({
      entity: 'case',
      op: 'put',
      id: caseId,
      caseId,
      version: 1,
      data: {
        id: caseId,
        bgNumber: `66436BG${String(n * 37 + 11).padStart(7, '0')}`,
        status: 'active',
        openedOn: '2024-01-15',
        headPersonId: `p-${n}-0`,
        version: 1,
        updatedAt: at,
      },
    } as Change);
    for (let m = 0; m < household; m++)
      changes.push({
        entity: 'person',
        op: 'put',
        id: `p-${n}-${m}`,
        caseId,
        version: 1,
        data: {
          id: `p-${n}-${m}`,
          caseId,
          role: m === 0 ? 'applicant' : m === 1 ? 'partner' : 'child',
          firstName: FIRST[(n + m * 5) % FIRST.length],
          lastName: LAST[(n * 7) % LAST.length],
          birthDate: `${1960 + ((n + m * 13) % 50)}-0${1 + (n % 9)}-1${n % 10}`,
          address: {
            street: `${STREET[n % STREET.length]} ${1 + (n % 120)}`,
            postalCode: '37154',
            city: CITY[n % CITY.length],
          },
          version: 1,
          updatedAt: at,
        },
      } as Change);
    for (let d = 0; d < 2; d++)
      changes.push({
        entity: 'document',
        op: 'put',
        id: `d-${n}-${d}`,
        caseId,
        version: 1,
        data: {
          id: `d-${n}-${d}`,
          caseId,
          type: 'bankStatement',
          register: 'income',
          title: 'Kontoauszug',
          direction: 'incoming',
          status: d === 0 && n % 4 === 0 ? 'new' : 'processed',
          receivedOn: `2026-1${n % 2}-0${1 + (n % 9)}`,
          pageCount: 3,
          byteSize: 120_000,
          sha256: 'a'.repeat(64),
          version: 1,
          updatedAt: at,
        },
      } as Change);
  }
  return changes;
}

let session: Session | null = null;

async function seed(cases: number): Promise<{ ms: number; records: number }> {
  const started = performance.now();
  session = (await openTestSession(testUser('u-workspace-bench'))).session;
  const changes = district(cases);
  for (let at = 0; at < changes.length; at += 2000)
    await applyChangesPage(session.db, session.cipher, changes.slice(at, at + 2000), `bench-${at}`, 1);
  return { ms: performance.now() - started, records: changes.length };
}

function Host({ session }: { session: Session }) {
  const rows = useCaseRows(session);
  const search = useCaseSearch(rows);
  if (!rows) return null;
  document.body.dataset['rows'] = String(rows.length);
  return (
    <div className="desk-cases" style={{ height: '100vh' }}>
      <CaseList rows={rows} search={search} selectedId={null} onOpen={() => undefined} />
    </div>
  );
}

/** From key press to the frame that shows its result, in ms, one per key. */
const keystrokes: number[] = [];
/**
 * From key press to the end of the task that handled it (the input event, the search and React's
 * render of the list): the work, without the wait for the next frame that every key press has.
 */
const handled: number[] = [];
document.addEventListener(
  'keydown',
  () => {
    const from = performance.now();
    setTimeout(() => handled.push(performance.now() - from), 0);
    requestAnimationFrame(() => setTimeout(() => keystrokes.push(performance.now() - from), 0));
  },
  true,
);

function mount(): void {
  if (!session) throw new Error('seed first');
  createRoot(document.getElementById('root')!).render(
    <I18nProvider initial="de">
      <Host session={session} />
    </I18nProvider>,
  );
}

/** The search alone, as the list runs it per keystroke, over the same rows: query → ids (ms each). */
async function searchAlone(queries: readonly string[]): Promise<number[]> {
  const rows = await session!.cases.rows('2026-12-01');
  const index = new CaseSearch();
  index.sync(
    rows.map((r) => ({
      id: r.case.id,
      bgNumber: r.case.bgNumber,
      members: r.members.map((m) => ({
        firstName: m.firstName,
        lastName: m.lastName,
        birthDate: m.birthDate,
        address: m.address,
      })),
    })),
  );
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    index.search(q);
    times.push(performance.now() - started);
  }
  return times;
}

/** Frame times (rAF to rAF) over `frames` frames, scrolling the grid by `step` px a frame, or idle. */
function frames(count: number, step: number): Promise<number[]> {
  const body = document.querySelector<HTMLElement>('.case-grid-body');
  return new Promise((resolve) => {
    const times: number[] = [];
    let last = 0;
    const tick = (now: number) => {
      if (last) times.push(now - last);
      last = now;
      if (body && step) body.scrollTop += step;
      if (times.length < count) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  });
}

declare global {
  interface Window {
    workspaceBench: {
      seed: typeof seed;
      mount: typeof mount;
      keystrokes: number[];
      handled: number[];
      searchAlone: typeof searchAlone;
      frames: typeof frames;
    };
  }
}
window.workspaceBench = { seed, mount, keystrokes, handled, searchAlone, frames };
document.body.dataset['ready'] = 'true';
