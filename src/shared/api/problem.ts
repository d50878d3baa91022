/**
 * Errors as `application/problem+json` (RFC 9457). Every non-2xx answer of the service has this
 * shape; `detail` is a German sentence fit to show to a case worker.
 */
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types. Relative URIs under the service, stable across versions. */
export const problemTypes = {
  validation: '/problems/validation',
  malformed: '/problems/malformed-request',
  unauthenticated: '/problems/unauthenticated',
  tooManyAttempts: '/problems/too-many-attempts',
  notFound: '/problems/not-found',
  gone: '/problems/cursor-gone',
  conflict: '/problems/conflict',
  idempotencyMismatch: '/problems/idempotency-key-reused',
  tooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  rangeNotSatisfiable: '/problems/range-not-satisfiable',
  contentUnavailable: '/problems/content-unavailable',
  /** The scan service has destroyed the paper original (eight-week rule); `originalRetainedUntil` says when it was kept until. */
  originalDestroyed: '/problems/original-destroyed',
  forbidden: '/problems/forbidden',
  notAPdf: '/problems/not-a-pdf',
  forbiddenOrigin: '/problems/forbidden-origin',
  injectedFault: '/problems/injected-fault',
  internal: '/problems/internal',
} as const;
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

export const problemFieldErrorSchema = z.strictObject({
  /** Dotted path of the offending field, e.g. `mutations.3.data.rect.x`; empty for the root. */
  path: z.string().max(500),
  message: z.string().max(1000),
});
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

/** Loose on purpose: RFC 9457 allows extension members, and a client must not break on them. */
export const problemSchema = z.looseObject({
  type: z.string().min(1).max(500),
  title: z.string().min(1).max(500),
  status: z.number().int().min(400).max(599),
  detail: z.string().max(4000).optional(),
  instance: z.string().max(2000).optional(),
  errors: z.array(problemFieldErrorSchema).max(100).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
