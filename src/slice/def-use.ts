import {
  ASSIGNMENTS, CALLS, COPIES, EXPRESSION_STATEMENTS, IDENTIFIERS, INDEXES, MEMBERS, OUT_FIRST, OUT_SECOND, RULES, WHOLE_READS,
  firstNamedChild, isArgument, isExpressionLambda, objectOfIndex, type Mode,
} from './def-use-rules.js';
import type { Profile } from './profiles.js';
import { type FlatTree, childByField, textOf } from './syntax.js';

export { isExpressionLambda, type Mode } from './def-use-rules.js';

/**
 * Which variables a statement writes and reads. Variables are access paths cut at the first field:
 * - `x`: a whole variable;
 * - `x.f`: a field of it (`x.f`, `x->f`, `x.f.g`, `self.f`, `this.f`), so that unrelated fields of one
 *   object (`c->len`, `c->buf` of a connection used everywhere) do not all depend on each other;
 * - `x.`: the variable read only to reach a field (the pointer in `x->f = v`).
 * Reads resolve in the PDG: `x.f` depends on definitions of `x.f` and of `x`; a whole `x` also on
 * definitions of every `x.*`; `x.` only on definitions of `x`. So writing `a.b.c = v` is a write of
 * (part of) `a` for everything that reads `a` whole. Elements (`a[i] = v`) and pointees (`*p = v`) write
 * and read the whole root.
 */

export interface Occurrence {
  readonly name: string;
  readonly row: number;
  readonly def: boolean;
  readonly use: boolean;
  /** A declaration that gives no value (C `int n;`): ends earlier definitions, but no use depends on it. */
  readonly kill?: boolean;
  /**
   * A read of the whole object, which reads every field written before: the variable returned, copied
   * (`y = x`, `y = *p`) or spread. Not a pointer moved or tested (`p++`, `if (p)`), and not an argument:
   * calls are opaque (what a callee reads of an object is not known here).
   */
  readonly whole?: boolean;
}

export interface DefUse {
  readonly occurrences: Occurrence[];
  /** Receivers of statement-level method calls (`list.append(x)`): a write if the variable is local. */
  readonly receivers: string[];
}

export class DefUseAnalyzer {
  private readonly selfNames: Set<string>;

  constructor(
    private readonly tree: FlatTree,
    private readonly profile: Profile,
    /** True for nodes that start another statement: analysis stops there. */
    private readonly isHead: (node: number) => boolean,
  ) {
    this.selfNames = new Set(profile.selfNames);
  }

  /** Names that act like `this` (a Go method receiver): calls on them are not writes of them. */
  addSelfName(name: string): void {
    this.selfNames.add(name);
  }

  analyze(stmtNode: number): DefUse {
    const out: Occurrence[] = [];
    const receivers: string[] = [];
    this.visitChildren(stmtNode, 'use', out);
    const t = this.tree;
    if (EXPRESSION_STATEMENTS.has(t.type[stmtNode]!)) {
      const call = firstNamedChild(t, stmtNode);
      if (call !== -1) this.receiverOf(call, receivers);
    }
    return { occurrences: out, receivers };
  }

