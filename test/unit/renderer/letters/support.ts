/**
 * The real assets (fonts, ICC profile, templates, office file) read from disk for the letter
 * tests, the benchmark and the preview script, and the sample household with this office.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LetterContext } from '../../../../src/renderer/letters/letter-context.ts';
import { sampleContext } from '../../../support/letters-sample.ts';
import { parseOffice, type Office } from '../../../../src/renderer/letters/office.ts';
import { parseTemplate, TEMPLATE_FILE_SUFFIX } from '../../../../src/renderer/letters/parse-template.ts';
import type { LetterTemplate } from '../../../../src/renderer/letters/template.ts';
import type { LetterFonts } from '../../../../src/renderer/letters/font-metrics.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(`${root}${path}`));

export const fonts: LetterFonts = {
  regular: bytes('assets/fonts/LiberationSans-Regular.ttf'),
  bold: bytes('assets/fonts/LiberationSans-Bold.ttf'),
};
export const iccProfile = bytes('assets/icc/sRGB-v2.icc');

export const office: Office = parseOffice('office.txt', readFileSync(`${root}assets/letters/office.txt`, 'utf8'));

export function loadTemplates(): Map<string, LetterTemplate> {
  const dir = `${root}assets/letters/`;
  const templates = new Map<string, LetterTemplate>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(TEMPLATE_FILE_SUFFIX))
    .sort()) {
    const template = parseTemplate(name, readFileSync(`${dir}${name}`, 'utf8'));
    templates.set(template.id, template);
  }
  return templates;
}

export { CREATED_AT, FIELDS } from '../../../support/letters-sample.ts';

export const context = (overrides: Partial<LetterContext> = {}): LetterContext => sampleContext(office, overrides);
