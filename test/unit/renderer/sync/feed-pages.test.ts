/** Reading the change feed ahead: pages in order, at most a few asked for ahead, none after a stop. */
import { describe, expect, it } from 'vitest';
import type { ChangesResponse } from '../../../../src/shared/api/changes.ts';
import { importCacheKeys } from '../../../../src/renderer/data/crypto/cache-keys.ts';
import { CacheCipher } from '../../../../src/renderer/data/crypto/cipher.ts';
import { readFeedPages } from '../../../../src/renderer/sync/feed-pages.ts';

const PAGES = 6;

/** A feed of empty pages whose answers the test releases one by one. */
function fakeFeed() {
  const asked: (string | undefined)[] = [];
  const answers: (() => void)[] = [];
  return {
    asked,
    answer: () => answers.shift()?.(),
    api: {
      changes: (cursor: string | undefined): Promise<ChangesResponse> => {
        asked.push(cursor);
        const k = cursor ? Number(cursor) : 0;
        return new Promise((resolve) =>
          answers.push(() => resolve({ changes: [], cursor: String(k + 1), hasMore: k + 1 < PAGES })),
        );
      },
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const cipher = async () => new CacheCipher(await importCacheKeys(crypto.getRandomValues(new Uint8Array(32))));

describe('feed pages', () => {
  it('asks for the next page as soon as a cursor arrives, at most two ahead of the one taken', async () => {
    const feed = fakeFeed();
    const pages = readFeedPages({ api: feed.api, cipher: await cipher(), pageSize: 10, from: undefined });
    expect(feed.asked).toEqual([undefined]);
    feed.answer();
    await tick();
    expect(feed.asked).toEqual([undefined, '1']);
    feed.answer();
    await tick();
    // Two pages arrived and none taken: the third waits.
    expect(feed.asked).toEqual([undefined, '1']);
    expect((await pages.next()).page.cursor).toBe('1');
    expect(feed.asked).toEqual([undefined, '1', '2']);
    expect((await pages.next()).page.cursor).toBe('2');
    feed.answer();
    await tick();
    expect(feed.asked).toEqual([undefined, '1', '2', '3']);
    const rest: string[] = [];
    for (let more = true; more;) {
      const next = pages.next();
      // Release whatever is asked for by now.
      feed.answer();
      feed.answer();
      const { page } = await next;
      rest.push(page.cursor);
      more = page.hasMore;
    }
    expect(rest).toEqual(['3', '4', '5', '6']);
    expect(feed.asked).toEqual([undefined, '1', '2', '3', '4', '5']);
  });

  it('asks for nothing more once stopped', async () => {
    const feed = fakeFeed();
    const pages = readFeedPages({ api: feed.api, cipher: await cipher(), pageSize: 10, from: '2' });
    pages.stop();
    feed.answer();
    await tick();
    expect(feed.asked).toEqual(['2']);
  });

  /** A cipher whose sealing of each note the test releases (or fails), and a feed of one note a page. */
  function gatedFeed() {
    const log: string[] = [];
    const gates = new Map<string, { resolve: () => void; reject: () => void }>();
    const cipher = {
      sealJson: (_value: unknown, binding: string) => {
        log.push(`seal ${binding}`);
        return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) =>
          gates.set(binding, { resolve: () => resolve(new Uint8Array(1)), reject: () => reject(new Error('sealing')) }),
        );
      },
    } as unknown as CacheCipher;
    const note = (k: number): ChangesResponse['changes'][number] =>
      ({
        entity: 'note',
        op: 'put',
        id: `n${k}`,
        caseId: 'c',
        version: 1,
        data: { id: `n${k}`, caseId: 'c', version: 1, updatedAt: '2026-01-01T00:00:00Z', text: 'x' },
      }) as ChangesResponse['changes'][number];
    const asked: (string | undefined)[] = [];
    const api = {
      changes: async (cursor: string | undefined): Promise<ChangesResponse> => {
        asked.push(cursor);
        const k = cursor ? Number(cursor) : 0;
        return { changes: [note(k)], cursor: String(k + 1), hasMore: k + 1 < 3 };
      },
    };
    return { log, gates, cipher, api, asked };
  }
  const settle = async () => {
    for (let i = 0; i < 20; i++) await tick();
  };

  it('seals a page only once the page before it is sealed, so the next page to write is ready first', async () => {
    const { log, gates, cipher, api, asked } = gatedFeed();
    const pages = readFeedPages({ api, cipher, pageSize: 1, from: undefined });
    await settle();
    // Two pages arrived; only the first is being sealed.
    expect(asked).toEqual([undefined, '1']);
    expect(log).toEqual(['seal notes/n0']);
    gates.get('notes/n0')!.resolve();
    await settle();
    // Page 1's sealing starts as page 0's ends, before anyone takes page 0.
    expect(log).toEqual(['seal notes/n0', 'seal notes/n1']);
    expect((await (await pages.next()).prepared).records.size).toBe(1);
  });

  it('goes on sealing the next page when the sealing of one fails', async () => {
    const { log, gates, cipher, api } = gatedFeed();
    const pages = readFeedPages({ api, cipher, pageSize: 1, from: undefined });
    await settle();
    gates.get('notes/n0')!.reject();
    await settle();
    expect(log).toEqual(['seal notes/n0', 'seal notes/n1']);
    await expect((await pages.next()).prepared).rejects.toThrow('sealing');
    gates.get('notes/n1')!.resolve();
    expect((await (await pages.next()).prepared).records.size).toBe(1);
  });
});
