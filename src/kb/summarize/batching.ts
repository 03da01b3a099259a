/**
 * The paper's cluster-then-summarize, as pure batching logic: a CWE's cases are cut into batches of at most
 * `b`; each batch is summarized; the summaries are cut into batches of `b` again and merged, level by level,
 * until one remains.
 */
export const DEFAULT_BATCH_SIZE = 10;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The calls the reduction of `n` cases makes: per level, the number of batches, until one summary remains. */
export function callsPerLevel(n: number, size: number): number[] {
  if (n === 0) return [];
  const levels = [Math.ceil(n / size)];
  while (levels[levels.length - 1]! > 1) levels.push(Math.ceil(levels[levels.length - 1]! / size));
  return levels;
}

export function plannedCalls(n: number, size: number): number {
  return callsPerLevel(n, size).reduce((a, b) => a + b, 0);
}

/**
 * Runs the reduction: `first` summarizes a batch of cases, `merge` a batch of summaries. Either returns
 * undefined when it failed (already reported); the reduction then stops and returns undefined, rather than
 * building a summary that silently lacks part of the cases.
 */
export async function reduceInBatches<C, S>(
  cases: readonly C[],
  size: number,
  first: (batch: C[], index: number) => Promise<S | undefined>,
  merge: (batch: S[], level: number, index: number) => Promise<S | undefined>,
): Promise<S | undefined> {
  if (cases.length === 0) return undefined;
  let summaries = await all(chunk(cases, size).map((batch, i) => first(batch, i)));
  let level = 1;
  while (summaries && summaries.length > 1) {
    level++;
    const current = level;
    summaries = await all(chunk(summaries, size).map((batch, i) => merge(batch, current, i)));
  }
  return summaries?.[0];
}

async function all<S>(promises: Promise<S | undefined>[]): Promise<S[] | undefined> {
  const results = await Promise.all(promises);
  return results.every((r) => r !== undefined) ? (results as S[]) : undefined;
}
