import { DefUseAnalyzer, isExpressionLambda, type Occurrence } from './def-use.js';
import { HEADER_FIELDS, type Profile } from './profiles.js';
import { assignRows } from './statement-rows.js';
import { type FlatTree, childByField, textOf } from './syntax.js';
import type { Stmt, StmtKind, UnitModel } from './unit-model.js';

export { ESCAPES_FUNCTION, ESCAPES_LOOP, type Stmt, type StmtKind, type UnitModel } from './unit-model.js';

/**
 * Statement discovery: the statements of one unit (the PDG nodes, see unit-model.ts), their structure,
 * their rows (statement-rows.ts), and their definitions and uses (def-use.ts).
 */

const IFS: ReadonlySet<string> = new Set(['if_statement']);
/** Compound statements whose body always runs (once). */
const ALWAYS: ReadonlySet<string> = new Set(['with_statement', 'do_statement', 'synchronized_statement', 'labeled_statement']);

function hasElse(tree: FlatTree, node: number): boolean {
  for (let c = tree.firstChild[node]!; c !== -1; c = tree.nextSibling[c]!) {
    if (tree.field[c] === 'alternative' && tree.type[c] !== 'elif_clause') return true;
  }
  return false;
}

export function buildUnit(tree: FlatTree, profile: Profile, lo: number, hi: number): UnitModel {
  const { count, type, named, parent, startRow, endRow } = tree;
  const rootNode = findRoot(tree, profile, lo, hi);
  // Preorder node range that may hold statements.
  const first = rootNode === -1 ? 0 : rootNode;
  const stop = rootNode === -1 ? count : subtreeEnd(tree, rootNode);

  const stmts: Stmt[] = [];
  const headStmt = new Int32Array(count).fill(-1);
  const owner = new Int32Array(count).fill(-1);
  const inHeader = new Uint8Array(count);
  const newStmt = (node: number, kind: StmtKind, parentStmt: number, container: number): Stmt => {
    const s: Stmt = {
      id: stmts.length,
      node,
      kind,
      parent: parentStmt,
      container,
      children: [],
      last: stmts.length,
      rows: [],
      defs: [],
      uses: [],
      kills: [],
      objectUses: [],
      init: undefined,
      receivers: [],
      isLoop: node !== -1 && profile.loops.has(type[node]!),
      isSwitch: node !== -1 && profile.switches.has(type[node]!),
      cases: node === -1 ? undefined : caseFlow(tree, profile, node),
      flow: node === -1 ? 'maybe' : IFS.has(type[node]!) ? 'branch' : ALWAYS.has(type[node]!) || profile.blocks.has(type[node]!) ? 'always' : 'maybe',
      exhaustive: node !== -1 && IFS.has(type[node]!) && hasElse(tree, node),
      exit: undefined,
      escapes: 0,
    };
    stmts.push(s);
    if (parentStmt !== -1) stmts[parentStmt]!.children.push(s.id);
    return s;
  };

  // The root statement is always id 0 (virtual when the unit is not one function).
  const root = newStmt(rootNode, 'root', -1, -1);
  if (rootNode !== -1) {
    headStmt[rootNode] = 0;
    owner[rootNode] = 0;
  }

  for (let i = first === rootNode ? first + 1 : first; i < stop; i++) {
    const p = parent[i]!;
    const pOwner = p === -1 ? -1 : owner[p]!;
    owner[i] = pOwner === -1 && rootNode === -1 ? 0 : pOwner;
    if (p !== -1 && headStmt[p] === -1) inHeader[i] = inHeader[p]! | (tree.field[i] !== null && HEADER_FIELDS.has(tree.field[i]!) ? 1 : 0);
    else inHeader[i] = tree.field[i] !== null && HEADER_FIELDS.has(tree.field[i]!) ? 1 : 0;
    if (!named[i]) continue;
    if (startRow[i]! > hi || endRow[i]! < lo) continue;
    const t = type[i]!;
    let kind: StmtKind | undefined;
    if (profile.functions.has(t)) {
      const body = childByField(tree, i, 'body');
      if (body !== -1 && profile.blocks.has(type[body]!)) kind = 'function';
    } else if (profile.simple.has(t)) kind = 'simple';
    else if (profile.compound.has(t)) kind = 'compound';
    else if (profile.blocks.has(t) && p !== -1 && (profile.blocks.has(type[p]!) || type[p] === 'statement_list')) kind = 'compound'; // a bare { } block
    if (kind === undefined) continue;
    const parentStmt = owner[i]!;
    // Statements in a compound statement's header (a `for` initializer) belong to the header.
    if (kind !== 'function' && inHeader[i] && parentStmt > 0 && stmts[parentStmt]!.kind === 'compound') continue;
    const container = containerOf(tree, i, stmts[parentStmt]!.node);
    const s = newStmt(i, kind, parentStmt, container);
    headStmt[i] = s.id;
    owner[i] = s.id;
    inHeader[i] = 0;
  }
  for (let s = stmts.length - 1; s >= 0; s--) {
    const st = stmts[s]!;
    if (st.children.length) st.last = Math.max(st.last, stmts[st.children[st.children.length - 1]!]!.last);
  }

  const { frame, rowOwners, codeRows, inertRows } = assignRows(tree, profile, stmts, { owner, headStmt, rootNode, first, stop }, lo, hi);

  // Definitions and uses.
  const analyzer = new DefUseAnalyzer(tree, profile, (node) => headStmt[node] !== -1);
  if (rootNode !== -1 && type[rootNode] === 'method_declaration') {
    // Go: the receiver is `this`.
    const receiver = childByField(tree, rootNode, 'receiver');
    if (receiver !== -1) for (const name of identifiersIn(tree, receiver)) analyzer.addSelfName(name);
  }
  const paramRows = new Map<number, string[]>();
  for (const s of stmts) {
    if (s.node === -1) continue;
    const isRootNode = s.kind === 'root';
    const init = s.isLoop ? loopInitializer(tree, s.node) : -1;
    // The initializer is analysed on its own (a head there stops the analysis of the rest).
    const du = withHead(headStmt, s.node, () => (init === -1 ? analyzer.analyze(s.node) : withHead(headStmt, init, () => analyzer.analyze(s.node), 0)));
    if (isRootNode) {
      for (const o of du.occurrences) {
        if (!o.def) continue;
        const list = paramRows.get(o.row) ?? [];
        list.push(o.name);
        paramRows.set(o.row, list);
      }
      continue;
    }
    const own = summarize(du.occurrences);
    s.defs = own.defs;
    s.uses = own.uses;
    s.objectUses = own.objectUses;
    s.kills = own.kills;
    s.receivers = du.receivers;
    if (init !== -1) s.init = summarize(analyzer.analyze(init).occurrences);
    const t = type[s.node]!;
    if (profile.returns.has(t)) s.exit = 'return';
    else if (profile.jumps.has(t)) s.exit = t.startsWith('continue') ? 'continue' : 'break';
    else if (t === 'fallthrough_statement') s.exit = 'fallthrough';
  }
  // Parameters: one pseudo-statement per signature row, so a change to one parameter does not pull in
  // every use of every parameter.
  for (const [row, names] of [...paramRows.entries()].sort((a, b) => a[0] - b[0])) {
    const p = newStmt(-1, 'param', -1, -1);
    p.defs = [...new Set(names)];
    if (row >= lo && row <= hi) p.rows.push(row);
  }
  void root;
  return { tree, profile, lo, hi, stmts, frame, rowOwners, codeRows, inertRows, rootNode };
}

