import type { PairSlice, PairSlicer, PairSliceInput } from './pair-slicer.js';

/**
 * A stand-in for the PDG slicer: the changed lines with `context` lines around them plus the first line
 * (the signature). Used only when src/slice is not available; it over-approximates the paper's slices.
 */
export function windowSlicer(context = 3): PairSlicer {
  return {
    async slicePair(input: PairSliceInput) {
      return {
        vulnerable: window(input.vulnerable, input.deletedLines ?? [], context),
        secure: window(input.secure, input.addedLines ?? [], context),
      };
    },
  };
}

function window(text: string, points: readonly number[], context: number): PairSlice {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const keep = new Set<number>([1]);
  for (const p of points) for (let l = p - context; l <= p + context; l++) if (l >= 1 && l <= lines.length) keep.add(l);
  if (points.length === 0) for (let l = 1; l <= lines.length; l++) keep.add(l);
  const sorted = [...keep].sort((a, b) => a - b);
  return { lines: sorted, text: sorted.map((l) => lines[l - 1]).join('\n'), totalLines: lines.length };
}
