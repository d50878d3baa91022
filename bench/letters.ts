/**
 * Time from the case worker's filled fields to the finished PDF/A letter in Node: fill, check,
 * lay out, embed the font subsets, write the file, for the two-page Anhörung. The first run in
 * the process (fonts parsed, code not yet optimised) is reported apart as cold; then the median
 * and p95 of 30 runs that reuse the font metrics, as the composer screen does. Target: ≤ 300 ms.
 */
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
import { median, report } from './_report.ts';

const RUNS = 30;
const template = loadTemplates().get('anhoerung')!;
const fields = FIELDS['anhoerung']!;

async function once(metrics = createFontMetrics(fonts)): Promise<{ ms: number; bytes: number; problems: number }> {
  const start = performance.now();
  const { letter, problems } = composeLetter(template, context(), fields, metrics);
  const pdf = await renderLetterPdf({ letter, fonts, iccProfile, createdAt: CREATED_AT, metrics });
  return { ms: performance.now() - start, bytes: pdf.byteLength, problems: problems.length };
}

const cold = await once();
if (cold.problems > 0) throw new Error('the benchmark letter has problems');
const metrics = createFontMetrics(fonts);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push((await once(metrics)).ms);
times.sort((a, b) => a - b);
const p95 = times[Math.ceil(0.95 * times.length) - 1]!;

report({
  bench: 'letters',
  metric: 'fields to PDF, two-page letter, cold (first in process)',
  value: cold.ms,
  unit: 'ms',
});
report({ bench: 'letters', metric: 'fields to PDF, two-page letter, median', value: median(times), unit: 'ms' });
report({ bench: 'letters', metric: 'fields to PDF, two-page letter, p95', value: p95, unit: 'ms' });
report({ bench: 'letters', metric: 'PDF size, two-page letter', value: cold.bytes / 1024, unit: 'KiB' });
