/**
 * Fault injection for `/api/v1/*` (admin mode): latency, limited bandwidth, failed requests, and
 * connections reset midway through a response body, the way a branch office link misbehaves.
 * The reset happens after the handler ran, so a mutation can be applied while its answer is lost.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Faults } from '../../src/shared/api/admin.ts';
import { API_PREFIX } from '../../src/shared/api/limits.ts';
import { sendProblem } from './errors.ts';
import { problem, problemTypes } from './problem.ts';

export class FaultInjector {
  #faults: Omit<Faults, 'malformedFeed'> = {};
  #malformedFeedPending = false;
  /** One simulated line shared by every throttled answer. */
  readonly #link = { freeAt: 0 };
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** Replaces all faults; `{}` clears them. */
  set(faults: Faults): void {
    const { malformedFeed, ...rest } = faults;
    this.#faults = rest;
    this.#malformedFeedPending = malformedFeed === true;
  }

  get current(): Faults {
    return { ...this.#faults, ...(this.#malformedFeedPending ? { malformedFeed: true } : {}) };
  }

  /** True once after `malformedFeed` was set: the feed route then answers garbage. */
  takeMalformedFeed(): boolean {
    const pending = this.#malformedFeedPending;
    this.#malformedFeedPending = false;
    return pending;
  }

  #applies(request: FastifyRequest): boolean {
    if (request.method === 'OPTIONS') return false;
    const path = request.url.split('?', 1)[0] ?? '';
    return (
      path.startsWith(`${API_PREFIX}/`) &&
      (this.#faults.pathPrefix === undefined || path.startsWith(this.#faults.pathPrefix))
    );
  }

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (request, reply) => {
      if (!this.#applies(request)) return;
      const { latencyMs, failRate, failStatus } = this.#faults;
      if (latencyMs) await sleep(latencyMs);
      if (failRate && this.#random() < failRate) {
        const status = failStatus ?? 503;
        return sendProblem(
          reply,
          problem(
            status,
            problemTypes.injectedFault,
            'Injected Fault',
            'Der Dienst ist vorübergehend nicht erreichbar. Bitte später erneut versuchen.',
          ),
          status === 503 || status === 429 ? { 'retry-after': '1' } : {},
        );
      }
    });
    // On each route, after @fastify/compress's own route hook (it adds one per route as well, and
    // route hooks run after the application's): the link then carries the compressed bytes, as a
    // real line does. An application-level onSend hook would see the body before compression.
    app.addHook('onRoute', (route) => {
      const hooks = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
      route.onSend = [...hooks, shapeResponse];
    });
    const shapeResponse = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!this.#applies(request)) return payload;
      const { bandwidthBytesPerSec, resetRate, resetAfterBytes } = this.#faults;
      const reset = resetRate !== undefined && resetRate > 0 && this.#random() < resetRate;
      if (!bandwidthBytesPerSec && !reset) return payload;
      if (payload === null || payload === undefined || reply.statusCode === 204 || reply.statusCode === 304)
        return payload;
      let source =
        typeof payload === 'string' || Buffer.isBuffer(payload) ? Buffer.from(payload) : (payload as Readable);
      // A compressed answer is a stream of unknown length; a reset at "half of the body" needs it.
      if (reset && resetAfterBytes === undefined && !Buffer.isBuffer(source) && !reply.getHeader('content-length'))
        source = Buffer.concat(await source.toArray());
      const length = Buffer.isBuffer(source) ? source.byteLength : Number(reply.getHeader('content-length') ?? NaN);
      if (Buffer.isBuffer(source) && reply.getHeader('content-length') === undefined)
        reply.header('content-length', String(length));
      const cutAt = reset
        ? (resetAfterBytes ?? (Number.isFinite(length) ? Math.floor(length / 2) : 65_536))
        : undefined;
      return Readable.from(shape(source, reply, bandwidthBytesPerSec, cutAt, this.#link));
    };
  }
}

/**
 * The simulated link: all responses share its bandwidth, as the answers to one branch office
 * share its line. `freeAt` is when the link has sent everything queued so far.
 */
type Link = { freeAt: number };

async function* shape(
  source: Buffer | Readable,
  reply: FastifyReply,
  bytesPerSec: number | undefined,
  cutAt: number | undefined,
  link: Link,
) {
  let sent = 0;
  const slice = bytesPerSec ? Math.max(512, Math.floor(bytesPerSec / 20)) : Number.POSITIVE_INFINITY;
  const chunks: AsyncIterable<Buffer> | Iterable<Buffer> = Buffer.isBuffer(source)
    ? [source]
    : (source as AsyncIterable<Buffer>);
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.byteLength;) {
      let piece = chunk.subarray(offset, offset + Math.min(slice, chunk.byteLength - offset));
      if (cutAt !== undefined && sent + piece.byteLength >= cutAt) piece = piece.subarray(0, cutAt - sent);
      if (bytesPerSec) {
        link.freeAt = Math.max(link.freeAt, Date.now()) + (piece.byteLength / bytesPerSec) * 1000;
        const wait = link.freeAt - Date.now();
        if (wait > 0) await sleep(wait);
      }
      if (piece.byteLength > 0) yield piece;
      sent += piece.byteLength;
      offset += piece.byteLength;
      if (cutAt !== undefined && sent >= cutAt) {
        // Let the bytes already written reach the socket, then drop the connection like a dead link.
        await sleep(10);
        reply.raw.destroy();
        return;
      }
    }
  }
}
