/**
 * The sizes offered for the document storage: whole powers of two from 512 MiB up to IT's ceiling,
 * the ceiling itself (so that IT's figure can be chosen), and the current value when it is none
 * of these (an older choice, or IT's own budget shown locked).
 */
import { GIB } from '../../../shared/policy/policy.ts';

const MINIMUM = 64 * 1024 ** 2;
const STEPS = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map((gib) => gib * GIB);

export function budgetChoices(current: number, ceiling: number): number[] {
  const offered = new Set([...STEPS.filter((bytes) => bytes <= ceiling), ceiling, current]);
  return [...offered].filter((bytes) => bytes >= MINIMUM).sort((a, b) => a - b);
}
