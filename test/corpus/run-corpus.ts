/**
 * Opens PDF files one after another in the real viewer (harness page in Chromium) and sorts each
 * into rendered (first page painted), rendered with password (a protected file whose password is
 * known, typed into the viewer's password dialog), clear error (the viewer's message shown) or
 * failed (neither within the limit, the page stopped answering, or the tab crashed).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.ts';
import { buildHarness, startHarnessHost } from '../browser/support/harness-host.ts';

export const PER_FILE_LIMIT_MS = 10_000;
const RESPONSIVE_LIMIT_MS = 2_000;

export type FileResult = {
  file: string;
  outcome: 'rendered' | 'rendered-with-password' | 'error' | 'failed';
  ms: number;
  detail?: string;
};
export type CorpusSummary = {
  rendered: number;
  renderedWithPassword: number;
  error: number;
  failed: number;
  results: FileResult[];
};

/**
 * The passwords of the protected files of the pdf.js corpus (folder test/pdfs of mozilla/pdf.js at
 * commit 0f26334f9d6f, from which ../shared/fixtures/pdf-corpus comes): as its test/test_manifest.json
 * lists them, and pr6531_1.pdf's as its test/unit/api_spec.js types it (the manifest has no entry
 * for that file). Used where the folder has no test_manifest.json of its own.
 */
const PDFJS_CORPUS_PASSWORDS: Readonly<Record<string, string>> = {
  'bug1782186.pdf': 'Hello',
  'issue6010_1.pdf': 'abc',
  'issue6010_2.pdf': '\u00E6\u00F8\u00E5',
  'saslprep-r6.pdf': 'S\u00AASL\u00ADprep',
  'pr6531_1.pdf': 'asdfasdf',
};

/** File name → password, from the folder's test_manifest.json (pdf.js's format) when it has one. */
export function knownPasswords(dir: string): ReadonlyMap<string, string> {
  const manifest = path.join(dir, 'test_manifest.json');
  if (!existsSync(manifest)) return new Map(Object.entries(PDFJS_CORPUS_PASSWORDS));
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { file?: unknown; password?: unknown }[];
  return new Map(
    entries.flatMap((e) =>
      typeof e.file === 'string' && typeof e.password === 'string' ? [[path.basename(e.file), e.password]] : [],
    ),
  );
}

export function listPdfs(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf') && statSync(path.join(dir, f)).isFile())
    .sort();
}

/** A fixed, spread-out sample: every k-th file of the sorted list. */
export function sample(files: readonly string[], size: number): string[] {
  if (files.length <= size) return [...files];
  const step = files.length / size;
  return Array.from({ length: size }, (_, i) => files[Math.floor(i * step)]!);
}

async function withLimit<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await page.evaluate(() => window.harness.signIn(`u-corpus-${Date.now()}`, 'Korpus Test'));
  return page;
}

export async function runCorpus(
  dir: string,
  files: readonly string[],
  onResult: (result: FileResult, index: number) => void = () => undefined,
): Promise<CorpusSummary> {
  await buildHarness();
  const host = await startHarnessHost((name) => (files.includes(name) ? path.join(dir, name) : null));
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  const results: FileResult[] = [];
  const passwords = knownPasswords(dir);
  let page = await freshPage(browser, host.url);
  try {
    for (const [index, file] of files.entries()) {
      let result: FileResult;
      let crashed = false;
      const onCrash = () => (crashed = true);
      page.once('crash', onCrash);
      try {
        await page.evaluate(([f, i]) => window.harness.seed(`/files/${encodeURIComponent(f)}`, `c${i}`), [
          file,
          index,
        ] as const);
        let outcome = await withLimit(
          page.evaluate((i) => window.harness.open(`c${i}`), index),
          PER_FILE_LIMIT_MS,
        );
        // A protected file asks for its password; where it is known, it is typed in as a user would.
        const password = passwords.get(file);
        const protectedFile = outcome !== 'timeout' && outcome.code === 'encrypted' && password !== undefined;
        if (protectedFile)
          outcome = await withLimit(
            page.evaluate((p) => window.harness.submitPassword(p), password),
            PER_FILE_LIMIT_MS,
          );
        if (outcome === 'timeout')
          result = {
            file,
            outcome: 'failed',
            ms: PER_FILE_LIMIT_MS,
            detail: 'no page and no message within the limit',
          };
        else
          result = {
            file,
            outcome: protectedFile && outcome.outcome === 'rendered' ? 'rendered-with-password' : outcome.outcome,
            ms: Math.round(outcome.ms),
            ...(outcome.code ? { detail: outcome.code } : {}),
          };
        // The window must still answer after each file.
        const alive = await withLimit(
          page.evaluate(() => {
            window.harness.close();
            return true;
          }),
          RESPONSIVE_LIMIT_MS,
        );
        if (alive === 'timeout') result = { file, outcome: 'failed', ms: result.ms, detail: 'page stopped answering' };
      } catch (error) {
        result = { file, outcome: 'failed', ms: 0, detail: crashed ? 'tab crashed' : String(error).slice(0, 200) };
      }
      page.off('crash', onCrash);
      if (result.outcome === 'failed') {
        await page
          .context()
          .close()
          .catch(() => undefined);
        page = await freshPage(browser, host.url);
      }
      results.push(result);
      onResult(result, index);
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return {
    rendered: results.filter((r) => r.outcome === 'rendered').length,
    renderedWithPassword: results.filter((r) => r.outcome === 'rendered-with-password').length,
    error: results.filter((r) => r.outcome === 'error').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    results,
  };
}