function caseFlow(tree: FlatTree, profile: Profile, node: number): Stmt['cases'] {
  const t = tree.type[node]!;
  if (profile.exclusiveCases.has(t)) return 'exclusive';
  if (!profile.switches.has(t)) return undefined;
  // Java: `case X ->` rules never fall through.
  const body = childByField(tree, node, 'body');
  if (body !== -1) for (let c = tree.firstChild[body]!; c !== -1; c = tree.nextSibling[c]!) if (tree.type[c] === 'switch_rule') return 'exclusive';
  return 'fallthrough';
}

function summarize(occurrences: readonly Occurrence[]): { defs: string[]; uses: string[]; objectUses: string[]; kills: string[] } {
  const defs = new Set<string>();
  const uses = new Set<string>();
  const objectUses = new Set<string>();
  const kills = new Set<string>();
  for (const o of occurrences) {
    if (o.kill) kills.add(o.name);
    if (o.use) uses.add(o.name);
    if (o.whole) objectUses.add(o.name);
    if (o.def) defs.add(o.name);
  }
  return { defs: [...defs], uses: [...uses], objectUses: [...objectUses], kills: [...kills] };
}

/** The initializer of a C-style `for` (C, C++, Java, JavaScript, Go's for clause), or -1. */
function loopInitializer(tree: FlatTree, node: number): number {
  for (const field of ['initializer', 'init']) {
    const c = childByField(tree, node, field);
    if (c !== -1) return c;
  }
  for (let c = tree.firstChild[node]!; c !== -1; c = tree.nextSibling[c]!) {
    if (tree.type[c] === 'for_clause') return childByField(tree, c, 'initializer');
  }
  return -1;
}

