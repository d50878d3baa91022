/** `npm run bench`'s command line: names first, then the options every chosen benchmark gets. */
import { expect, it } from 'vitest';
import { benchArgs } from '../../../scripts/bench-args.ts';

it('passes options and their values on, and does not take a value for a benchmark name', () => {
  expect(benchArgs(['outbox', '--kills', '20'])).toEqual({ names: ['outbox'], options: ['--kills', '20'] });
  expect(benchArgs(['workspace', 'letters'])).toEqual({ names: ['workspace', 'letters'], options: [] });
  expect(benchArgs([])).toEqual({ names: [], options: [] });
  expect(benchArgs(['--cases', '2000'])).toEqual({ names: [], options: ['--cases', '2000'] });
});
