/**
 * The in-page half of `npm run bench -- letters`: the real composer ("Schreiben erstellen") in
 * Chromium over a seeded cache, driven by bench/letters.ts with real key presses through
 * `window.lettersBench`; and the letter engine timed from filled fields to the finished PDF, both
 * in the render worker (as the composer does it) and on the page's own thread.
 */
import { createRoot } from 'react-dom/client';
import type { CaseId, PersonId } from '../../../src/shared/domain/ids.ts';
import { binding, sealEntity } from '../../../src/renderer/data/repos/sealed-entities.ts';
import { BUNDLED_OFFICE, BUNDLED_TEMPLATES } from '../../../src/renderer/features/letters/bundled-templates.ts';
import { letterAssets } from '../../../src/renderer/features/letters/letter-assets.ts';
import { letterRenderer } from '../../../src/renderer/features/letters/letter-renderer.ts';
import { LetterComposer } from '../../../src/renderer/features/letters/LetterComposer.tsx';
import { PREVIEW_PAINTED_EVENT } from '../../../src/renderer/features/letters/PreviewPages.tsx';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import { composeLetter } from '../../../src/renderer/letters/compose-letter.ts';
import { parseOffice } from '../../../src/renderer/letters/office.ts';
import { parseTemplate } from '../../../src/renderer/letters/parse-template.ts';
import { renderLetterPdf } from '../../../src/renderer/letters/render-pdf.ts';
import { createBrowserDesktopApi } from '../../../src/renderer/platform/browser-desktop-api.ts';
import { DesktopApiProvider } from '../../../src/renderer/platform/desktop-context.tsx';
import { warmUpPdfWorker } from '../../../src/renderer/pdf/index.ts';
import '../../../src/renderer/styles/app.css';
import { openTestSession, testUser } from '../../../test/browser/support/seed.ts';
import { CREATED_AT, FIELDS, sampleContext } from '../../../test/support/letters-sample.ts';

const CASE_ID = 'case-bench' as CaseId;
const PERSON_ID = 'person-bench' as PersonId;

/** Key press (the last one, when they come faster than previews) to repainted preview, in ms. */
const latencies: number[] = [];
/** Key press to the frame that shows the typed character in the field, in ms. */
const echoes: number[] = [];
let pressedAt = 0;
let echoFrom = 0;
document.addEventListener(
  'keydown',
  () => {
    pressedAt = performance.now();
    echoFrom = pressedAt;
  },
  true,
);
// After the frame in which the change is drawn.
const afterFrame = (from: number, into: number[]) =>
  requestAnimationFrame(() => setTimeout(() => into.push(performance.now() - from), 0));
document.addEventListener(
  'input',
  () => {
    if (!echoFrom) return;
    afterFrame(echoFrom, echoes);
    echoFrom = 0;
  },
  true,
);
document.addEventListener(PREVIEW_PAINTED_EVENT, () => {
  if (!pressedAt) return;
  afterFrame(pressedAt, latencies);
  pressedAt = 0;
});

async function seedCase(): Promise<Awaited<ReturnType<typeof openTestSession>>['session']> {
  const { session } = await openTestSession(testUser(`u-bench-letters-${Date.now()}`, 'Erika Beispiel'));
  const now = '2025-05-01T08:00:00.000Z';
  const theCase = {
    id: CASE_ID,
    bgNumber: '12345BG0012345',
    status: 'active',
    openedOn: '2020-01-01',
    version: 1,
    updatedAt: now,
  };
  await session.db.cases.put({
    id: CASE_ID,
    caseId: CASE_ID,
    version: 1,
    updatedAt: now,
    bgNumberMac: await session.cipher.indexHash('bgNumber', theCase.bgNumber),
    status: 'active',
    sealed: await session.cipher.sealJson(theCase, binding('cases', CASE_ID)),
    epoch: 1,
  });
  const person = {
    id: PERSON_ID,
    caseId: CASE_ID,
    role: 'applicant',
    firstName: 'Jürgen',
    lastName: 'Weißmüller',
    birthDate: '1980-02-03',
    address: { street: 'Große Straße 12', postalCode: '12345', city: 'Musterstadt' },
    version: 1,
    updatedAt: now,
  };
  await session.db.persons.put({ ...(await sealEntity(session.cipher, 'persons', person)), epoch: 1 });
  return session;
}

const lettersBench = {
  latencies,
  echoes,
  /** Pages pdf.js has drawn for previews so far. */
  pagesDrawn: () => performance.getEntriesByName('letters:page-drawn').length,
  /** Mounts the composer on the seeded case; resolves once its form is there. */
  async mount(): Promise<void> {
    const session = await seedCase();
    await warmUpPdfWorker({ drawHere: true });
    const container = document.createElement('div');
    document.body.append(container);
    createRoot(container).render(
      <I18nProvider initial="de">
        <DesktopApiProvider api={createBrowserDesktopApi()}>
          <LetterComposer session={session} caseId={CASE_ID} onClose={() => undefined} />
        </DesktopApiProvider>
      </I18nProvider>,
    );
  },
  /** Filled fields to PDF for the two-page Anhörung: `runs` times in the worker, then on this thread. */
  async fieldsToPdf(runs: number): Promise<{ worker: number[]; page: number[]; bytes: number; pages: number }> {
    const assets = await letterAssets();
    const source = BUNDLED_TEMPLATES.find((t) => t.file === 'anhoerung.vorlage.txt')!;
    const template = parseTemplate(source.file, source.text);
    const context = sampleContext(parseOffice(BUNDLED_OFFICE.file, BUNDLED_OFFICE.text));
    const compose = () => composeLetter(template, context, FIELDS['anhoerung']!, assets.metrics);
    const renderer = await letterRenderer();
    const worker: number[] = [];
    const page: number[] = [];
    let pdf = new Uint8Array();
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      ({ pdf } = await renderer.render(compose().letter, CREATED_AT));
      worker.push(performance.now() - t);
    }
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      const { letter } = compose();
      await renderLetterPdf({ letter, ...assets, createdAt: CREATED_AT });
      page.push(performance.now() - t);
    }
    const text = new TextDecoder('latin1').decode(pdf);
    return { worker, page, bytes: pdf.byteLength, pages: (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length };
  },
};

declare global {
  interface Window {
    lettersBench: typeof lettersBench;
  }
}
window.lettersBench = lettersBench;
document.body.dataset['ready'] = 'true';
