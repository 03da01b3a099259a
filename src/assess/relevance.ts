import type { Grammar } from '../code/languages.js';

/** The program slicer's contract as assessment uses it (src/slice `sliceUnit` satisfies it). */
export type UnitSlicer = (input: {
  readonly grammar: Grammar;
  readonly source: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly pointsOfInterest: readonly number[];
  readonly hops: number;
}) => Promise<{ readonly lines: readonly number[] }>;

/** Dependence hops around the changed lines, as in the paper. */
export const RELEVANCE_HOPS = 2;

const COMMON_WORDS = new Set([
  'if', 'else', 'for', 'while', 'return', 'def', 'function', 'const', 'let', 'var', 'new', 'this', 'self', 'true', 'false',
  'null', 'None', 'True', 'False', 'in', 'not', 'and', 'or', 'int', 'char', 'void', 'static', 'public', 'private', 'err', 'nil',
  'await', 'async', 'try', 'catch', 'except', 'import', 'from', 'with', 'as', 'is', 'res', 'req', 'func',
]);

/**
 * The fallback when no slicer is available or it fails: the lines of the unit that share a variable name
 * with a changed line (outside strings; called names and member names do not count), plus the changed lines.
 * Coarser than a dependence slice (it ignores direction and distance) but it keeps what the change can
 * reach through a shared name, which is what the review filter asks.
 */
export function sharedNameLines(source: string, startLine: number, endLine: number, changed: readonly number[]): number[] {
  const lines = source.split('\n');
  const names = (line: number): Set<string> => {
    const out = new Set<string>();
    // Variables only: strings, called names and member names (`.title`) do not link two lines.
    const code = (lines[line - 1] ?? '').replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
    for (const m of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])(?!\s*\()/g)) if (!COMMON_WORDS.has(m[0]) && m[0].length > 1) out.add(m[0]);
    return out;
  };
  const wanted = new Set<string>();
  for (const line of changed) for (const n of names(line)) wanted.add(n);
  const kept = new Set(changed);
  for (let line = startLine; line <= endLine; line++) {
    for (const n of names(line)) {
      if (wanted.has(n)) {
        kept.add(line);
        break;
      }
    }
  }
  return [...kept].sort((a, b) => a - b);
}
