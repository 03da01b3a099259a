import type { Grammar } from '../code/languages.js';
import { parse } from '../code/parser.js';
import { buildPdg, type Pdg } from './pdg.js';
import { profileOf } from './profiles.js';
import { buildUnit, type Stmt, type UnitModel } from './statements.js';
import { type FlatTree, flatten } from './syntax.js';

/** A unit parsed and turned into a PDG, ready to be sliced any number of times. */
export interface UnitAnalysis {
  readonly unit: UnitModel;
  readonly pdg: Pdg;
  /** Source lines, for rendering. */
  readonly lines: readonly string[];
  /** Set when the unit holds no statement the slicer understands: slices then keep the whole unit. */
  readonly fallback?: string;
}

/**
 * Parsing is the expensive step and review mode slices several units of one file: keep the flattened
 * trees of the last few sources.
 */
const CACHE_SIZE = 4;
const cache: { grammar: Grammar; source: string; tree: FlatTree }[] = [];

async function flatTree(grammar: Grammar, source: string): Promise<FlatTree> {
  const hit = cache.findIndex((c) => c.grammar === grammar && c.source === source);
  if (hit !== -1) return cache[hit]!.tree;
  const tree = await parse(grammar, source);
  let flat: FlatTree;
  try {
    flat = flatten(tree, source);
  } finally {
    tree.delete();
  }
  cache.unshift({ grammar, source, tree: flat });
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return flat;
}

/**
 * `lo`/`hi` are 0-based inclusive rows of the unit inside `source`. When the source is one function that
 * does not parse as one (extracted functions often lose context: a C return type on the line above, the
 * class around a JavaScript method), a repaired copy that keeps every line where it was is tried.
 */
export async function analyze(grammar: Grammar, source: string, lo: number, hi: number): Promise<UnitAnalysis> {
  const tree = await flatTree(grammar, source);
  const unit = buildUnit(tree, profileOf(grammar), lo, hi);
  if (unit.rootNode === -1 && lo === 0 && hi >= tree.lineStarts.length - 2) {
    const repaired = repair(grammar, source);
    if (repaired !== undefined) {
      const unit2 = buildUnit(await flatTree(grammar, repaired), profileOf(grammar), lo, hi);
      if (unit2.rootNode !== -1) return finishAnalysis(unit2, source);
    }
  }
  return finishAnalysis(unit, source);
}

export function analyzeTree(tree: FlatTree, grammar: Grammar, lo: number, hi: number): UnitAnalysis {
  return finishAnalysis(buildUnit(tree, profileOf(grammar), lo, hi), tree.source);
}

/**
 * A copy of a function's source with the context it lost restored on its first line or after its last,
 * so that line numbers do not move; undefined when no repair applies.
 */
