/**
 * `npm test`: lint, type-check of every project, build, unit tests (Node), browser tests (real
 * Chromium), end-to-end tests (Playwright) and the Electron suite, in that order. Every step runs
 * even when an earlier one failed, so one run shows everything; the summary gives the count of
 * tests per suite and the exit code is non-zero when anything failed.
 * Usage: node scripts/test.ts [--only unit,browser,...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { provideChromium } from './chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}/.test-output`;
const bin = (name: string): string => `${root}/node_modules/.bin/${name}`;
const TS_PROJECTS = ['shared', 'main', 'preload', 'renderer', 'server', 'test'];

type Counts = { passed: number; failed: number; skipped: number };
type StepResult = {
  name: string;
  ok: boolean;
  seconds: number;
  counts?: Counts;
  note?: string;
  failures?: string[];
};

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function vitestCounts(file: string): Counts | undefined {
  const r = readJson(file) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  return r
    ? { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
    : undefined;
}

/** First lines of each failed test's message, so the end of a CI log names what failed. */
function firstLines(message: string, lines = 4): string {
  return message
    .split('\n')
    .slice(0, lines)
    .map((l) => `      ${l}`)
    .join('\n');
}

function vitestFailures(file: string): string[] {
  const r = readJson(file) as {
    testResults: {
      name: string;
      message?: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
    }[];
  } | null;
  if (!r) return [];
  const failures: string[] = [];
  for (const f of r.testResults) {
    const path = f.name.startsWith(root) ? f.name.slice(root.length) : f.name;
    const failed = f.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${path} › ${a.fullName}\n${firstLines(a.failureMessages.join('\n'))}`);
    if (!failed.length && f.message) failures.push(`${path}\n${firstLines(f.message)}`);
  }
  return failures;
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; tests: { results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};

function playwrightFailures(file: string): string[] {
  const r = readJson(file) as { suites?: PlaywrightSuite[] } | null;
  const failures: string[] = [];
  const walk = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const message = spec.tests.flatMap((t) => t.results.map((x) => x.error?.message ?? '')).find(Boolean) ?? '';
      failures.push(`${suite.file ?? suite.title} › ${spec.title}\n${firstLines(message)}`);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r?.suites ?? []) walk(suite);
  return failures;
}

function playwrightCounts(file: string): Counts | undefined {
  const r = readJson(file) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  } | null;
  return r
    ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }
    : undefined;
}

const steps: { name: string; run: () => Omit<StepResult, 'name' | 'seconds'> }[] = [
  {
    name: 'lint',
    run: () => ({
      ok: [
        run(bin('eslint'), ['--max-warnings', '0', '.']),
        run(bin('prettier'), ['--check', '--log-level', 'warn', '.']),
      ].every(Boolean),
      note: 'eslint, prettier',
    }),
  },
  {
    name: 'typecheck',
    run: () => ({
      ok: TS_PROJECTS.map((p) => run(bin('tsc'), ['-p', `tsconfig.${p}.json`])).every(Boolean),
      note: TS_PROJECTS.join(', '),
    }),
  },
  { name: 'build', run: () => ({ ok: run(process.execPath, ['scripts/build.mjs']) }) },
  ...(['unit', 'browser'] as const).map((project) => ({
    name: project,
    run: () => {
      const file = `${out}/vitest-${project}.json`;
      const ok = run(bin('vitest'), [
        'run',
        '--project',
        project,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${file}`,
      ]);
      return { ok, counts: vitestCounts(file), failures: vitestFailures(file) };
    },
  })),
  {
    name: 'e2e',
    run: () => {
      const ok = run(bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts']);
      return {
        ok,
        counts: playwrightCounts(`${out}/e2e-results.json`),
        failures: playwrightFailures(`${out}/e2e-results.json`),
      };
    },
  },
  {
    name: 'electron',
    run: () => {
      const ok = run(process.execPath, ['scripts/test-electron.ts']);
      const skipped = readJson(`${out}/electron-skipped.json`) as { skipped: number; reason: string } | null;
      if (skipped)
        return {
          ok,
          counts: { passed: 0, failed: 0, skipped: skipped.skipped },
          note: `übersprungen: ${skipped.reason}`,
        };
      return {
        ok,
        counts: playwrightCounts(`${out}/electron-results.json`),
        failures: playwrightFailures(`${out}/electron-results.json`),
      };
    },
  },
];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const NEEDS_CHROMIUM = ['browser', 'e2e'];
const chromiumMissing =
  steps.some((s) => NEEDS_CHROMIUM.includes(s.name) && (!only || only.includes(s.name))) && !provideChromium();

const results: StepResult[] = [];
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  if (chromiumMissing && NEEDS_CHROMIUM.includes(step.name)) {
    results.push({ name: step.name, ok: false, seconds: 0, note: 'nicht ausgeführt: kein Chromium' });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const result = step.run();
  results.push({ name: step.name, seconds: (Date.now() - started) / 1000, ...result });
}

const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  [${r.name}] ${f}`));
if (failures.length) console.log(`\n━━ Fehlgeschlagene Tests ━━\n${failures.join('\n')}`);

console.log('\n━━ Zusammenfassung ━━');
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  const c = r.counts;
  if (c) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  const counts = c ? ` ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : '';
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${counts}${r.note ? ` (${r.note})` : ''}`,
  );
}
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
if (failedSteps.length)
  console.log(`Fehlgeschlagen: ${failedSteps.join(', ')}. Screenshots, Traces und Protokolle liegen in .test-output/.`);
console.log(
  `total: ${total.passed} passed, ${total.failed + (failedSteps.length && !total.failed ? 1 : 0)} failed, ${total.skipped} skipped`,
);
process.exit(failedSteps.length ? 1 : 0);
