import { describe, expect, it } from 'vitest';
import {
  chooseEvictions,
  effectiveBudget,
  MAX_CONTENT_FAILURES,
  prioritise,
  type ContentCandidate,
} from '../../../../src/renderer/sync/content-plan.ts';

function candidate(id: string, over: Partial<ContentCandidate> = {}): ContentCandidate {
  return {
    documentId: id,
    caseId: 'c0',
    byteSize: 100,
    storedBytes: 0,
    state: 'missing',
    pinned: 0,
    failures: 0,
    inbox: false,
    receivedOn: '2025-01-01',
    ...over,
  };
}

describe('content prefetch order', () => {
  it('puts urgent first, then inbox, recent cases (most recent first), pinned, the rest', () => {
    const order = prioritise(
      [
        candidate('rest'),
        candidate('pinned', { pinned: 1 }),
        candidate('recent-older', { caseId: 'c2' }),
        candidate('inbox', { inbox: true }),
        candidate('recent-newest', { caseId: 'c1' }),
        candidate('urgent'),
      ],
      { urgent: new Set(['urgent']), recentCases: ['c1', 'c2'] },
    ).map((c) => c.documentId);
    expect(order).toEqual(['urgent', 'inbox', 'recent-newest', 'recent-older', 'pinned', 'rest']);
  });

  it('finishes started downloads first, then takes the newest mail, and skips complete and failing ones', () => {
    const order = prioritise(
      [
        candidate('old', { receivedOn: '2024-01-01' }),
        candidate('new', { receivedOn: '2025-06-01' }),
        candidate('started', { receivedOn: '2023-01-01', storedBytes: 10, state: 'partial' }),
        candidate('done', { state: 'complete' }),
        candidate('broken', { failures: MAX_CONTENT_FAILURES }),
      ],
      { urgent: new Set(), recentCases: [] },
    ).map((c) => c.documentId);
    expect(order).toEqual(['started', 'new', 'old']);
    // A failing document the user asks for is tried again.
    expect(
      prioritise([candidate('broken', { failures: 9 })], { urgent: new Set(['broken']), recentCases: [] }),
    ).toHaveLength(1);
  });
});

describe('eviction', () => {
  const cached = [
    { documentId: 'a', storedBytes: 50, lastAccessAt: 10, pinned: 0 as const },
    { documentId: 'b', storedBytes: 50, lastAccessAt: 5, pinned: 0 as const },
    { documentId: 'p', storedBytes: 50, lastAccessAt: 1, pinned: 1 as const },
    { documentId: 'k', storedBytes: 50, lastAccessAt: 2, pinned: 0 as const },
  ];
  it('evicts nothing when it fits', () => {
    expect(chooseEvictions(cached, 200, 50, 300, new Set())).toEqual([]);
  });
  it('evicts the least recently used unpinned, not kept documents until it fits', () => {
    expect(chooseEvictions(cached, 200, 60, 200, new Set(['k']))).toEqual(['b', 'a']);
    expect(chooseEvictions(cached, 200, 10, 200, new Set())).toEqual(['k']);
  });
  it('says when no room can be made', () => {
    expect(chooseEvictions(cached, 200, 150, 200, new Set(['k']))).toBeNull();
  });
  it('never plans beyond the browser’s free quota', () => {
    expect(effectiveBudget(2_000, null, 0)).toBe(2_000);
    expect(effectiveBudget(2_000, { usage: 900, quota: 1_000 }, 300)).toBe(390);
    expect(effectiveBudget(500, { usage: 0, quota: 1_000_000 }, 0)).toBe(500);
  });
});
