import type { Grammar } from '../code/languages.js';
import { sliceUnit } from '../slice/index.js';

/**
 * The paper's code facet: the unit's security-focused slice around its changed lines. When every line of
 * the unit is a point of interest (scan mode), the slice is the unit, so slicing is skipped; when slicing
 * fails, the unit's text stands in (a facet degrades, it never fails the review).
 */
export interface CodeFacetInput {
  readonly grammar: Grammar;
  readonly source: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Changed lines inside the unit; absent or covering the unit: the whole unit. */
  readonly changedLines?: readonly number[];
}

export interface CodeFacet {
  readonly text: string;
  readonly sliced: boolean;
  /** Why the unit's text was used instead of a slice, when slicing was attempted. */
  readonly fallback?: string;
}

export function unitText(source: string, startLine: number, endLine: number): string {
  return source.split('\n').slice(startLine - 1, endLine).join('\n');
}

export async function codeFacet(input: CodeFacetInput): Promise<CodeFacet> {
  const whole = unitText(input.source, input.startLine, input.endLine);
  const changed = (input.changedLines ?? []).filter((l) => l >= input.startLine && l <= input.endLine);
  if (changed.length === 0 || changed.length >= input.endLine - input.startLine + 1) return { text: whole, sliced: false };
  try {
    const slice = await sliceUnit({
      grammar: input.grammar,
      source: input.source,
      startLine: input.startLine,
      endLine: input.endLine,
      pointsOfInterest: changed,
    });
    if (slice.fallback) return { text: whole, sliced: false, fallback: slice.fallback };
    return { text: slice.text, sliced: true };
  } catch (e) {
    return { text: whole, sliced: false, fallback: (e as Error).message };
  }
}
