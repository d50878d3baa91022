/**
 * The letter engine in real Chromium, with the assets loaded the way the renderer loads them:
 * it composes and renders without DOM or Node, and makes byte for byte the PDF the Node tests
 * check, so what they prove about the file holds for the preview and the letter sent.
 */
import { expect, it } from 'vitest';
import { composeLetter } from '../../../src/renderer/letters/compose-letter.ts';
import { createFontMetrics } from '../../../src/renderer/letters/font-metrics.ts';
import { parseOffice } from '../../../src/renderer/letters/office.ts';
import { parseTemplate } from '../../../src/renderer/letters/parse-template.ts';
import { renderLetterPdf } from '../../../src/renderer/letters/render-pdf.ts';
import { CREATED_AT, EINLADUNG_SHA256, FIELDS, sampleContext } from '../../support/letters-sample.ts';
import regularUrl from '../../../assets/fonts/LiberationSans-Regular.ttf?url';
import boldUrl from '../../../assets/fonts/LiberationSans-Bold.ttf?url';
import iccUrl from '../../../assets/icc/sRGB-v2.icc?url';
import officeText from '../../../assets/letters/office.txt?raw';
import einladungText from '../../../assets/letters/einladung.vorlage.txt?raw';

const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

it('renders the same PDF bytes in Chromium as in Node', async () => {
  const fonts = { regular: await load(regularUrl), bold: await load(boldUrl) };
  const iccProfile = await load(iccUrl);
  const template = parseTemplate('einladung.vorlage.txt', einladungText);
  const metrics = createFontMetrics(fonts);
  const context = sampleContext(parseOffice('office.txt', officeText));
  const { letter, problems } = composeLetter(template, context, FIELDS['einladung']!, metrics);
  expect(problems).toEqual([]);
  const pdf = await renderLetterPdf({ letter, fonts, iccProfile, createdAt: CREATED_AT, metrics });
  expect(new TextDecoder('latin1').decode(pdf.subarray(0, 8))).toBe('%PDF-1.7');
  expect(hex(await crypto.subtle.digest('SHA-256', pdf.slice()))).toBe(EINLADUNG_SHA256);
  const again = await renderLetterPdf({ letter, fonts, iccProfile, createdAt: CREATED_AT, metrics });
  expect(again).toEqual(pdf);
});
