/**
 * Renders every template in `assets/letters/` with the sample household to PDF (and, where
 * pdftoppm is installed, page PNGs) into a folder, default `/tmp/letters-preview/`: for a person
 * to look at the layout after changing a template or the geometry. Not part of any test.
 *
 *   node scripts/preview-letters.ts [folder]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { composeLetter } from '../src/renderer/letters/compose-letter.ts';
import { createFontMetrics } from '../src/renderer/letters/font-metrics.ts';
import { renderLetterPdf } from '../src/renderer/letters/render-pdf.ts';
import {
  CREATED_AT,
  FIELDS,
  context,
  fonts,
  iccProfile,
  loadTemplates,
} from '../test/unit/renderer/letters/support.ts';

const out = process.argv[2] ?? '/tmp/letters-preview';
mkdirSync(out, { recursive: true });
const metrics = createFontMetrics(fonts);
for (const [id, template] of loadTemplates()) {
  const { letter, problems } = composeLetter(template, context(), FIELDS[id] ?? {}, metrics);
  if (problems.length > 0) console.log(id, 'problems:', JSON.stringify(problems));
  const pdf = await renderLetterPdf({ letter, fonts, iccProfile, createdAt: CREATED_AT, metrics });
  const file = `${out}/${id}.pdf`;
  writeFileSync(file, pdf);
  const png = spawnSync('pdftoppm', ['-png', '-r', process.env['PREVIEW_DPI'] ?? '60', file, `${out}/${id}`]);
  console.log(file, `${pdf.byteLength} bytes`, png.status === 0 ? 'PNG pages written' : 'no pdftoppm');
}
