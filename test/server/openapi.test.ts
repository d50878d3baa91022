import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../../server/tools/write-openapi.ts';

describe('OpenAPI document', () => {
  it('is up to date with the zod schemas (regenerate: node server/tools/write-openapi.ts)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });

  it('describes every endpoint of the contract, each error as problem+json', () => {
    const doc = JSON.parse(renderOpenApi()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/audit',
        '/auth/login',
        '/auth/logout',
        '/changes',
        '/documents/{id}/content',
        '/health',
        '/letters',
        '/letters/{id}',
        '/me',
        '/mutations',
      ].sort(),
    );
    for (const operations of Object.values(doc.paths)) {
      for (const operation of Object.values(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
  });
});
