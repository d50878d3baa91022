/** The one output format of every benchmark: a JSON object per line. */
export type Figure = { bench: string; metric: string; value: number; unit: string; baseline?: number; ratio?: number };

export function report(figure: Figure): void {
  const rounded = (n: number): number => Number(n.toPrecision(4));
  const line: Figure = { ...figure, value: rounded(figure.value) };
  if (figure.baseline !== undefined) {
    line.baseline = rounded(figure.baseline);
    line.ratio = rounded(figure.value / figure.baseline);
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Median of repeated timings, in the unit of the input. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
