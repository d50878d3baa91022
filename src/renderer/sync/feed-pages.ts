/**
 * The change feed as pull reads it: the pages in order, each asked for as soon as the page
 * before it brings its cursor — up to `lookahead` pages ahead of the one being written — and
 * sealed as it arrives, after the page before it (pages sealed side by side would share the
 * thread and the crypto queue, and the page written next would be ready later). So on a far link
 * the round trips, the service's work and the WebCrypto work overlap the writes into IndexedDB,
 * and at most a few pages wait in memory.
 */
import type { ChangesResponse } from '../../shared/api/changes.ts';
import type { CacheCipher } from '../data/crypto/cipher.ts';
import type { ApiClient } from '../api/api-client.ts';
import { preparePage, type PreparedPage } from './apply-changes.ts';

export type FetchedPage = { readonly page: ChangesResponse; readonly prepared: Promise<PreparedPage> };

export type FeedPages = {
  /** The next page in order; the caller takes no further page after one without `hasMore`. */
  next(): Promise<FetchedPage>;
  /** No more pages are asked for; those on the way are dropped. */
  stop(): void;
};

export type FeedPagesOptions = {
  api: Pick<ApiClient, 'changes'>;
  cipher: CacheCipher;
  pageSize: number;
  /** The cursor to start from; none: a full snapshot. */
  from: string | undefined;
  /** Pages asked for (or arrived) and not yet taken, at most. */
  lookahead?: number;
  /** Documents with stored bytes, read as a page arrives (see `preparePage`); all when not given. */
  withBytes?: () => Promise<ReadonlySet<string>>;
  onRequest?: () => void;
};

export function readFeedPages({
  api,
  cipher,
  pageSize,
  from,
  lookahead = 2,
  withBytes,
  onRequest,
}: FeedPagesOptions): FeedPages {
  const queue: Promise<FetchedPage>[] = [];
  let untaken = 0;
  /** The cursor of the next page while the lookahead is full. */
  let deferred: string | null = null;
  let stopped = false;
  /** The sealing of the page before: pages are sealed one after another, in order. */
  let sealed: Promise<unknown> = Promise.resolve();

  const ask = (cursor: string | undefined): void => {
    onRequest?.();
    untaken++;
    const pending = api.changes(cursor, pageSize).then((page) => {
      if (page.hasMore && !stopped) {
        if (untaken < lookahead) ask(page.cursor);
        else deferred = page.cursor;
      }
      const before = sealed;
      const prepared = before
        .then(() => (withBytes ? withBytes() : undefined))
        .then((stored) => preparePage(cipher, page.changes, stored));
      sealed = prepared.catch(() => undefined);
      return { page, prepared };
    });
    pending.catch(() => undefined);
    queue.push(pending);
  };
  ask(from);

  return {
    next() {
      const pending = queue.shift();
      if (!pending) return Promise.reject(new Error('no further page was asked for'));
      untaken--;
      if (deferred !== null && !stopped) {
        const cursor = deferred;
        deferred = null;
        ask(cursor);
      }
      return pending;
    },
    stop() {
      stopped = true;
      deferred = null;
    },
  };
}
