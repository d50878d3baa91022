/**
 * The command line of `npm run bench`: benchmark names first, then options, which go to every
 * benchmark chosen (`npm run bench -- outbox --kills 20`, `npm run bench -- workspace --cases 2000`).
 */
export function benchArgs(argv: readonly string[]): { names: string[]; options: string[] } {
  const first = argv.findIndex((a) => a.startsWith('-'));
  return first < 0 ? { names: [...argv], options: [] } : { names: argv.slice(0, first), options: argv.slice(first) };
}