  private visitChildren(node: number, mode: Mode, out: Occurrence[]): void {
    const t = this.tree;
    const rule = RULES.get(t.type[node]!);
    let assignMode: Mode | undefined;
    if (ASSIGNMENTS.has(t.type[node]!)) assignMode = this.assignmentTargetMode(node, 'def');
    for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) {
      if (!t.named[c]) continue;
      let childMode: Mode = mode;
      if (rule) {
        const f = t.field[c];
        const m = (f !== null ? rule.get(f) : undefined) ?? rule.get('*') ?? 'inherit';
        childMode = m === 'inherit' ? mode : m;
        if (f === 'left' && assignMode) childMode = assignMode;
        if (childMode === 'def' && f === 'declarator' && this.profile.declarationsWithoutValue && t.type[node] === 'declaration' && t.type[c] !== 'init_declarator') childMode = 'declare';
      }
      this.visit(c, childMode, out);
    }
  }

  private assignmentTargetMode(node: number, left: Mode): Mode {
    const op = childByField(this.tree, node, 'operator');
    if (op === -1) return left;
    const text = this.tree.type[op]!;
    return text === '=' || text === ':=' ? 'def' : 'defuse';
  }

  private visit(node: number, mode: Mode, out: Occurrence[]): void {
    if (mode === 'skip') return;
    if (this.isHead(node)) return;
    const t = this.tree;
    const type = t.type[node]!;
    if (IDENTIFIERS.has(type) || type === 'this') {
      const name = type === 'this' ? 'this' : textOf(t, node);
      if (name !== '_') this.record(name, node, mode, out);
      return;
    }
    const member = MEMBERS.get(type);
    if (member) {
      const path = this.accessPath(node);
      if (path) {
        const key = `${path.root}.${path.field}`;
        if (mode === 'use') this.record(key, node, 'use', out);
        else {
          // Writing `a.b.c` reads `a.b` on the way; writing `a.b` reads only the pointer `a`.
          this.record(key, node, path.depth > 1 ? 'defuse' : mode, out);
          if (path.depth === 1 && mode === 'def') this.record(`${path.root}.`, node, 'use', out);
        }
        return;
      }
      const obj = childByField(t, node, member.object);
      if (obj !== -1) this.visit(obj, mode === 'use' ? 'use' : 'defuse', out);
      for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) {
        if (c !== obj && t.named[c] && t.field[c] !== member.property) this.visit(c, 'use', out);
      }
      return;
    }
    if (INDEXES.has(type) || type === 'subscript_expression') {
      const obj = objectOfIndex(t, node);
      for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) {
        if (!t.named[c]) continue;
        this.visit(c, c === obj ? (mode === 'use' ? 'use' : 'defuse') : 'use', out);
      }
      return;
    }
    if (type === 'pointer_expression' || type === 'unary_expression') {
      // `*p = v` writes through p; `&x` passed to a call lets the callee write x.
      const op = childByField(t, node, 'operator');
      const arg = childByField(t, node, 'argument') !== -1 ? childByField(t, node, 'argument') : childByField(t, node, 'operand');
      const opText = op !== -1 ? t.type[op] : '';
      if (arg !== -1 && opText === '&' && isArgument(t, node)) {
        this.visit(arg, 'defuse', out);
        return;
      }
      if (arg !== -1 && opText === '*' && mode !== 'use') {
        this.visit(arg, 'defuse', out);
        return;
      }
    }
    if (CALLS.has(type) && t.type[node] !== 'method_invocation') this.outArguments(node, out);
    if (isExpressionLambda(t, node, this.profile)) {
      // Parameters of an expression-bodied lambda are local to it: neither written nor read outside.
      const body = childByField(t, node, 'body');
      if (body === -1) return;
      const local = new Set<string>();
      for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) {
        if (c !== body && t.named[c]) this.collectNames(c, local);
      }
      const inner: Occurrence[] = [];
      this.visit(body, 'use', inner);
      for (const o of inner) if (!local.has(o.name)) out.push(o);
      return;
    }
    this.visitChildren(node, mode, out);
  }

  private collectNames(node: number, into: Set<string>): void {
    const t = this.tree;
    if (IDENTIFIERS.has(t.type[node]!)) into.add(textOf(t, node));
    for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) this.collectNames(c, into);
  }

  private record(name: string, node: number, mode: Mode, out: Occurrence[]): void {
    const row = this.tree.startRow[node]!;
    if (mode === 'declare') out.push({ name, row, def: false, use: false, kill: true });
    else if (mode === 'use' && this.isWholeRead(node)) out.push({ name, row, def: false, use: true, whole: true });
    else out.push({ name, row, def: mode === 'def' || mode === 'defuse', use: mode === 'use' || mode === 'defuse' });
  }

  private isWholeRead(node: number): boolean {
    const t = this.tree;
    let n = node;
    let p = t.parent[n]!;
    while (p !== -1 && (t.type[p] === 'parenthesized_expression' || t.type[p] === 'cast_expression')) {
      n = p;
      p = t.parent[n]!;
    }
    if (p === -1) return false;
    const type = t.type[p]!;
    if (WHOLE_READS.has(type)) return true;
    if (type === 'pointer_expression') return t.type[childByField(t, p, 'operator')] === '*';
    const field = t.field[n];
    return field === 'value' || field === 'right' ? COPIES.has(type) : false;
  }

  /**
   * `a.b.c` as root `a`, first field `b`, depth 2; undefined when the chain holds anything but member
   * accesses on a variable (`f().x`, `a[i].x`).
   */
  accessPath(node: number): { root: string; field: string; depth: number } | undefined {
    const t = this.tree;
    let depth = 0;
    let field = -1;
    for (let n = node; n !== -1 && depth < 64; depth++) {
      const type = t.type[n]!;
      const member = MEMBERS.get(type);
      if (member) {
        field = childByField(t, n, member.property);
        n = childByField(t, n, member.object);
        continue;
      }
      if (type === 'parenthesized_expression') {
        n = firstNamedChild(t, n);
        depth--;
        continue;
      }
      if ((IDENTIFIERS.has(type) || type === 'this') && field !== -1 && depth > 0) {
        return { root: type === 'this' ? 'this' : textOf(t, n), field: textOf(t, field), depth };
      }
      return undefined;
    }
    return undefined;
  }

  /** C library calls that write their buffer argument. */
  private outArguments(call: number, out: Occurrence[]): void {
    const t = this.tree;
    const fn = childByField(t, call, 'function');
    if (fn === -1 || t.type[fn] !== 'identifier') return;
    const name = textOf(t, fn);
    const position = OUT_FIRST.has(name) ? 0 : OUT_SECOND.has(name) ? 1 : -1;
    if (position < 0) return;
    const args = childByField(t, call, 'arguments');
    if (args === -1) return;
    let i = 0;
    for (let c = t.firstChild[args]!; c !== -1; c = t.nextSibling[c]!) {
      if (!t.named[c] || t.type[c] === 'comment') continue;
      if (i++ === position) {
        const root = this.rootName(c);
        if (root) out.push({ name: root, row: t.startRow[c]!, def: true, use: true });
        return;
      }
    }
  }

  /** The receiver variable of a call on a member (`a.b.c(...)` -> `a`), as a candidate write. */
  private receiverOf(call: number, receivers: string[]): void {
    const t = this.tree;
    if (!CALLS.has(t.type[call]!)) return;
    let callee: number;
    if (t.type[call] === 'method_invocation') callee = childByField(t, call, 'object');
    else {
      const fn = childByField(t, call, 'function');
      const member = fn !== -1 ? MEMBERS.get(t.type[fn]!) : undefined;
      callee = member ? childByField(t, fn, member.object) : -1;
    }
    if (callee === -1) return;
    // A method called on the object itself may touch any field; treating it as a write of the whole
    // object would link every statement of a method.
    const type = t.type[callee]!;
    if (type === 'this' || (type === 'identifier' && this.selfNames.has(textOf(t, callee)))) return;
    const root = this.rootName(callee);
    if (root) receivers.push(root);
  }

  /** Root variable of an access path: `a.b[c].d()` -> `a`; `self.x.y` -> `self.x`. */
  rootName(node: number): string | undefined {
    const t = this.tree;
    for (let depth = 0; depth < 32 && node !== -1; depth++) {
      const type = t.type[node]!;
      if (IDENTIFIERS.has(type)) return textOf(t, node);
      if (type === 'this') return 'this';
      const member = MEMBERS.get(type);
      if (member) {
        const path = this.accessPath(node);
        if (path) return `${path.root}.${path.field}`;
        node = childByField(t, node, member.object);
        continue;
      }
      if (INDEXES.has(type) || type === 'subscript_expression') {
        node = objectOfIndex(t, node);
        if (node === -1) return undefined;
        continue;
      }
      if (CALLS.has(type)) {
        node = type === 'method_invocation' ? childByField(t, node, 'object') : childByField(t, node, 'function');
        continue;
      }
      if (type === 'pointer_expression' || type === 'unary_expression' || type === 'parenthesized_expression' || type === 'cast_expression') {
        const next = childByField(t, node, 'argument') !== -1 ? childByField(t, node, 'argument') : childByField(t, node, 'operand') !== -1 ? childByField(t, node, 'operand') : childByField(t, node, 'value');
        node = next !== -1 ? next : firstNamedChild(t, node);
        continue;
      }
      return undefined;
    }
    return undefined;
  }
}
