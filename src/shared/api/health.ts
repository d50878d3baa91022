/** Liveness of the service, unauthenticated. */
import { z } from 'zod';

export const healthResponseSchema = z.strictObject({
  status: z.enum(['ok']),
  version: z.string().min(1).max(64),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
