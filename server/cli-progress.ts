/**
 * The progress display of `npm run server -- --demo` while the demo district is generated on a
 * first start: a bar with cases, pages, megabytes and the time left, redrawn in place on a
 * terminal and printed every tenth of the way otherwise (logs, CI).
 */
import type { SeedProgress } from './demo/seed-district.ts';

const BAR = 24;

const number = (n: number): string => Math.round(n).toLocaleString('en-GB');

export function formatSeedProgress(p: SeedProgress): string {
  const share = p.casesTotal ? p.casesDone / p.casesTotal : 1;
  const filled = Math.round(share * BAR);
  const leftMs = p.casesDone ? (p.elapsedMs / p.casesDone) * (p.casesTotal - p.casesDone) : 0;
  return (
    `Generating the demo district [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ` +
    `${p.casesDone}/${p.casesTotal} cases · ${number(p.pages)} pages · ${number(p.bytes / 1e6)} MB · ` +
    `about ${Math.ceil(leftMs / 1000)} s left`
  );
}

export function seedProgressPrinter(stream: NodeJS.WriteStream): (p: SeedProgress) => void {
  let lastTenth = -1;
  return (p) => {
    const done = p.casesDone === p.casesTotal;
    if (stream.isTTY) {
      stream.write(`\r${formatSeedProgress(p)}\x1b[K${done ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((p.casesDone / Math.max(1, p.casesTotal)) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${formatSeedProgress(p)}\n`);
    }
  };
}
