/**
 * The JSON Schema that ships for IT (assets/policy.schema.json) is the one generated from the
 * zod schema, and a JSON Schema validator holds policy files to what the app accepts.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policySchemaText, POLICY_SCHEMA_FILE } from '../../../scripts/write-policy-schema.ts';
import { readPolicy } from '../../../src/shared/settings/resolve-settings.ts';

describe('policy JSON Schema', () => {
  it('is up to date (run `node scripts/write-policy-schema.ts` after changing the policy schema)', () => {
    expect(readFileSync(POLICY_SCHEMA_FILE, 'utf8')).toBe(policySchemaText());
  });

  it('accepts what the app accepts and refuses unknown fields, wrong types and plain http', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(POLICY_SCHEMA_FILE, 'utf8')));
    const good = {
      $schema: './policy.schema.json',
      serverUrl: 'https://akte.jobcenter.example/',
      updateUrl: 'https://updates.jobcenter.example/e-akte/',
      updateChannel: 'beta',
      updateMode: 'auto',
      cacheBudgetBytes: 4 * 1024 ** 3,
      cacheBudgetCeilingBytes: 16 * 1024 ** 3,
      maxOfflineDays: 7,
      outboxRetentionDays: 60,
    };
    expect(validate(good)).toBe(true);
    expect(readPolicy(JSON.stringify(good)).warnings).toEqual([]);
    for (const bad of [
      { colour: 'blue' },
      { updateMode: 'sometimes' },
      { maxOfflineDays: '7' },
      { maxOfflineDays: 91 },
      { cacheBudgetCeilingBytes: 1024 },
      { serverUrl: 'http://akte.jobcenter.example/' },
      { updateUrl: 'https://akte jobcenter/' },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
