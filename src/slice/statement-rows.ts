import type { Profile } from './profiles.js';
import { type FlatTree, childByField } from './syntax.js';
import type { Stmt, UnitModel } from './unit-model.js';

/**
 * The rows of a unit's statements (statements.ts finds the statements): which statement owns each row,
 * which rows hold code, which only constant data, and the frame every slice keeps.
 */

const PUNCTUATION = /^[^\p{L}\p{N}_$@#]+$/u;

/** Literal containers whose rows may be constant data (strings are not: a query's text matters). */
const LITERALS: ReadonlySet<string> = new Set([
  'initializer_list',
  'list',
  'dictionary',
  'tuple',
  'set',
  'array',
  'object',
  'array_initializer',
  'literal_value',
  'element_initializer_list',
]);

const NAMES: ReadonlySet<string> = new Set(['identifier', 'shorthand_property_identifier', 'this']);

/** How statement discovery (buildUnit) assigned the unit's tree nodes to statements. */
export interface NodeStatements {
  /** node -> its nearest statement (itself for a statement node), -1 for none. */
  readonly owner: Int32Array;
  /** node -> the statement that this node is, -1 for none. */
  readonly headStmt: Int32Array;
  /** The function node the unit is, or -1 (see UnitModel.rootNode). */
  readonly rootNode: number;
  /** Preorder node range that may hold statements (`stop` excluded). */
  readonly first: number;
  readonly stop: number;
}

/**
 * Fills in the `rows` of the statements buildUnit found (ascending) and returns the unit's row tables
 * (see UnitModel) and its frame.
 */
export function assignRows(
  tree: FlatTree,
  profile: Profile,
  stmts: Stmt[],
  nodes: NodeStatements,
  lo: number,
  hi: number,
): Pick<UnitModel, 'frame' | 'rowOwners' | 'codeRows' | 'inertRows'> {
  const { count, type, parent, startRow, endRow } = tree;
  const { owner, headStmt, rootNode, first, stop } = nodes;
  // Inside a literal (not across a statement inside it, such as a function in an array).
  const inLiteral = new Uint8Array(count);
  for (let i = 1; i < count; i++) {
    const p = parent[i]!;
    inLiteral[i] = headStmt[i] !== -1 ? 0 : inLiteral[p]! | (LITERALS.has(type[p]!) ? 1 : 0);
  }

  // Lines: every token belongs to its nearest statement.
  const span = hi - lo + 1;
  const rowOwners: (number[] | undefined)[] = new Array(span);
  const codeRows = new Uint8Array(span);
  const activeRows = new Uint8Array(span);
  const lastRowOf = new Int32Array(stmts.length).fill(-1);
  const addRow = (s: number, row: number): void => {
    if (lastRowOf[s] !== row) {
      if (row > lastRowOf[s]!) {
        stmts[s]!.rows.push(row);
        lastRowOf[s] = row;
      } else if (!stmts[s]!.rows.includes(row)) stmts[s]!.rows.push(row); // rare: tokens out of order
    }
  };
  for (let i = 0; i < count; i++) {
    if (tree.firstChild[i] !== -1) continue;
    if (tree.end[i]! <= tree.start[i]!) continue;
    if (profile.comments.has(type[i]!)) continue;
    const r0 = Math.max(startRow[i]!, lo);
    const r1 = Math.min(endRow[i]!, hi);
    if (r0 > r1) continue;
    for (let r = r0; r <= r1; r++) codeRows[r - lo] = 1;
    const o = owner[i]!;
    if (o < 0 || (rootNode !== -1 && (i < first || i >= stop))) continue;
    const significant = !PUNCTUATION.test(tree.source.slice(tree.start[i], tree.end[i]));
    if (NAMES.has(type[i]!) || (significant && !inLiteral[i])) for (let r = r0; r <= r1; r++) activeRows[r - lo] = 1;
    for (let r = r0; r <= r1; r++) {
      addRow(o, r);
      if (significant) {
        const list = (rowOwners[r - lo] ??= []);
        if (list[list.length - 1] !== o) list.push(o);
      }
    }
  }
  for (const s of stmts) if (s.rows.length > 1) s.rows.sort((a, b) => a - b);

  const frame = frameRows(tree, profile, stmts, rootNode, lo, hi, codeRows);
  const inertRows = new Uint8Array(span);
  for (let r = 0; r < span; r++) inertRows[r] = codeRows[r]! && !activeRows[r] ? 1 : 0;
  return { frame, rowOwners, codeRows, inertRows };
}

/**
 * Rows every slice keeps. For a function: from its first row (decorators included) to the start of the
 * body, and its last row when that holds the closing brace. For a group of statements: the code rows
 * before the first statement and after the last one (typically a header and a brace that did not parse).
 */
function frameRows(
  tree: FlatTree,
  profile: Profile,
  stmts: Stmt[],
  rootNode: number,
  lo: number,
  hi: number,
  codeRows: Uint8Array,
): Set<number> {
  const frame = new Set<number>();
  if (rootNode !== -1) {
    let sigStart = tree.startRow[rootNode]!;
    const p = tree.parent[rootNode]!;
    if (p !== -1 && tree.type[p] === 'decorated_definition') sigStart = tree.startRow[p]!;
    sigStart = Math.max(lo, sigStart);
    const body = childByField(tree, rootNode, 'body');
    let sigEnd = tree.startRow[body]!;
    const firstToken = tree.firstChild[body]!;
    const opensWithBrace = firstToken !== -1 && !tree.named[firstToken] && tree.start[firstToken] === tree.start[body];
    if (!opensWithBrace) {
      // Python: the header ends with the `:` before the block.
      let prev = -1;
      for (let c = tree.firstChild[rootNode]!; c !== -1 && c !== body; c = tree.nextSibling[c]!) {
        if (!profile.comments.has(tree.type[c]!)) prev = c;
      }
      if (prev !== -1) sigEnd = tree.endRow[prev]!;
    }
    for (let r = sigStart; r <= Math.min(sigEnd, hi); r++) frame.add(r);
    const endRow = tree.endRow[rootNode]!;
    if (stmts[0]!.rows.includes(endRow) && endRow > sigEnd) frame.add(endRow);
    return frame;
  }
  let firstRow = hi + 1;
  let lastRow = lo - 1;
  for (const s of stmts) {
    if (s.node === -1 || s.parent !== 0) continue;
    firstRow = Math.min(firstRow, tree.startRow[s.node]!);
    lastRow = Math.max(lastRow, tree.endRow[s.node]!);
  }
  if (firstRow > hi) return frame;
  for (let r = lo; r < firstRow; r++) if (codeRows[r - lo]) frame.add(r);
  for (let r = lastRow + 1; r <= hi; r++) if (codeRows[r - lo]) frame.add(r);
  return frame;
}
