/**
 * The JSON Schema of the machine policy file, generated from the zod schema so the two cannot
 * drift. `scripts/write-policy-schema.ts` writes it to `assets/policy.schema.json`, which ships
 * with the app; a unit test fails when the file is stale.
 */
import { z } from 'zod';
import { policySchema } from './policy.ts';

export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policySchema.partial(), { target: 'draft-2020-12' }) as {
    properties: Record<string, Record<string, unknown>>;
  } & Record<string, unknown>;
  // Installed builds accept only https (the zod schema also lets development use loopback http).
  for (const field of ['serverUrl', 'updateUrl']) {
    const property = generated.properties[field];
    if (property) property['pattern'] = '^https://';
  }
  return {
    ...generated,
    title: 'E-Akte Desktop machine policy',
    description:
      'Machine-wide policy set by IT (Windows: %ProgramData%\\E-Akte\\policy.json, Linux: /etc/e-akte/policy.json, macOS: /Library/Application Support/E-Akte/policy.json). Every field is optional; a field set here overrides the user setting of the same name and is locked for the user. A field with a bad value falls back to its default and is reported to the user as a warning.',
    properties: {
      $schema: { type: 'string', description: 'Reference to this schema, for editors; ignored by the app.' },
      ...generated.properties,
    },
  };
}
