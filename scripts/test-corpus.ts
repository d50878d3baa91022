/**
 * `npm run test:corpus [dir]`: opens every PDF of the folder (default: the pdf.js test corpus
 * beside the clone) in the real viewer in Chromium and prints rendered / rendered with password /
 * clear error / failed (protected files get the password the corpus's manifest lists).
 * Exits non-zero when any file failed (no page and no message within 10 s, hang or crash).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPdfs, runCorpus } from '../test/corpus/run-corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'fixtures', 'pdf-corpus'));
const files = listPdfs(dir);
console.log(`${files.length} PDF-Dateien in ${dir}`);
const started = Date.now();
const summary = await runCorpus(dir, files, (r, i) => {
  if (r.outcome !== 'rendered')
    console.log(
      `${String(i + 1).padStart(4)} ${r.outcome.padEnd(8)} ${String(r.ms).padStart(5)} ms  ${r.file}${r.detail ? `  (${r.detail})` : ''}`,
    );
});
console.log(
  JSON.stringify({
    files: files.length,
    rendered: summary.rendered,
    renderedWithPassword: summary.renderedWithPassword,
    clearError: summary.error,
    failed: summary.failed,
    seconds: Math.round((Date.now() - started) / 1000),
  }),
);
process.exit(summary.failed > 0 ? 1 : 0);
