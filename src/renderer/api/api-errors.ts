/**
 * What can go wrong talking to the central service, as error classes with a stable code and the
 * parameters the windows need to say it in the user's language (`sync.error.<code>` in the
 * catalogues). The message is for logs only.
 */
import type { Problem } from '../../shared/api/problem.ts';

export type ErrorParams = Record<string, string | number>;

export abstract class ApiError extends Error {
  abstract readonly code: string;
  /** True when trying again later may succeed (network, 5xx, 429). */
  abstract readonly transient: boolean;
  get params(): ErrorParams {
    return {};
  }
}

export class NetworkError extends ApiError {
  readonly code = 'network';
  readonly transient = true;
  constructor(detail?: string) {
    super('central service unreachable');
    this.name = 'NetworkError';
    if (detail) this.cause = detail;
  }
}

export class ServerError extends ApiError {
  readonly code = 'server';
  readonly transient: boolean;
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, problem: Problem | undefined, retryAfterMs?: number) {
    super(`central service answered ${status}${problem?.type ? ` (${problem.type})` : ''}`);
    this.name = 'ServerError';
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
    this.transient = status >= 500 || status === 429 || status === 408;
  }
  override get params(): ErrorParams {
    return { status: this.status };
  }
}

export class UnauthorizedError extends ApiError {
  readonly code = 'unauthorized';
  readonly transient = false;
  constructor() {
    super('access token expired or revoked');
    this.name = 'UnauthorizedError';
  }
}

export class CursorGoneError extends ApiError {
  readonly code = 'cursor-gone';
  readonly transient = false;
  constructor() {
    super('change feed cursor expired');
    this.name = 'CursorGoneError';
  }
}

/** The answer does not match the REST contract: nothing of it is written. */
export class ContractError extends ApiError {
  readonly code = 'contract';
  readonly transient = true;
  readonly what: string;
  constructor(what: string) {
    super(`answer breaks the REST contract: ${what}`);
    this.name = 'ContractError';
    this.what = what;
  }
  override get params(): ErrorParams {
    return { what: this.what };
  }
}

export class ChecksumMismatchError extends ApiError {
  readonly code = 'checksum';
  readonly transient = true;
  readonly documentId: string;
  constructor(documentId: string) {
    super(`document ${documentId} arrived damaged`);
    this.name = 'ChecksumMismatchError';
    this.documentId = documentId;
  }
  override get params(): ErrorParams {
    return { documentId: this.documentId };
  }
}

export class StorageFullError extends Error {
  readonly code = 'storage-full';
  constructor() {
    super('device storage full');
    this.name = 'StorageFullError';
  }
}

/** The error as the status carries it: code, parameters, time. */
export function statusError(error: unknown, at: string): { code: string; params?: ErrorParams; at: string } {
  if (error instanceof ApiError) {
    const params = error.params;
    return { code: error.code, ...(Object.keys(params).length ? { params } : {}), at };
  }
  if (error instanceof StorageFullError) return { code: error.code, at };
  return { code: 'unexpected', at };
}

export function isQuotaExceeded(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'QuotaExceededError';
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError') return true;
    const inner = (error as { inner?: unknown }).inner;
    return inner !== undefined && isQuotaExceeded(inner);
  }
  return false;
}
