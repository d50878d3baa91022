/**
 * The client of the central service's REST contract (v1). Every JSON answer is parsed against the
 * shared schemas; an answer that does not parse is a ContractError and nothing of it is used.
 * Uses fetch, which works the same in windows and workers and streams document bytes.
 */
import type { z } from 'zod';
import { loginResponseSchema, meResponseSchema, type LoginResponse, type MeResponse } from '../../shared/api/auth.ts';
import { auditBatchResponseSchema, type AuditBatchResponse } from '../../shared/api/audit.ts';
import { changesResponseSchema, type ChangesResponse } from '../../shared/api/changes.ts';
import {
  letterAcceptedSchema,
  letterStatusResponseSchema,
  type LetterAccepted,
  type LetterMeta,
  type LetterStatusResponse,
} from '../../shared/api/letters.ts';
import { API_PREFIX } from '../../shared/api/limits.ts';
import { mutationBatchResponseSchema, type Mutation, type MutationBatchResponse } from '../../shared/api/mutations.ts';
import { problemSchema } from '../../shared/api/problem.ts';
import type { AuditEvent } from '../../shared/domain/audit.ts';
import { ContractError, CursorGoneError, NetworkError, ServerError, UnauthorizedError } from './api-errors.ts';

export type ApiClientOptions = {
  baseUrl: string;
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** Per-request time limit for JSON calls; document bytes have their own progress-based limit. */
  timeoutMs?: number;
};

export type ContentRequest = { documentId: string; from: number; to?: number; etag?: string; signal?: AbortSignal };

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export async function errorFromResponse(response: Response): Promise<Error> {
  if (response.status === 401) return new UnauthorizedError();
  if (response.status === 410) return new CursorGoneError();
  let problem;
  try {
    const parsed = problemSchema.safeParse(await response.json());
    problem = parsed.success ? parsed.data : undefined;
  } catch {
    problem = undefined;
  }
  return new ServerError(response.status, problem, retryAfterMs(response.headers.get('Retry-After')));
}

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/$/, '') + API_PREFIX;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send(path: string, init: RequestInit = {}, authenticated = true): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = options.getToken();
    if (authenticated && token) headers.set('Authorization', `Bearer ${token}`);
    try {
      // Never through the browser's HTTP cache: answers carry social data (and bytes are cached
      // encrypted by us). This holds even when a service forgets to say no-store.
      return await doFetch(base + path, {
        ...init,
        headers,
        cache: 'no-store',
        signal: init.signal ?? AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
  }

  async function json<S extends z.ZodType>(
    path: string,
    schema: S,
    init?: RequestInit,
    authenticated = true,
    onResponse?: (response: Response) => void,
  ): Promise<z.output<S>> {
    const response = await send(path, init, authenticated);
    if (!response.ok) throw await errorFromResponse(response);
    onResponse?.(response);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError'))
        throw new NetworkError();
      throw new ContractError(`${path}: not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ContractError(`${path.split('?')[0] ?? path}: ${parsed.error.issues[0]?.message ?? 'Schema'}`);
    return parsed.data;
  }

  const postJson = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  return {
    /**
     * Signs in; `serverTime` is the service's clock (its `Date` header, where the service lets the
     * client read it), which anchors the offline sign-in period (see session/sign-in-clock.ts).
     */
    async login(username: string, password: string): Promise<LoginResponse & { serverTime?: number }> {
      let serverTime: number | undefined;
      const answer = await json('/auth/login', loginResponseSchema, postJson({ username, password }), false, (r) => {
        const date = Date.parse(r.headers.get('Date') ?? '');
        if (Number.isFinite(date)) serverTime = date;
      });
      return serverTime === undefined ? answer : { ...answer, serverTime };
    },
    /**
     * Revokes the bearer token at the service. A 401 counts as done: the token is no longer valid
     * either way. Network errors are thrown, so the caller decides whether sign-out waits for them.
     */
    async logout(): Promise<void> {
      const response = await send('/auth/logout', { method: 'POST' });
      if (response.status === 204 || response.status === 401) {
        await response.body?.cancel();
        return;
      }
      throw await errorFromResponse(response);
    },
    me: (): Promise<MeResponse> => json('/me', meResponseSchema),
    changes: (cursor: string | undefined, limit: number): Promise<ChangesResponse> => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return json(`/changes?${query.toString()}`, changesResponseSchema);
    },
    /** A batch of the outbox's changes; one result per change, in order. */
    mutations: (mutations: readonly Mutation[]): Promise<MutationBatchResponse> =>
      json('/mutations', mutationBatchResponseSchema, postJson({ mutations })),
    /** A batch of audit events; idempotent by event id. */
    audit: (events: readonly AuditEvent[]): Promise<AuditBatchResponse> =>
      json('/audit', auditBatchResponseSchema, postJson({ events })),
    /**
     * A letter for the print-and-mail provider: multipart with the `meta` part (JSON text) and the
     * `pdf` part (the bytes as previewed). The letter id is the idempotency key: the same letter
     * again answers the first result.
     */
    sendLetter(meta: LetterMeta, pdf: Uint8Array<ArrayBuffer>): Promise<LetterAccepted> {
      const form = new FormData();
      form.append('meta', JSON.stringify(meta));
      form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), `${meta.id}.pdf`);
      return json('/letters', letterAcceptedSchema, { method: 'POST', body: form });
    },
    /** Where the print-and-mail provider has got with a letter. */
    letterStatus: (id: string): Promise<LetterStatusResponse> =>
      json(`/letters/${encodeURIComponent(id)}`, letterStatusResponseSchema),
    /** The raw answer for a byte range of a document; the caller streams and checks it. */
    async content({ documentId, from, to, etag, signal }: ContentRequest): Promise<Response> {
      const headers: Record<string, string> = { Range: `bytes=${from}-${to ?? ''}` };
      if (etag) headers['If-Range'] = `"${etag}"`;
      const response = await send(`/documents/${encodeURIComponent(documentId)}/content`, {
        headers,
        ...(signal ? { signal } : { signal: AbortSignal.timeout(10 * 60_000) }),
      });
      if (response.status !== 200 && response.status !== 206) throw await errorFromResponse(response);
      return response;
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
