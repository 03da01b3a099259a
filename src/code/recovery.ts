import type { Node } from 'web-tree-sitter';
import type { LineIndex } from './line-index.js';
import { lineSpan, type UnitSpec } from './unit-spec.js';

/** A top-level ERROR node that swallowed definitions, and the pieces to parse again one by one. */
export interface ErrorRegion {
  /** Whole lines, as offsets into the file. */
  readonly startIndex: number;
  readonly endIndex: number;
  /** Line ranges, each starting at a line that opens a top-level definition (the first excepted). */
  readonly pieces: readonly { readonly start: number; readonly end: number }[];
}

/**
 * tree-sitter recovers well from most errors, but an unclosed bracket in Python can turn the rest of the
 * file into one ERROR node. Cutting such a region where top-level definitions start (`def` at column 0)
 * and parsing each piece alone gives back the functions after the broken one.
 */
export function recoverableRegions(root: Node, spec: UnitSpec, lines: LineIndex): ErrorRegion[] {
  const starts = spec.recoveryLine;
  if (!starts || !root.hasError) return [];
  const regions: ErrorRegion[] = [];
  for (const child of root.namedChildren) {
    if (child?.type !== 'ERROR') continue;
    const { start, end } = lineSpan(child);
    const cuts = [start];
    for (let line = start + 1; line <= end; line++) {
      if (starts.test(lines.text.slice(lines.lineStart(line), lines.lineEnd(line)))) cuts.push(line);
    }
    if (cuts.length < 2) continue; // parsing the same text alone would give the same tree
    regions.push({
      startIndex: lines.lineStart(start),
      endIndex: lines.lineEnd(end),
      pieces: cuts.map((cut, i) => ({ start: cut, end: (cuts[i + 1] ?? end + 1) - 1 })),
    });
  }
  return regions;
}
