/**
 * What can go wrong talking to the central service, as error classes with a stable code and a
 * German sentence for the case worker (what happened, what to do).
 */
import type { Problem } from '../../shared/api/problem.ts';

export abstract class ApiError extends Error {
  abstract readonly code: string;
  /** True when trying again later may succeed (network, 5xx, 429). */
  abstract readonly transient: boolean;
}

export class NetworkError extends ApiError {
  readonly code = 'network';
  readonly transient = true;
  constructor(detail?: string) {
    super(
      'Der zentrale Dienst ist nicht erreichbar. Sie arbeiten mit den gespeicherten Akten weiter; der Abgleich folgt von selbst.',
    );
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
    super(
      problem?.detail ??
        (status >= 500
          ? `Der zentrale Dienst hat einen Fehler gemeldet (${status}). Der Abgleich wird später wiederholt.`
          : `Der zentrale Dienst hat die Anfrage abgelehnt (${status}).`),
    );
    this.name = 'ServerError';
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
    this.transient = status >= 500 || status === 429 || status === 408;
  }
}

export class UnauthorizedError extends ApiError {
  readonly code = 'unauthorized';
  readonly transient = false;
  constructor() {
    super('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Eingaben bleiben erhalten.');
    this.name = 'UnauthorizedError';
  }
}

export class CursorGoneError extends ApiError {
  readonly code = 'cursor-gone';
  readonly transient = false;
  constructor() {
    super('Der Abgleichstand ist beim zentralen Dienst abgelaufen; die Akten werden vollständig neu abgeglichen.');
    this.name = 'CursorGoneError';
  }
}

/** The answer does not match the REST contract: nothing of it is written. */
export class ContractError extends ApiError {
  readonly code = 'contract';
  readonly transient = true;
  constructor(what: string) {
    super(
      `Der zentrale Dienst hat eine ungültige Antwort geschickt (${what}). Es wurde nichts übernommen; der Abgleich wird später wiederholt. Bleibt der Fehler, wenden Sie sich an die IT.`,
    );
    this.name = 'ContractError';
  }
}

export class ChecksumMismatchError extends ApiError {
  readonly code = 'checksum';
  readonly transient = true;
  constructor(documentId: string) {
    super(`Das Dokument ${documentId} kam beschädigt an und wird erneut geladen.`);
    this.name = 'ChecksumMismatchError';
  }
}

export class StorageFullError extends Error {
  readonly code = 'storage-full';
  constructor() {
    super(
      'Der Speicher auf diesem Gerät ist voll. Ältere Dokumente wurden aus dem Zwischenspeicher entfernt; Ihre ungesendeten Eingaben bleiben erhalten. Geben Sie Speicherplatz frei, damit weitere Dokumente offline verfügbar werden.',
    );
    this.name = 'StorageFullError';
  }
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
