import { describe, expect, it } from 'vitest';
import { bgNumberSchema, caseIdSchema } from '../../../src/shared/domain/index.ts';

describe('domain ids', () => {
  it('accepts a BG number and refuses other shapes', () => {
    expect(bgNumberSchema.safeParse('12345BG0012345').success).toBe(true);
    expect(bgNumberSchema.safeParse('12345bg0012345').success).toBe(false);
    expect(bgNumberSchema.safeParse('12345BG001234').success).toBe(false);
  });
  it('refuses ids with path characters', () => {
    for (const bad of ['../etc', 'a/b', 'a\\b', '', 'x'.repeat(65), '.hidden']) {
      expect(caseIdSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(caseIdSchema.safeParse('c_0001-a').success).toBe(true);
  });
});
