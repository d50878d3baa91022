/**
 * The messages between a window and its letter-render worker (letter-render-worker.ts), checked
 * on arrival at both ends like every other boundary.
 */
import { z } from 'zod';
import type { FilledLetter } from '../../letters/filled-letter.ts';

const bytes = z.instanceof(Uint8Array);

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('init'),
    fonts: z.strictObject({ regular: bytes, bold: bytes }),
    iccProfile: bytes,
  }),
  z.strictObject({
    type: z.literal('render'),
    id: z.number().int(),
    // Made by composeLetter in the window from the same code; plain data.
    letter: z.custom<FilledLetter>((value) => typeof value === 'object' && value !== null),
    createdAt: z.iso.datetime(),
  }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export const workerReplySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('rendered'),
    id: z.number().int(),
    pdf: bytes,
    pageKeys: z.array(z.string()).min(1),
  }),
  z.strictObject({
    type: z.literal('failed'),
    id: z.number().int(),
    code: z.string().max(64),
    params: z.record(z.string(), z.string()),
  }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
