/**
 * Robustness in CI: a fixed sample of 160 files of the pdf.js test corpus (broken, fuzzed,
 * encrypted, huge) opened one after another in the real viewer. Each must paint its first page
 * or show the viewer's clear message within 10 s, with the page still answering; none may hang
 * or crash it. `npm run test:corpus` runs all of them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownPasswords, listPdfs, runCorpus, sample } from '../corpus/run-corpus.ts';
import { browserOnly, expect, test } from './fixtures.ts';

/** Beside the clone; `PDF_CORPUS` names another folder (a worktree lives elsewhere). */
const CORPUS =
  process.env['PDF_CORPUS'] ??
  path.join(fileURLToPath(new URL('../../..', import.meta.url)), 'shared', 'fixtures', 'pdf-corpus');
const SAMPLE_SIZE = 160;

test.beforeEach(({ targetKind }) =>
  browserOnly(targetKind, 'the viewer module in a harness page of Chromium, not the app’s windows'),
);

test('a fixed sample of the pdf.js corpus renders or fails clearly, without hang or crash', async () => {
  test.skip(!existsSync(CORPUS), `Korpus nicht gefunden: ${CORPUS} (shared/ liegt neben dem Klon)`);
  test.setTimeout(300_000);
  const files = sample(listPdfs(CORPUS), SAMPLE_SIZE);
  const summary = await runCorpus(CORPUS, files);
  console.log(
    JSON.stringify({
      files: files.length,
      rendered: summary.rendered,
      renderedWithPassword: summary.renderedWithPassword,
      clearError: summary.error,
      failed: summary.failed,
    }),
  );
  expect(summary.results.filter((r) => r.outcome === 'failed')).toEqual([]);
  expect(summary.rendered + summary.renderedWithPassword + summary.error).toBe(files.length);
  // The corpus is mostly valid files; a viewer that shows errors for everything must not pass.
  expect(summary.rendered + summary.renderedWithPassword).toBeGreaterThan(files.length * 0.9);
  // Protected files whose password is known open with it, never end as an error.
  const passwords = knownPasswords(CORPUS);
  expect(summary.results.filter((r) => passwords.has(r.file) && r.outcome !== 'rendered-with-password')).toEqual([]);
});