export function repair(grammar: Grammar, source: string): string | undefined {
  const firstCode = /^(\s*)([A-Za-z_]\w*)\s*\(/m.exec(source);
  if (!firstCode || source.slice(0, firstCode.index).trim() !== '') return undefined;
  const at = firstCode.index + firstCode[1]!.length;
  if (grammar === 'c' || grammar === 'cpp') {
    // `name(params)` with the return type on a line the extraction dropped.
    return `${source.slice(0, at)}int ${source.slice(at)}`;
  }
  if (grammar === 'javascript' || grammar === 'typescript' || grammar === 'tsx') {
    // A method without its class.
    return `${source.slice(0, at)}class __Unit { ${source.slice(at)}\n}`;
  }
  return undefined;
}

function finishAnalysis(unit: UnitModel, source: string): UnitAnalysis {
  const pdg = buildPdg(unit);
  const lines = source.split('\n');
  const statements = unit.stmts.filter((s) => s.kind === 'simple' || s.kind === 'compound' || s.kind === 'function').length;
  const fallback = statements === 0 ? 'no statements found in the unit' : undefined;
  return fallback ? { unit, pdg, lines, fallback } : { unit, pdg, lines };
}

/** Statements whose tokens (other than punctuation) lie on the given rows. */
export function seedsOf(analysis: UnitAnalysis, rows: Iterable<number>): number[] {
  const { unit } = analysis;
  const seeds = new Set<number>();
  for (const r of rows) {
    if (r < unit.lo || r > unit.hi) continue;
    for (const s of unit.rowOwners[r - unit.lo] ?? []) {
      if (s === 0) {
        // A signature row: its parameters, not the whole function.
        for (const p of unit.stmts) if (p.kind === 'param' && p.rows.includes(r)) seeds.add(p.id);
      } else seeds.add(s);
    }
  }
  return [...seeds];
}

/** Statements within `hops` dependence edges of a seed, backward or forward (not mixed). */
export function reach(pdg: Pdg, seeds: readonly number[], hops: number): Set<number> {
  const kept = new Set<number>(seeds);
  // Backward.
  const marked = new Uint8Array(pdg.size);
  for (const s of seeds) marked[s] = 1;
  let frontier = [...seeds];
  for (let h = 0; h < hops && frontier.length; h++) {
    frontier = pdg.predsOfAll(frontier, marked);
    for (const t of frontier) kept.add(t);
  }
  // Forward.
  let from = new Set<number>(seeds);
  const seen = new Set<number>(seeds);
  for (let h = 0; h < hops && from.size; h++) {
    const next = new Set<number>();
    for (const t of pdg.succsOf(from)) {
      if (seen.has(t)) continue;
      seen.add(t);
      kept.add(t);
      next.add(t);
    }
    from = next;
  }
  return kept;
}

export interface SliceOptions {
  readonly hops: number;
  /**
   * Keep the header rows of the compound statements around each point of interest, so the reader sees
   * under which condition or in which loop the change runs. Applied only when hops > 0: hops = 0 means
   * exactly the points of interest.
   */
  readonly enclosing: boolean;
}

/** Rows (0-based) of the slice around the given point-of-interest rows. */
export function sliceRows(analysis: UnitAnalysis, poiRows: readonly number[], options: SliceOptions): Set<number> {
  const { unit } = analysis;
  const rows = new Set<number>();
  if (analysis.fallback) {
    for (let r = unit.lo; r <= unit.hi; r++) rows.add(r);
    return rows;
  }
  for (const r of unit.frame) rows.add(r);
  for (const r of poiRows) if (r >= unit.lo && r <= unit.hi) rows.add(r);
  // hops = 0: exactly the points of interest and the signature, not even the rest of their statements.
  if (options.hops === 0) return rows;
  const seeds = seedsOf(analysis, poiRows);
  const kept = reach(analysis.pdg, seeds, options.hops);
  if (options.enclosing && options.hops > 0) {
    // The header rows of the compound statements around each point of interest that the hops did not
    // reach: the reader sees under which condition or in which loop the change runs. Only around the
    // points of interest: statements the hops reached show through their own dependences, and headers
    // never seed anything.
    for (const seed of seeds) {
      let child = unit.stmts[seed]!;
      for (let p = child.parent; p > 0; child = unit.stmts[p]!, p = child.parent) {
        if (kept.has(p)) continue;
        const parent = unit.stmts[p]!;
        for (const r of headerRows(unit, parent)) rows.add(r);
        // In a later block of the statement (`else`, `except`, a later case), that block's first row.
        const firstChild = parent.children.length ? unit.stmts[parent.children[0]!]! : undefined;
        if (firstChild && child.container !== firstChild.container && child.container !== -1) {
          const r = unit.tree.startRow[child.container]!;
          if (r >= unit.lo && r <= unit.hi) rows.add(r);
        }
      }
    }
  }
  for (const s of kept) {
    const stmt = unit.stmts[s]!;
    if (stmt.kind === 'root') continue;
    if (stmt.kind === 'compound' && !hasKeptDescendant(stmt, kept)) {
      // Nothing inside was kept: shown like an enclosing header, its header rows (and a `while (...)` after
      // a do body), not the lines between its blocks (`} else {`) nor those that hold only a brace: they
      // would frame nothing but the marker that stands for the elided body.
      const body = bodySpan(unit, stmt);
      const own = stmt.rows.filter((r) => isOwnCode(unit, s, r) && (r < body.start || r > body.end));
      addStatementRows(unit, own.length ? own : stmt.rows.slice(0, 1), rows);
      continue;
    }
    addStatementRows(unit, stmt.rows, rows);
  }
  return rows;
}

/** Rows from the start of a compound statement's first nested statement to the end of its last. */
function bodySpan(unit: UnitModel, stmt: Stmt): { start: number; end: number } {
  const first = stmt.children.length ? unit.stmts[stmt.children[0]!]! : undefined;
  const last = stmt.children.length ? unit.stmts[stmt.children[stmt.children.length - 1]!]! : undefined;
  if (!first || !last || first.node === -1 || last.node === -1) return { start: Infinity, end: -Infinity };
  return { start: unit.tree.startRow[first.node]! + 1, end: unit.tree.endRow[last.node]! };
}

/** The statement has a token other than punctuation on that row (not just a brace). */
function isOwnCode(unit: UnitModel, s: number, row: number): boolean {
  return row >= unit.lo && row <= unit.hi && (unit.rowOwners[row - unit.lo] ?? []).includes(s);
}

function hasKeptDescendant(stmt: Stmt, kept: ReadonlySet<number>): boolean {
  for (let i = stmt.id + 1; i <= stmt.last; i++) if (kept.has(i)) return true;
  return false;
}

/**
 * A compound statement's own rows before its first nested statement starts, without the rows that hold
 * only a brace (shown without its closing brace, an opening one would only mislead).
 */
function headerRows(unit: UnitModel, stmt: Stmt): number[] {
  const first = stmt.children.length ? unit.stmts[stmt.children[0]!]! : undefined;
  const bodyRow = first && first.node !== -1 ? unit.tree.startRow[first.node]! : Infinity;
  const out: number[] = [];
  for (const r of stmt.rows) {
    if (r > bodyRow || (r === bodyRow && out.length)) break;
    if (isOwnCode(unit, stmt.id, r)) out.push(r);
  }
  return out.length ? out : stmt.rows.slice(0, 1);
}

/** Runs shorter than this of constant-data rows inside a kept statement stay; longer runs are elided. */
const MIN_INERT_RUN = 3;

/**
 * A statement's rows, except long runs of constant data inside it (the rows of a lookup table: they
 * carry no dependence). The statement's first and last rows always stay, so it still reads as code.
 */
function addStatementRows(unit: UnitModel, own: readonly number[], into: Set<number>): void {
  const inert = (i: number): boolean => i > 0 && i < own.length - 1 && unit.inertRows[own[i]! - unit.lo] === 1;
  for (let i = 0; i < own.length; ) {
    const r = own[i]!;
    if (r < unit.lo || r > unit.hi) {
      i++;
      continue;
    }
    if (!inert(i)) {
      into.add(r);
      i++;
      continue;
    }
    let j = i;
    while (j < own.length && inert(j)) j++;
    if (j - i < MIN_INERT_RUN) for (let k = i; k < j; k++) into.add(own[k]!);
    i = j;
  }
}
