/**
 * Find in the text layer (the OCR text of scans): pages are searched in order and matches appear
 * as they are found; the text of each page is read once per document (page-text.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Rect } from '../../../shared/domain/annotation.ts';
import type { TextRun, ViewDocument } from '../../pdf/index.ts';
import { readPageText } from './page-text.ts';

export type FindHit = { readonly page: number; readonly rect: Rect };
export type FindState = {
  readonly query: string;
  readonly hits: readonly FindHit[];
  readonly index: number;
  readonly scannedPages: number;
  readonly done: boolean;
  /** False when no page had any text at all. */
  readonly hasText: boolean;
};

const EMPTY: FindState = { query: '', hits: [], index: -1, scannedPages: 0, done: true, hasText: true };

export function matchesInRuns(runs: readonly TextRun[], page: number, query: string): FindHit[] {
  const needle = query.toLocaleLowerCase('de');
  const hits: FindHit[] = [];
  for (const run of runs) {
    const hay = run.text.toLocaleLowerCase('de');
    let at = hay.indexOf(needle);
    while (at >= 0) {
      const per = run.width / Math.max(1, run.text.length);
      hits.push({
        page,
        rect: {
          x: Math.max(0, run.x + per * at),
          y: Math.max(0, run.y),
          width: per * needle.length,
          height: run.height,
        },
      });
      at = hay.indexOf(needle, at + needle.length);
    }
  }
  return hits;
}

export function useFind(doc: ViewDocument) {
  const [state, setState] = useState<FindState>(EMPTY);
  const generation = useRef(0);

  useEffect(() => {
    generation.current++;
    setState(EMPTY);
  }, [doc]);

  const search = useCallback(
    async (query: string) => {
      const run = ++generation.current;
      const trimmed = query.trim();
      if (!trimmed) {
        setState(EMPTY);
        return;
      }
      setState({ ...EMPTY, query: trimmed, done: false });
      let hits: FindHit[] = [];
      let anyText = false;
      for (let page = 1; page <= doc.pageCount; page++) {
        const runs = await readPageText(doc, page);
        if (run !== generation.current || doc.destroyed) return;
        if (runs.length) anyText = true;
        const found = matchesInRuns(runs, page, trimmed);
        if (found.length || page % 10 === 0 || page === doc.pageCount) {
          hits = hits.concat(found);
          const snapshot = hits;
          const scanned = page;
          setState((s) => ({
            ...s,
            hits: snapshot,
            index: s.index < 0 && snapshot.length ? 0 : s.index,
            scannedPages: scanned,
          }));
        }
      }
      setState((s) => ({ ...s, done: true, hasText: anyText }));
    },
    [doc],
  );

  const step = useCallback((delta: number) => {
    setState((s) => (s.hits.length ? { ...s, index: (s.index + delta + s.hits.length) % s.hits.length } : s));
  }, []);

  const clear = useCallback(() => {
    generation.current++;
    setState(EMPTY);
  }, []);

  return { state, search, step, clear };
}
