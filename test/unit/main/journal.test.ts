/**
 * The outbox journal in main, on a real temporary folder: what is appended survives a restart of
 * the app, acknowledged entries are compacted away, a torn last line costs only that line, and a
 * late append of an entry already delivered does not bring it back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournal, JournalUserError } from '../../../src/main/journal.ts';
import { nodeJournalFiles } from '../../../src/main/journal-files.ts';
import { createLogger } from '../../../src/main/logger.ts';
import { addLine } from '../../../src/shared/journal/journal-log.ts';

let dir: string;
const lines: string[] = [];
const open = () =>
  createJournal({
    dir,
    files: nodeJournalFiles,
    join: (...parts) => path.join(...parts),
    logger: createLogger('journal', (l) => lines.push(l)),
  });
const entry = (n: number, size = 16) => ({
  id: `e-${n}`,
  sealed: Buffer.from(`sealed ${n} `.padEnd(size, '.')).toString('base64'),
});
const file = () => path.join(dir, 'outbox-u-demo.jsonl');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eakte-journal-'));
  lines.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('outbox journal (main)', () => {
  it('keeps appended entries, in order, across a restart of the app', async () => {
    const journal = open();
    await journal.append('u-demo', [entry(1), entry(2)]);
    await journal.append('u-demo', [entry(3)]);
    expect((await open().read('u-demo')).map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-3']);
    expect(await open().read('u-other')).toEqual([]);
  });

  it('drops acknowledged entries and compacts the file once most of it is acknowledged', async () => {
    const journal = open();
    const many = Array.from({ length: 200 }, (_, k) => entry(k, 600));
    await journal.append('u-demo', many);
    const before = readFileSync(file()).length;
    await journal.acknowledge(
      'u-demo',
      many.slice(0, 190).map((e) => e.id),
    );
    expect((await journal.read('u-demo')).map((e) => e.id)).toEqual(many.slice(190).map((e) => e.id));
    const after = readFileSync(file(), 'utf8');
    expect(after.length).toBeLessThan(before / 2);
    expect(after).not.toContain(many[5]!.sealed);
    expect((await open().read('u-demo')).map((e) => e.id)).toEqual(many.slice(190).map((e) => e.id));
  });

  it('skips a torn last line and writes the next entries on a clean line', async () => {
    writeFileSync(file(), addLine(entry(1)) + addLine(entry(2)));
    appendFileSync(file(), addLine(entry(3)).slice(0, 20)); // the machine went down mid-line
    const journal = open();
    expect((await journal.read('u-demo')).map((e) => e.id)).toEqual(['e-1', 'e-2']);
    await journal.append('u-demo', [entry(4)]);
    expect((await open().read('u-demo')).map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-4']);
    expect(readFileSync(file(), 'utf8').endsWith('\n')).toBe(true);
    expect(lines.some((l) => l.includes('do not parse'))).toBe(true);
  });

  it('ignores a second append of an entry it holds and a late append of one already acknowledged', async () => {
    const journal = open();
    await journal.append('u-demo', [entry(1)]);
    await journal.append('u-demo', [entry(1)]);
    await journal.acknowledge('u-demo', ['e-2']); // the other window saw it delivered first
    await journal.append('u-demo', [entry(2)]);
    expect((await open().read('u-demo')).map((e) => e.id)).toEqual(['e-1']);
  });

  it('lets a later copy of an entry replace it, but never one that knows less (a lower rank)', async () => {
    const journal = open();
    await journal.append('u-demo', [{ ...entry(1), rank: 0 }]);
    await journal.append('u-demo', [{ id: 'e-1', sealed: Buffer.from('resolved').toString('base64'), rank: 1 }]);
    await journal.append('u-demo', [{ id: 'e-1', sealed: Buffer.from('stale').toString('base64'), rank: 0 }]);
    const [kept] = await open().read('u-demo');
    expect(Buffer.from(kept!.sealed, 'base64').toString()).toBe('resolved');
  });

  it('refuses a user id that is not a plain id, so no path leaves the folder', async () => {
    await expect(open().append('../evil', [entry(1)])).rejects.toBeInstanceOf(JournalUserError);
    await expect(open().read('a/b')).rejects.toBeInstanceOf(JournalUserError);
  });

  it('answers an append only once the entry is in the file', async () => {
    const journal = open();
    await journal.append('u-demo', [entry(7)]);
    expect(readFileSync(file(), 'utf8')).toContain('"e-7"');
  });
});

describe('wrapped key beside the journal', () => {
  it('keeps the last wrap per user across a restart, and answers none for a user without one', async () => {
    await open().saveKeyWrap('u-demo', { keyWrap: 'wrap-1', deviceSealed: true });
    await open().saveKeyWrap('u-demo', { keyWrap: 'wrap-2', deviceSealed: false });
    expect(await open().readKeyWrap('u-demo')).toEqual({ keyWrap: 'wrap-2', deviceSealed: false });
    expect(await open().readKeyWrap('u-other')).toBeNull();
  });
});
