/**
 * Sealing of whole entities into their records: the record keeps the non-personal index fields,
 * `sealed` the whole entity. Opening parses against the domain schema, so a record that does not
 * decrypt or does not fit is an error, never silently shown. The version in the clear is the one
 * the service knows: delivery raises it when a local change is applied, without sealing again.
 */
import type { z } from 'zod';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { SealedEntityRecord } from '../records.ts';

export function binding(table: string, id: string): string {
  return `${table}/${id}`;
}

export async function sealEntity<E extends { id: string; caseId: string; version: number; updatedAt: string }>(
  cipher: CacheCipher,
  table: string,
  entity: E,
): Promise<SealedEntityRecord> {
  return {
    id: entity.id,
    caseId: entity.caseId,
    version: entity.version,
    updatedAt: entity.updatedAt,
    sealed: await cipher.sealJson(entity, binding(table, entity.id)),
  };
}

export async function openEntity<S extends z.ZodType>(
  cipher: CacheCipher,
  table: string,
  record: SealedEntityRecord,
  schema: S,
): Promise<z.output<S>> {
  const entity = await cipher.openJson(record.sealed, binding(table, record.id), schema);
  return entity && typeof entity === 'object' && 'version' in entity ? { ...entity, version: record.version } : entity;
}
