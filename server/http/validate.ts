/** Parses request parts against the shared schemas; anything that does not fit is a 400 problem. */
import type { z } from 'zod';
import { idString } from '../../src/shared/domain/ids.ts';
import { validationProblem } from './problem.ts';

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(result.error, where);
  return result.data;
}

/** A path parameter that must be an id: refuses path characters before anything is looked up. */
export function idParam(params: unknown, name: string): string {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  return parseOr400(idString, value, 'Kennung in der Adresse');
}
