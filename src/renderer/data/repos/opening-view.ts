/**
 * The layout a document opens in, as the viewer window last reported it (the width page 1 is
 * fitted to and the window's pixel ratio): the sync worker draws prepared first views for it.
 * Sizes only, nothing about a case, so kept in the clear in the sync state.
 */
import type { CacheDb } from '../db.ts';
import { openingViewSchema, type OpeningView } from '../../pdf/first-view.ts';

const KEY = 'openingView';

export function createOpeningViewRepo(db: CacheDb) {
  const load = async (): Promise<OpeningView | null> => {
    const parsed = openingViewSchema.safeParse((await db.syncState.get(KEY))?.value);
    return parsed.success ? parsed.data : null;
  };
  return {
    load,
    /** Keeps the layout; the same one again writes nothing. */
    async save(view: OpeningView): Promise<void> {
      const now = await load();
      if (now && Math.abs(now.fitWidth - view.fitWidth) < 1e-6 && now.pixelRatio === view.pixelRatio) return;
      await db.syncState.put({ key: KEY, value: { fitWidth: view.fitWidth, pixelRatio: view.pixelRatio } });
    },
  };
}
export type OpeningViewRepo = ReturnType<typeof createOpeningViewRepo>;
