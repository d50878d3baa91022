/** Which arrived documents get their first view prepared in the background, and in which order. */
import { describe, expect, it } from 'vitest';
import { choosePreparations, type PrepareCandidate } from '../../../../src/renderer/sync/prepare-plan.ts';

const none = { index: false, preview: false, failure: false };

function doc(id: string, caseId: string, receivedOn: string, over: Partial<PrepareCandidate> = {}): PrepareCandidate {
  return { documentId: id, caseId, inbox: false, receivedOn, inPieces: false, has: none, ...over };
}

describe('first views prepared on arrival', () => {
  it('takes inbox items first, newest first, then the newest of every case before the second newest of any', () => {
    const order = choosePreparations(
      [
        doc('a-old', 'a', '2025-01-01'),
        doc('a-new', 'a', '2025-03-01'),
        doc('a-mid', 'a', '2025-02-01'),
        doc('b-new', 'b', '2025-02-15'),
        doc('b-old', 'b', '2024-12-01'),
        doc('mail-1', 'b', '2024-01-01', { inbox: true }),
        doc('mail-2', 'a', '2025-04-01', { inbox: true }),
      ],
      { pictures: true, perCase: 2 },
    ).map((w) => w.documentId);
    // Inbox items count among their case's documents: "a-new" is a's second newest, "a-mid" its
    // third and left out; of the second newest, the newer first.
    expect(order).toEqual(['mail-2', 'mail-1', 'b-new', 'a-new', 'b-old']);
  });

  it('beyond a case’s newest few only inbox items, whatever their age', () => {
    const docs = Array.from({ length: 8 }, (_, i) => doc(`d${i}`, 'c', `2025-01-0${i + 1}`));
    const order = choosePreparations([...docs, doc('old-mail', 'c', '2020-01-01', { inbox: true })], {
      pictures: true,
      perCase: 3,
    }).map((w) => w.documentId);
    expect(order).toEqual(['old-mail', 'd7', 'd6', 'd5']);
  });

  it('skips what is done, and what failed for these bytes', () => {
    const work = choosePreparations(
      [
        doc('pictured', 'c', '2025-01-05', { has: { ...none, preview: true } }),
        doc('failed', 'c', '2025-01-04', { has: { ...none, failure: true } }),
        doc('large', 'c', '2025-01-03', { inPieces: true, has: { ...none, preview: true } }),
        doc('large-done', 'd', '2025-01-03', { inPieces: true, has: { index: true, preview: true, failure: false } }),
      ],
      { pictures: true },
    );
    expect(work).toEqual([{ documentId: 'large', index: true, picture: false }]);
  });

  it('without a reported layout only view indexes are recorded', () => {
    const work = choosePreparations(
      [doc('small', 'c', '2025-01-02'), doc('large', 'c', '2025-01-01', { inPieces: true })],
      { pictures: false },
    );
    expect(work).toEqual([{ documentId: 'large', index: true, picture: false }]);
  });
});
