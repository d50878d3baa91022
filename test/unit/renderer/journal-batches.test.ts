/**
 * How the journal follower cuts new outbox entries into append calls: at most 500 entries and
 * 8 MiB of sealed text per call, in order, so a run of letters (their PDFs inside) stays far below
 * what one IPC message should carry, and an entry is never split or dropped.
 */
import { describe, expect, it } from 'vitest';
import { appendBatches } from '../../../src/renderer/data/journal.ts';

const entry = (id: number, chars: number) => ({ id: `e${id}`, sealed: 'A'.repeat(chars) });

describe('appendBatches', () => {
  it('keeps small entries together up to 500 a call', () => {
    const batches = appendBatches(Array.from({ length: 1201 }, (_, k) => entry(k, 100)));
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
  });

  it('cuts a run of letters at 8 MiB of sealed text, in order, none split or lost', () => {
    const letters = Array.from({ length: 300 }, (_, k) => entry(k, 100 * 1024));
    const batches = appendBatches(letters);
    for (const batch of batches) expect(batch.reduce((n, e) => n + e.sealed.length, 0)).toBeLessThanOrEqual(8 << 20);
    expect(batches.flat().map((e) => e.id)).toEqual(letters.map((e) => e.id));
    expect(batches.length).toBe(Math.ceil(300 / Math.floor((8 << 20) / (100 * 1024))));
  });

  it('sends an entry larger than the text limit on its own', () => {
    const batches = appendBatches([entry(1, 10), entry(2, 9 << 20), entry(3, 10)]);
    expect(batches.map((b) => b.map((e) => e.id))).toEqual([['e1'], ['e2'], ['e3']]);
  });
});
