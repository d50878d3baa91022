/** A log line a renderer hands to main over `log:write`: small, validated, length-limited. */
import { z } from 'zod';
import { MAX_FIELDS, MAX_MESSAGE_LENGTH } from './redact.ts';

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof logLevelSchema>;

export const logEntrySchema = z.strictObject({
  level: logLevelSchema,
  /** The renderer module that logs (`sync/pull`, `viewer`). */
  module: z.string().regex(/^[a-z][a-z0-9/-]{0,39}$/),
  message: z.string().max(MAX_MESSAGE_LENGTH),
  fields: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, 'too many fields')
    .optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
