/**
 * The composer in English with the job centre's own templates from the machine folder (through
 * `letters:templates`): a broken one is refused with its file and line, the others stay usable,
 * and the preview draws the letter — in German, as every letter to a citizen.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { LetterComposer } from '../../../src/renderer/features/letters/LetterComposer.tsx';
import { createBrowserDesktopApi } from '../../../src/renderer/platform/browser-desktop-api.ts';
import type { DesktopApi } from '../../../src/renderer/platform/desktop-api.ts';
import { pull } from '../../../src/renderer/sync/pull.ts';
import '../../../src/renderer/styles/app.css';
import { signedIn, startServer, waitFor, type Harness } from '../sync/harness.ts';
import { composer, fill, mount, violations, watchPreviews } from './support.tsx';

let h: Harness;
let unmount: () => void = () => undefined;
beforeAll(async () => {
  await page.viewport(1400, 1000);
  h = await signedIn(await startServer('letter-templates'));
  await pull(h.api, h.session.db, h.session.cipher);
});
afterEach(() => unmount());
afterAll(async () => {
  await h.close();
  await commands.stopReferenceServer('letter-templates');
});

const OWN = `---
id: zusage
titel: Zusage der Kostenübernahme
betreff: Übernahme der Kosten für {{feld.anlass}}
feld: anlass | text | Pflicht | Wofür
---
{{empfaenger.anrede}},

die Kosten für {{feld.anlass}} werden übernommen.

Mit freundlichen Grüßen
{{bearbeiter.name}}
`;

/** The browser's DesktopApi, with the machine folder IT filled. */
function withMachineTemplates(): DesktopApi {
  const api = createBrowserDesktopApi();
  return {
    ...api,
    letters: {
      templates: async () => ({
        folder: '/etc/e-akte/letters',
        templates: [
          { file: 'kaputt.vorlage.txt', text: '---\nid: kaputt\ntitel: Kaputt\nbetreff: {{akte.nummer}}\n---\nText\n' },
          { file: 'zusage.vorlage.txt', text: OWN },
        ],
        office: null,
        unreadable: [],
      }),
    },
  };
}

it('offers the job centre’s own template, refuses the broken one with file and line, in English', async () => {
  const [first] = await h.session.cases.list();
  const previews = watchPreviews();
  unmount = mount(<LetterComposer session={h.session} caseId={first!.case.id} onClose={() => undefined} />, {
    language: 'en',
    api: withMachineTemplates(),
  });
  await expect.element(composer().getByLabelText('Template')).toBeVisible();
  await expect
    .element(composer().getByRole('region', { name: 'Templates that cannot be used' }))
    .toMatchTextContent(
      'The letter template "/etc/e-akte/letters/kaputt.vorlage.txt" has an error in line 4: There is no placeholder "akte.nummer".',
    );
  await userEvent.selectOptions(composer().getByLabelText('Template'), 'Zusage der Kostenübernahme');
  await expect
    .element(composer().getByRole('listitem').filter({ hasText: 'Please fill in the required field "Wofür".' }))
    .toBeVisible();
  await fill('Wofür', 'die Klassenfahrt');
  await expect.element(composer().getByRole('heading', { name: 'The letter can be sent.' })).toBeVisible();
  await expect.element(composer().getByRole('img', { name: 'Preview, page 1 of 1' })).toBeVisible();
  await waitFor(async () => previews.painted.length > 0 && !composer().getByText('Updating the preview …').query());
  await page.screenshot({ path: '../../../.test-output/screenshots/letter-composer-en.png' });
  expect(await violations()).toEqual([]);
  previews.stop();
});
