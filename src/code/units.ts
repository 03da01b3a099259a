import type { Tree } from 'web-tree-sitter';
import { grammarOf, type Language } from './languages.js';
import { LineIndex } from './line-index.js';
import { outline, type Outline, type OutlineUnit } from './outline.js';
import { parse } from './parser.js';
import { recoverableRegions, type ErrorRegion } from './recovery.js';
import type { Unit } from './unit.js';
import { UNIT_SPECS } from './unit-kinds.js';

/**
 * Unit extraction: which functions (or module-level statements) a change touches.
 *
 * Units. Function-like definitions, per language in src/code/unit-kinds/: Python `def` (decorators
 * included) and lambdas assigned to a name; JS/TS function declarations, generators, methods, object
 * literal methods, and function or arrow expressions assigned to a variable, property, class field or
 * `export default`; Java methods with a body, constructors, lambdas assigned to a variable; Go functions,
 * methods, func literals assigned to a name; C function definitions; C++ function definitions (in class,
 * out of line, templates with their `template <...>` lines) and lambdas assigned to a name.
 * Kinds: 'method' inside a class (and for Go receivers, C++ `Class::f`, JS object methods and class
 * fields), 'constructor' for `__init__`, `constructor`, Java and C++ constructors (a C++ destructor is a
 * method), 'lambda' for arrow functions, lambdas and func literals, 'function' otherwise.
 *
 * Anonymous callbacks. A function expression that no name claims is a unit when it spans more than one
 * line and either sits outside every other unit (a module-level `app.get('/x', (req, res) => {...})`)
 * or is registered under a string key such as a route or an event name (`http.HandleFunc("/x", func...)`
 * inside `main`): request handlers are where the security bugs are. Other callbacks (`rows.map(...)`,
 * `new Promise(...)`, a `useEffect` body) stay part of their enclosing unit, whose variables they use.
 * When the callback is the only function argument of a call statement, the unit spans the whole call.
 *
 * Names are qualified with the enclosing classes, namespaces, named object literals and functions, joined
 * with `.` (`::` for C++): `Server.handle`, `outer.inner`, `ns::Store::get`, `UserStore.FindUser` (Go,
 * receiver without `*`). Anonymous units are named from where they stand: `app.get('/users') callback`,
 * `http.HandleFunc("/x") callback`, `new Promise callback`, `<iife>`, `<anonymous>`; anonymous C++
 * namespaces add nothing; a Java anonymous class is `<anonymous Runnable>`. When a file has two units of
 * the same name (overloads, getter and setter, two callbacks of one callee), the later ones get `#2`, `#3`
 * in document order. No line numbers in names: they would change with every edit above the unit.
 *
 * Module-level code (top-level statements, class-body field initializers, namespace-level variables) forms
 * one unit per file, `<module>` (kind 'module'), and only when it holds behaviour: imports (and
 * `require`), declarations of functions, classes and types, declarations without a value, tables of
 * functions (`module.exports = { a, b }`), docstrings, blanks and comments never make one. Its span runs
 * from the first to the last module-level statement that holds one of its lines (whole statements, so a
 * changed line inside a multi-line call carries the call); it may enclose function units, and its
 * `changedLines` are only the module-level lines.
 *
 * Parse errors. tree-sitter recovers locally, so the units around an error survive; where an error
 * swallowed the rest of a file (an unclosed bracket in Python), the region is cut at lines that start a
 * top-level definition and each piece is parsed alone (src/code/recovery.ts). What still does not parse
 * is module-level code.
 */

export interface UnitExtraction {
  /** In document order (by start line; an enclosing unit before the units nested in it). */
  readonly units: Unit[];
  /** The tree has ERROR or MISSING nodes; units are still extracted from whatever parsed. */
  readonly parseErrors: boolean;
}

export interface ExtractUnitsInput {
  readonly path: string;
  readonly language: Language;
  readonly text: string;
  /**
   * Review mode: RIGHT-side line numbers of the change. Each line that holds code (not only blanks or
   * comments) goes to the innermost unit that contains it, or to `<module>`; units without such a line are
   * left out. Absent: scan mode, where every function-like unit is returned with all its lines.
   */
  readonly changedLines?: readonly number[];
  /**
   * The tree of `text`, parsed with the grammar of `path` and `language`, when the caller has it (a scan
   * parses each file once for its units and its findings). Not deleted here. Absent: parsed here.
   */
  readonly tree?: Tree;
}

