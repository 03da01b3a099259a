import type { Grammar, Language } from '../code/languages.js';
import { analyze, sliceRows, type UnitAnalysis } from './analysis.js';
import { alignLines, completeContext, splitLines } from './pair.js';
import { render } from './render.js';

/**
 * Security-focused program slicing (RESCUE): a program dependence graph per unit, and the union of an
 * h-hop backward and an h-hop forward reachability from points of interest. Design notes: README.md.
 */

export const DEFAULT_HOPS = 2;

export interface Slice {
  /** Kept original line numbers (1-based, in the coordinates of the source given), ascending. */
  readonly lines: readonly number[];
  /** Kept lines verbatim; each elided run of code replaced by one marker line (`// ...`, `# ...`). */
  readonly text: string;
  /** Lines of the unit. */
  readonly totalLines: number;
  /** The points of interest the slice was built from, after range filtering and narrowing. */
  readonly pointsOfInterest: readonly number[];
  /** The parser recovered from syntax errors; the slice may be less precise. */
  readonly parseErrors: boolean;
  /** Set when the unit could not be sliced (the reason): the slice is then the whole unit. */
  readonly fallback?: string;
}

export interface SliceUnitInput {
  readonly grammar: Grammar;
  /** The whole file, or just the function. */
  readonly source: string;
  /** The unit inside `source` (1-based, inclusive); default the whole source. */
  readonly startLine?: number;
  readonly endLine?: number;
  /** Line numbers (same coordinates); those outside the unit are ignored. */
  readonly pointsOfInterest: readonly number[];
  /** Dependence hops in each direction; default 2. */
  readonly hops?: number;
  /**
   * Retrieval hook: points of interest for which it returns false are dropped (all dropped: the original
   * ones are kept). `statementText` is the text of the statement(s) on that line (a compound statement's
   * header only).
   */
  readonly narrow?: (line: number, statementText: string) => boolean;
  /** Keep the headers of compound statements around kept statements (default true; never when hops = 0). */
  readonly enclosing?: boolean;
}

export async function sliceUnit(input: SliceUnitInput): Promise<Slice> {
  const hops = checkHops(input.hops);
  const { lo, hi } = unitRows(input.source, input.startLine, input.endLine);
  const analysis = await analyze(input.grammar, input.source, lo, hi);
  let pois = uniqueSorted(input.pointsOfInterest.filter((l) => Number.isInteger(l) && l - 1 >= lo && l - 1 <= hi));
  if (input.narrow && pois.length) {
    const narrowed = pois.filter((l) => input.narrow!(l, statementText(analysis, l - 1)));
    if (narrowed.length) pois = narrowed;
  }
  return finish(analysis, pois, sliceRows(analysis, pois.map((l) => l - 1), { hops, enclosing: input.enclosing ?? true }));
}

export interface SlicePairInput {
  readonly language: Language;
  /** The whole function before the fix. */
  readonly vulnerable: string;
  /** The whole function after the fix. */
  readonly secure: string;
  /** Lines (1-based) of `vulnerable` the fix deleted; default: from a line diff of the two versions. */
  readonly deletedLines?: readonly number[];
  /** Lines (1-based) of `secure` the fix added; default: from a line diff. */
  readonly addedLines?: readonly number[];
  readonly hops?: number;
  readonly enclosing?: boolean;
}

/**
 * The parallel vulnerable/secure slices of a fix: each version sliced around its own changed lines, then
 * each completed with the counterparts of the unchanged lines the other kept.
 */
export async function slicePair(input: SlicePairInput): Promise<{ vulnerable: Slice; secure: Slice }> {
  const hops = checkHops(input.hops);
  const enclosing = input.enclosing ?? true;
  const alignment = alignLines(input.vulnerable, input.secure);
  const deleted = input.deletedLines ?? alignment.deleted;
  const added = input.addedLines ?? alignment.added;
  const v = unitRows(input.vulnerable);
  const s = unitRows(input.secure);
  const [va, sa] = [await analyze(input.language, input.vulnerable, v.lo, v.hi), await analyze(input.language, input.secure, s.lo, s.hi)];
  const vPois = uniqueSorted(deleted.filter((l) => Number.isInteger(l) && l - 1 >= v.lo && l - 1 <= v.hi));
  const sPois = uniqueSorted(added.filter((l) => Number.isInteger(l) && l - 1 >= s.lo && l - 1 <= s.hi));
  const vRows = sliceRows(va, vPois.map((l) => l - 1), { hops, enclosing });
  const sRows = sliceRows(sa, sPois.map((l) => l - 1), { hops, enclosing });
  completeContext(alignment, vRows, sRows);
  return { vulnerable: finish(va, vPois, vRows), secure: finish(sa, sPois, sRows) };
}

function finish(analysis: UnitAnalysis, pois: readonly number[], rows: ReadonlySet<number>): Slice {
  const { lines, text } = render(analysis, rows);
  const base = {
    lines,
    text,
    totalLines: analysis.unit.hi - analysis.unit.lo + 1,
    pointsOfInterest: pois,
    parseErrors: analysis.unit.tree.hasError,
  };
  return analysis.fallback ? { ...base, fallback: analysis.fallback } : base;
}

function checkHops(hops: number | undefined): number {
  const h = hops ?? DEFAULT_HOPS;
  if (!Number.isInteger(h) || h < 0) throw new RangeError(`hops must be a non-negative integer, got ${String(hops)}`);
  return h;
}

/** 0-based inclusive rows of the unit. A final newline does not start another line. */
function unitRows(source: string, startLine?: number, endLine?: number): { lo: number; hi: number } {
  const lines = splitLines(source);
  let count = lines.length;
  if (count > 1 && lines[count - 1] === '') count--;
  const lo = Math.max(0, (startLine ?? 1) - 1);
  const hi = Math.min(count - 1, (endLine ?? count) - 1);
  return { lo, hi: Math.max(lo, hi) };
}

function uniqueSorted(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

function statementText(analysis: UnitAnalysis, row: number): string {
  const { unit, lines } = analysis;
  const owners = unit.rowOwners[row - unit.lo] ?? [];
  const rows = new Set<number>();
  for (const s of owners) {
    if (s === 0) rows.add(row);
    else for (const r of unit.stmts[s]!.rows) rows.add(r);
  }
  if (!rows.size) rows.add(row);
  return [...rows]
    .sort((a, b) => a - b)
    .map((r) => lines[r] ?? '')
    .join('\n');
}
