/**
 * Helpers for the letter tests in Chromium: the composer and the case's letters mounted in the
 * page with the product's providers, the sync engine over the test's own reference server, the
 * previews the composer paints, and household members seeded the way the change feed stores them.
 */
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { page, userEvent } from 'vitest/browser';
import type { LetterId } from '../../../src/shared/domain/ids.ts';
import type { Person } from '../../../src/shared/domain/person.ts';
import type { LetterToQueue } from '../../../src/renderer/data/repos/letters.ts';
import { sealEntity } from '../../../src/renderer/data/repos/sealed-entities.ts';
import { PREVIEW_PAINTED_EVENT, type PreviewPainted } from '../../../src/renderer/features/letters/PreviewPages.tsx';
import { BUNDLED_OFFICE, BUNDLED_TEMPLATES } from '../../../src/renderer/features/letters/bundled-templates.ts';
import { letterAssets } from '../../../src/renderer/features/letters/letter-assets.ts';
import { I18nProvider } from '../../../src/renderer/i18n/i18n-context.tsx';
import { composeLetter, letterMeta } from '../../../src/renderer/letters/compose-letter.ts';
import { parseOffice } from '../../../src/renderer/letters/office.ts';
import { parseTemplate } from '../../../src/renderer/letters/parse-template.ts';
import { renderLetterPdf } from '../../../src/renderer/letters/render-pdf.ts';
import type { Language } from '../../../src/renderer/i18n/translate.ts';
import { createBrowserDesktopApi } from '../../../src/renderer/platform/browser-desktop-api.ts';
import type { DesktopApi } from '../../../src/renderer/platform/desktop-api.ts';
import { DesktopApiProvider } from '../../../src/renderer/platform/desktop-context.tsx';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import type { SyncEngine } from '../../../src/renderer/sync/engine.ts';
import { testEngine, type Harness } from '../sync/harness.ts';

/** Renders `node` inside the window's providers; answers the unmount. */
export function mount(node: ReactNode, { language = 'de', api }: { language?: Language; api?: DesktopApi } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(
    <I18nProvider initial={language}>
      <DesktopApiProvider api={api ?? createBrowserDesktopApi()}>{node}</DesktopApiProvider>
    </I18nProvider>,
  );
  return () => {
    root.unmount();
    container.remove();
  };
}

/** The previews the composer has painted, newest last. */
export function watchPreviews(): { painted: PreviewPainted[]; stop(): void } {
  const painted: PreviewPainted[] = [];
  const listener = (event: Event) => painted.push((event as CustomEvent<PreviewPainted>).detail);
  document.addEventListener(PREVIEW_PAINTED_EVENT, listener);
  return { painted, stop: () => document.removeEventListener(PREVIEW_PAINTED_EVENT, listener) };
}

export function startEngine(h: Harness): { engine: SyncEngine; running: Promise<void> } {
  const engine = testEngine(h, { intervalMs: 300 });
  return { engine, running: engine.run() };
}

/** A member of the case written into the cache as a pull would, optionally without an address. */
export async function seedMember(
  session: Session,
  caseId: string,
  person: Pick<Person, 'id' | 'firstName' | 'lastName'> & { address?: Person['address'] },
): Promise<void> {
  const entity = {
    caseId,
    role: 'other',
    birthDate: '1990-04-01',
    version: 1,
    updatedAt: '2025-05-01T08:00:00.000Z',
    ...person,
  };
  await session.db.persons.put({ ...(await sealEntity(session.cipher, 'persons', entity)), epoch: 1 });
}

export const composer = () => page.getByRole('dialog', { name: /Schreiben erstellen|Write a letter/ });

/** A field of the composer by the start of its label (required ones add "(Pflichtfeld)"). */
export const field = (label: string) =>
  composer().getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

export async function fill(label: string, value: string): Promise<void> {
  await userEvent.fill(field(label), value);
}

export async function sha256(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A letter that passes the checks, rendered by the engine with the assets as the composer loads
 * them: "Freies Schreiben" to the case's first member with an address.
 */
export async function makeLetter(
  session: Session,
  caseId: string,
  subject: string,
  id: string = crypto.randomUUID(),
): Promise<LetterToQueue> {
  const [addressees, assets] = await Promise.all([session.letters.addressees(caseId), letterAssets()]);
  const template = parseTemplate(
    'freies-schreiben.vorlage.txt',
    BUNDLED_TEMPLATES.find((t) => t.file === 'freies-schreiben.vorlage.txt')!.text,
  );
  const recipient = addressees.members.find((m) => m.address)!;
  const { letter, problems } = composeLetter(
    template,
    {
      case: addressees.case!,
      recipient: { ...recipient },
      user: { displayName: session.user.displayName },
      office: parseOffice(BUNDLED_OFFICE.file, BUNDLED_OFFICE.text),
      date: '2025-06-02',
    },
    { betreff: subject, inhalt: 'vielen Dank für Ihre Nachricht.' },
    assets.metrics,
  );
  if (problems.length) throw new Error(`test letter has problems: ${problems.map((p) => p.code).join()}`);
  const pdf = (await renderLetterPdf({
    letter,
    fonts: assets.fonts,
    iccProfile: assets.iccProfile,
    metrics: assets.metrics,
    createdAt: new Date('2025-06-02T08:00:00Z'),
  })) as Uint8Array<ArrayBuffer>;
  return { meta: letterMeta(id as LetterId, letter), pdf, recipient: `${recipient.firstName} ${recipient.lastName}` };
}

/** WCAG 2.1 A and AA violations axe-core finds in the page, one line each. */
export async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
