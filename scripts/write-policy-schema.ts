/**
 * Writes the machine policy's JSON Schema (generated from the zod schema) to
 * assets/policy.schema.json, which ships with the app for IT. Run after changing
 * src/shared/policy/policy.ts: `node scripts/write-policy-schema.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '../src/shared/policy/policy-json-schema.ts';

export const POLICY_SCHEMA_FILE = fileURLToPath(new URL('../assets/policy.schema.json', import.meta.url));

export function policySchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(fileURLToPath(new URL('../assets', import.meta.url)), { recursive: true });
  writeFileSync(POLICY_SCHEMA_FILE, policySchemaText());
  console.log(`wrote ${POLICY_SCHEMA_FILE}`);
}
