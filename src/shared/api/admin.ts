/**
 * Development and test endpoints of the reference server (`--admin`). Not part of the contract a
 * production service offers; shared so that client tests can drive the server with typed calls.
 */
import { z } from 'zod';
import { assignmentRoleSchema } from '../domain/assignment.ts';
import { documentSchema } from '../domain/document.ts';
import {
  caseIdSchema,
  documentIdSchema,
  isoDateTime,
  letterIdSchema,
  mutationIdSchema,
  userIdSchema,
} from '../domain/ids.ts';

export const faultsSchema = z.strictObject({
  /** Added before every matching request is handled. */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** Response bodies trickle out at this rate. */
  bandwidthBytesPerSec: z.number().int().min(1).max(10_000_000_000).optional(),
  /** Share of matching requests answered with `failStatus` instead of being handled. */
  failRate: z.number().min(0).max(1).optional(),
  /** Status of injected failures; default 503 (with `Retry-After: 1`). */
  failStatus: z.number().int().min(400).max(599).optional(),
  /** Share of matching responses whose connection is destroyed midway through the body. */
  resetRate: z.number().min(0).max(1).optional(),
  /** Bytes of the body sent before a reset; default half of the body. */
  resetAfterBytes: z.number().int().min(0).optional(),
  /** Only `/api/v1` paths starting with this prefix are affected, e.g. `/api/v1/documents/`. */
  pathPrefix: z.string().startsWith('/api/v1').max(200).optional(),
  /** The next change-feed answer is a malformed body (once), then the feed is sound again. */
  malformedFeed: z.boolean().optional(),
});
export type Faults = z.infer<typeof faultsSchema>;

export const adminAssignmentSchema = z.strictObject({
  userId: userIdSchema,
  caseId: caseIdSchema,
  role: assignmentRoleSchema,
  from: isoDateTime.optional(),
  until: isoDateTime.optional(),
});
export type AdminAssignment = z.infer<typeof adminAssignmentSchema>;

export const adminUnassignSchema = z.strictObject({ userId: userIdSchema, caseId: caseIdSchema });

export const adminInboxSchema = z.strictObject({
  caseId: caseIdSchema,
  pages: z.number().int().min(1).max(300),
  title: z.string().min(1).max(300).optional(),
});
export const adminInboxResponseSchema = z.strictObject({ documentId: documentIdSchema });

/**
 * A document filed under another case (as the service's clarification of a misfiled scan does),
 * with its annotations: the feed then carries them under the new case.
 */
export const adminMoveDocumentSchema = z.strictObject({ documentId: documentIdSchema, caseId: caseIdSchema });
export const adminMoveDocumentResponseSchema = z.strictObject({
  documentId: documentIdSchema,
  caseId: caseIdSchema,
  version: z.number().int().min(1),
  annotations: z.number().int().min(0),
});

export const adminLetterFailSchema = z.strictObject({
  id: letterIdSchema,
  reason: z.string().min(1).max(1000),
});

/** How often a key arrived, how often it took effect, and its place in the order of first arrival. */
const countsSchema = z.strictObject({ seen: z.number().int(), applied: z.number().int(), order: z.number().int() });

export const adminStateSchema = z.strictObject({
  users: z.array(z.strictObject({ id: userIdSchema, username: z.string() })),
  /** Per mutation id / letter id / audit event id: arrivals, effects and first-arrival order. */
  mutations: z.record(z.string(), countsSchema),
  letters: z.record(z.string(), countsSchema),
  audit: z.record(z.string(), countsSchema),
  faults: z.record(z.string(), z.unknown()),
});
export type AdminState = z.infer<typeof adminStateSchema>;

/** `GET /admin/clarifications`: the scan service's queue of misfiled scans, oldest report first. */
export const adminClarificationsSchema = z.strictObject({
  clarifications: z.array(
    z.strictObject({
      documentId: documentIdSchema,
      /** The case the scan had been filed under. */
      caseId: caseIdSchema,
      reason: z.string(),
      userId: userIdSchema,
      reportedAt: isoDateTime,
      mutationId: mutationIdSchema,
      /** The document as its case had it. */
      document: documentSchema,
    }),
  ),
});
export type AdminClarifications = z.infer<typeof adminClarificationsSchema>;

/** `GET /admin/original-requests`: paper originals the scan service is asked for, one per document. */
export const adminOriginalRequestsSchema = z.strictObject({
  requests: z.array(
    z.strictObject({
      documentId: documentIdSchema,
      caseId: caseIdSchema,
      userId: userIdSchema,
      requestedAt: isoDateTime,
      mutationId: mutationIdSchema,
    }),
  ),
});
export type AdminOriginalRequests = z.infer<typeof adminOriginalRequestsSchema>;