export async function extractUnits(input: ExtractUnitsInput): Promise<UnitExtraction> {
  const spec = UNIT_SPECS[input.language];
  const lines = new LineIndex(input.text);
  const grammar = grammarOf(input.path, input.language);
  const tree = input.tree ?? (await parse(grammar, input.text));
  let found: Outline;
  let parseErrors: boolean;
  let regions: ErrorRegion[];
  try {
    parseErrors = tree.rootNode.hasError;
    regions = recoverableRegions(tree.rootNode, spec, lines);
    found = outline(tree, spec, lines, { outline: emptyOutline(lines), skip: regions });
  } finally {
    if (!input.tree) tree.delete();
  }
  for (const piece of regions.flatMap((r) => r.pieces)) {
    const pieceTree = await parse(grammar, lines.slice(piece.start, piece.end));
    try {
      const at = { lineOffset: piece.start - 1, indexOffset: lines.lineStart(piece.start) };
      outline(pieceTree, spec, lines, { outline: found, ...at });
    } finally {
      pieceTree.delete();
    }
  }
  uniqueNames(found.units);

  const make = (name: string, kind: Unit['kind'], start: number, end: number, changedLines: number[]): Unit => ({
    path: input.path,
    language: input.language,
    name,
    kind,
    startLine: start,
    endLine: end,
    changedLines,
    text: lines.slice(start, end),
  });

  const units: Unit[] = [];
  const changed = input.changedLines && normalize(input.changedLines, lines);
  for (const unit of found.units) {
    const own = changed ? ownLines(unit, found.units, changed) : range(unit.start, unit.end);
    if (own.length > 0) units.push(make(unit.name, unit.kind, unit.start, unit.end, own));
  }
  const module = moduleUnit(found, lines, changed);
  if (module) units.push(make('<module>', 'module', module.start, module.end, module.lines));
  units.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return { units, parseErrors };
}

/** Sorted, unique, inside the file, and holding code. */
function normalize(changedLines: readonly number[], lines: LineIndex): number[] {
  const sorted = [...new Set(changedLines)].filter((l) => Number.isInteger(l)).sort((a, b) => a - b);
  return sorted.filter((l) => lines.isCode(l));
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** The first index in a sorted array whose value is >= target. */
function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Changed lines inside the unit but outside every unit nested in it: the innermost unit claims a line. */
function ownLines(unit: OutlineUnit, all: readonly OutlineUnit[], changed: readonly number[]): number[] {
  const own: number[] = [];
  let child = 0;
  for (let i = lowerBound(changed, unit.start); i < changed.length && changed[i]! <= unit.end; i++) {
    const line = changed[i]!;
    while (child < unit.children.length && all[unit.children[child]!]!.end < line) child++;
    let claimed = false;
    // Siblings may share a line (`} function g() {`): look at each child that starts on or before it.
    for (let c = child; c < unit.children.length && all[unit.children[c]!]!.start <= line; c++) {
      if (all[unit.children[c]!]!.end >= line) {
        claimed = true;
        break;
      }
    }
    if (!claimed) own.push(line);
  }
  return own;
}

/** See the module comment: behaviour outside every function, as whole statements. */
function moduleUnit(
  found: Outline,
  lines: LineIndex,
  changed: readonly number[] | undefined,
): { start: number; end: number; lines: number[] } | undefined {
  const inUnit = new Uint8Array(lines.lineCount + 2);
  for (const unit of found.units) if (unit.parent < 0) inUnit.fill(1, unit.start, unit.end + 1);
  const candidates = changed ?? range(1, lines.lineCount);
  const own: number[] = [];
  let start = Infinity;
  let end = -Infinity;
  for (const line of candidates) {
    if (inUnit[line] || !lines.isCode(line)) continue;
    const index = found.statementAt[line]!;
    const statement = index >= 0 ? found.statements[index]! : { start: line, end: line, inert: false };
    if (statement.inert) continue;
    own.push(line);
    start = Math.min(start, statement.start);
    end = Math.max(end, statement.end);
  }
  return own.length > 0 ? { start, end, lines: own } : undefined;
}

function emptyOutline(lines: LineIndex): Outline {
  return { units: [], statements: [], statementAt: new Int32Array(lines.lineCount + 2).fill(-1) };
}

/** In document order; units from re-parsed pieces come last in the array, so sort first. */
function uniqueNames(units: OutlineUnit[]): void {
  const seen = new Map<string, number>();
  for (const unit of [...units].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const count = (seen.get(unit.name) ?? 0) + 1;
    seen.set(unit.name, count);
    if (count > 1) unit.name = `${unit.name}#${count}`;
  }
}
