import { diffArrays } from 'diff';

/** A line alignment of two versions: unchanged line pairs and the lines only one side has (1-based). */
export interface Alignment {
  readonly unchanged: readonly (readonly [number, number])[];
  readonly deleted: readonly number[];
  readonly added: readonly number[];
}

/** Myers line diff of the two texts (the `diff` package), exact line comparison. */
export function alignLines(before: string, after: string): Alignment {
  const a = splitLines(before);
  const b = splitLines(after);
  const unchanged: [number, number][] = [];
  const deleted: number[] = [];
  const added: number[] = [];
  let i = 1;
  let j = 1;
  for (const change of diffArrays(a, b)) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      for (let k = 0; k < n; k++) added.push(j++);
    } else if (change.removed) {
      for (let k = 0; k < n; k++) deleted.push(i++);
    } else {
      for (let k = 0; k < n; k++) unchanged.push([i++, j++]);
    }
  }
  return { unchanged, deleted, added };
}

export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * Context completion (RESCUE): each side keeps, besides its own slice, the counterpart of every unchanged
 * line the other side's slice kept, so both slices show the same context and differ only in the patch.
 * Rows are 0-based.
 */
export function completeContext(
  alignment: Alignment,
  vulnerableRows: Set<number>,
  secureRows: Set<number>,
): void {
  for (const [v, s] of alignment.unchanged) {
    const inV = vulnerableRows.has(v - 1);
    const inS = secureRows.has(s - 1);
    if (inV && !inS) secureRows.add(s - 1);
    else if (inS && !inV) vulnerableRows.add(v - 1);
  }
}
