/** The document storage sizes the settings screen offers: never above IT's ceiling, always the current one. */
import { describe, expect, it } from 'vitest';
import { budgetChoices } from '../../../../src/renderer/features/settings/budget-choices.ts';
import { GIB } from '../../../../src/shared/policy/policy.ts';

const MIB = 1024 ** 2;

describe('budget choices', () => {
  it('offers powers of two up to the default ceiling', () => {
    expect(budgetChoices(2 * GIB, 8 * GIB)).toEqual([0.5, 1, 2, 4, 8].map((g) => g * GIB));
  });

  it('offers IT’s ceiling itself when it is no power of two, and nothing above it', () => {
    expect(budgetChoices(GIB, 3 * GIB)).toEqual([0.5 * GIB, GIB, 2 * GIB, 3 * GIB]);
    expect(budgetChoices(100 * MIB, 100 * MIB)).toEqual([100 * MIB]);
  });

  it('keeps the current value among the choices, also one IT set above the ceiling', () => {
    expect(budgetChoices(1.5 * GIB, 2 * GIB)).toEqual([0.5 * GIB, GIB, 1.5 * GIB, 2 * GIB]);
    expect(budgetChoices(16 * GIB, 4 * GIB).at(-1)).toBe(16 * GIB);
  });
});
