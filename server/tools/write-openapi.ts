/** Writes `src/shared/api/openapi.json` from the zod schemas: `node server/tools/write-openapi.ts`. */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../src/shared/api/openapi.ts';

export const OPENAPI_PATH = new URL('../../src/shared/api/openapi.json', import.meta.url);

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  process.stderr.write(`wrote ${OPENAPI_PATH.pathname}\n`);
}