/**
 * Runs `fn` with `node` counted as a statement head (`as` >= 0: analysis stops there) or not (-1: analysis
 * descends into its own node).
 */
function withHead<T>(headStmt: Int32Array, node: number, fn: () => T, as = -1): T {
  const saved = headStmt[node]!;
  headStmt[node] = as;
  try {
    return fn();
  } finally {
    headStmt[node] = saved;
  }
}

function identifiersIn(tree: FlatTree, node: number): string[] {
  const out: string[] = [];
  const end = subtreeEnd(tree, node);
  for (let i = node; i < end; i++) if (tree.type[i] === 'identifier') out.push(textOf(tree, i));
  return out;
}

/** One past the last preorder index of the subtree of `node`. */
export function subtreeEnd(tree: FlatTree, node: number): number {
  for (let n = node; n !== -1; n = tree.parent[n]!) {
    const next = tree.nextSibling[n]!;
    if (next !== -1) return next;
  }
  return tree.count;
}

/** The ancestor of `node` that is a direct child of `parentNode`; `parentNode` itself for direct children. */
function containerOf(tree: FlatTree, node: number, parentNode: number): number {
  const p = tree.parent[node]!;
  if (p === parentNode || p === -1) return parentNode;
  let c = node;
  while (tree.parent[c] !== -1 && tree.parent[c] !== parentNode) c = tree.parent[c]!;
  return tree.parent[c] === parentNode ? c : p;
}

/**
 * The one function-like node that the unit range holds (outermost), or -1 when it holds none or several.
 */
function findRoot(tree: FlatTree, profile: Profile, lo: number, hi: number): number {
  let found = -1;
  for (let i = 0; i < tree.count; i++) {
    if (!tree.named[i] || !profile.functions.has(tree.type[i]!)) continue;
    if (tree.startRow[i]! < lo || tree.endRow[i]! > hi) continue;
    if (isExpressionLambda(tree, i, profile)) continue;
    const body = childByField(tree, i, 'body');
    if (body === -1 || !profile.blocks.has(tree.type[body]!)) continue;
    if (found !== -1 && isAncestor(tree, found, i)) continue;
    if (found !== -1) return -1;
    found = i;
  }
  return found;
}

function isAncestor(tree: FlatTree, ancestor: number, node: number): boolean {
  for (let p = tree.parent[node]!; p !== -1; p = tree.parent[p]!) if (p === ancestor) return true;
  return false;
}
