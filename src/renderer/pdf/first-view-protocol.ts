/**
 * Messages between whoever prepares first views (the sync worker) and the worker that draws them
 * (first-view-worker.ts). Parsed on both ends: a worker is a process boundary.
 */
import { z } from 'zod';
import { openingViewSchema } from './first-view.ts';

const bytes = z.instanceof(Uint8Array);

export const drawRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prepare'),
    id: z.number().int().min(0),
    /** The whole document; moved to the worker. */
    bytes,
    /** Storage chunk size: the view index names the chunks page 1 needs. */
    chunkSize: z.number().int().positive(),
    /** Record the view index (documents the viewer reads in pieces). */
    recordIndex: z.boolean(),
    /** The layout to draw page 1 for; null: the view index only. */
    view: openingViewSchema.nullable(),
    /** pdf.js's resource folder (see resources.ts), absolute. */
    resources: z.url(),
  }),
  z.strictObject({ type: z.literal('cancel'), id: z.number().int().min(0) }),
]);
export type DrawRequest = z.infer<typeof drawRequestSchema>;

/**
 * Why a first view was not made. A PdfErrorCode is the document's own fault and is kept against
 * its bytes; `cancelled` and `unavailable` (the worker could not draw or encode at this moment)
 * are tried again later.
 */
export const drawFailureSchema = z.enum([
  'broken',
  'encrypted',
  'wrong-password',
  'too-large',
  'timeout',
  'unreadable',
  'cancelled',
  'unavailable',
]);
export type DrawFailure = z.infer<typeof drawFailureSchema>;

export const drawResultSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prepared'),
    id: z.number().int().min(0),
    /** The encoded view index (view-index.ts), or null when none was asked for or none came out. */
    viewIndex: bytes.nullable(),
    /** The encoded first-view record (first-view.ts), or null when no layout was given. */
    preview: bytes.nullable(),
  }),
  z.strictObject({ type: z.literal('failed'), id: z.number().int().min(0), code: drawFailureSchema }),
]);
export type DrawResult = z.infer<typeof drawResultSchema>;
