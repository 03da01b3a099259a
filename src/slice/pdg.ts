import { ESCAPES_FUNCTION, ESCAPES_LOOP, type Stmt, type UnitModel } from './statements.js';

/**
 * The program dependence graph of a unit: for each statement, the statements it depends on (data or
 * control) and those that depend on it.
 *
 * Data dependence is computed with reaching definitions over the statement tree (one pass, no fixpoint):
 * - a simple statement kills earlier definitions of what it writes;
 * - a compound statement may be skipped, so what flows out of it is the union of what flowed in and what
 *   its bodies produce; its blocks run one after another, each possibly skipped (so an `else` also sees
 *   the `then` branch's definitions: an over-approximation that never misses a dependence);
 * - a loop's header and body also see every definition inside the loop (loop-carried dependences);
 * - `return`/`throw` end a path; `break` carries its definitions to after the loop or switch;
 *   `continue` ends a path (the loop-carried set already covers it).
 * Control dependence: a statement depends on its enclosing compound statement (condition, loop, case,
 * try/catch, nested function); a statement that follows a statement containing an early exit
 * (`if (...) return;`) in the same block depends on the nearest such guard, and guards chain.
 * The unit's own entry is not a control parent: that dependence is trivial and would link everything.
 *
 * Guard dependences are followed backward only. Backward they matter (the check that protects a
 * `memcpy`); forward they would pull the whole rest of the block into the slice of every added check,
 * which says nothing about the check itself (what it protects shows through the data it tests).
 */
export interface Pdg {
  /** Statements each statement depends on (data, control, guards). */
  readonly preds: readonly (readonly number[])[];
  /** Statements that depend on each statement (data, control; not guards). */
  readonly succs: readonly (readonly number[])[];
}

type State = Map<string, readonly number[]>;

export function buildPdg(unit: UnitModel): Pdg {
  const stmts = unit.stmts;
  const n = stmts.length;
  const predSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const guardSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const addEdge = (from: number, to: number): void => {
    if (from !== to && from >= 0) predSets[to]!.add(from);
  };
  const addGuardEdge = (from: number, to: number): void => {
    guardSets[to]!.add(from);
  };

  resolveReceivers(stmts);
  computeEscapes(stmts);

  // Control dependence.
  for (const s of stmts) {
    if (s.kind === 'root' || s.kind === 'param') continue;
    if (s.parent > 0) addEdge(s.parent, s.id);
  }
  for (const s of stmts) {
    // Cases of a switch end with `break` as a matter of course; they are not guards for each other.
    if (s.kind === 'param' || s.isSwitch) continue;
    let guard = -1;
    let container = -2;
    for (const c of s.children) {
      const child = stmts[c]!;
      if (child.container !== container) {
        container = child.container;
        guard = -1;
      }
      if (guard !== -1) addGuardEdge(guard, c);
      if (child.kind !== 'function' && child.kind !== 'simple' && child.escapes) guard = c;
    }
  }

  // Data dependence.
  const flow = new DataFlow(stmts, addEdge);
  const state: State = new Map();
  for (const s of stmts) if (s.kind === 'param') define(state, s);
  flow.run(0, state);

  const succs: number[][] = Array.from({ length: n }, () => []);
  predSets.forEach((set, to) => {
    for (const from of set) succs[from]!.push(to);
  });
  const preds = predSets.map((set, to) => {
    for (const g of guardSets[to]!) set.add(g);
    return [...set];
  });
  return { preds, succs };
}

/** A statement-level method call writes its receiver only when the receiver is a variable of this unit. */
function resolveReceivers(stmts: Stmt[]): void {
  const rootOf = (name: string): string => {
    const dot = name.indexOf('.');
    return dot === -1 ? name : name.slice(0, dot);
  };
  const local = new Set<string>();
  for (const s of stmts) for (const d of s.defs) local.add(rootOf(d));
  for (const s of stmts) {
    for (const r of s.receivers) {
      if (local.has(rootOf(r)) && !s.defs.includes(r)) s.defs.push(r);
    }
  }
}

function computeEscapes(stmts: Stmt[]): void {
  for (let i = stmts.length - 1; i >= 0; i--) {
    const s = stmts[i]!;
    let e = s.exit === 'return' ? ESCAPES_FUNCTION : s.exit ? ESCAPES_LOOP : 0;
    for (const c of s.children) e |= stmts[c]!.escapes;
    if (s.kind === 'function' || s.kind === 'root') e = 0;
    else if (s.isLoop || s.isSwitch) e &= ~ESCAPES_LOOP;
    s.escapes = e;
  }
}

/**
 * At most this many reaching definitions are kept per variable (the textually latest). Without a bound,
 * a variable assigned under many conditions (`if (...) ret = -EINVAL;` a hundred times) makes every use
 * depend on every assignment: quadratic edges on long functions. Far definitions rarely fall within two
 * hops of a point of interest anyway.
 */
export const MAX_REACHING = 8;

/** Writes `s`'s definitions into `state` (owned by the caller). */
function define(state: State, s: Stmt): void {
  for (const d of s.defs) state.set(d, [s.id]);
}

/** `target` ∪= `source`; `target` is owned by the caller, the id arrays are shared and never mutated. */
function mergeInto(target: State, source: State): void {
  if (target === source) return;
  for (const [k, vb] of source) {
    const va = target.get(k);
    if (!va) target.set(k, vb);
    else if (va !== vb) target.set(k, mergeIds(va, vb));
  }
}

/** Union of two ascending id lists, keeping the last MAX_REACHING. */
function mergeIds(a: readonly number[], b: readonly number[]): readonly number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) out.push(a[i++]!);
    else if (a[i]! > b[j]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out.length > MAX_REACHING ? out.slice(-MAX_REACHING) : out;
}

function collect(ids: readonly number[] | undefined, into: number[]): void {
  if (ids) for (const id of ids) if (!into.includes(id)) into.push(id);
}

class DataFlow {
  /** Per enclosing loop or switch: the states at its `break`s. */
  private readonly breakStates: State[][] = [];
  /** Root variable -> the field paths (`x.f`) written anywhere in the unit. */
  private readonly fieldsOf = new Map<string, string[]>();

  constructor(
    private readonly stmts: Stmt[],
    private readonly addEdge: (from: number, to: number) => void,
  ) {
    const seen = new Set<string>();
    for (const s of stmts) {
      for (const d of s.defs) {
        const dot = d.indexOf('.');
        if (dot <= 0 || seen.has(d)) continue;
        seen.add(d);
        const root = d.slice(0, dot);
        const list = this.fieldsOf.get(root);
        if (list) list.push(d);
        else this.fieldsOf.set(root, [d]);
      }
    }
  }

  /** `state` is owned by the callee (it may be changed); the result is owned by the caller. */
  run(id: number, state: State): State {
    const s = this.stmts[id]!;
    if (s.kind === 'simple') return this.simple(s, state);
    const isFunction = s.kind === 'function' || s.kind === 'root';
    // A nested function may run or not: the caller's state flows on beside it.
    const entry = isFunction ? new Map(state) : state;
    if (s.isLoop) mergeInto(entry, this.definitionsInside(s));
    this.useAll(s, entry);
    define(entry, s);
    const isBreakTarget = s.isLoop || s.isSwitch;
    const saved = isFunction ? this.breakStates.splice(0) : undefined;
    if (isBreakTarget) this.breakStates.push([]);
    if (s.flow === 'branch' && !isBreakTarget && !isFunction) return this.branch(s, entry);
    if (s.flow === 'always' && !isBreakTarget && !isFunction) {
      let current = entry;
      for (const c of s.children) current = this.run(c, current);
      return current;
    }
    // groupIn: what may reach the start of the current block (each block may be skipped).
    const groupIn = entry;
    let current: State | undefined;
    let container = -2;
    for (const c of s.children) {
      const child = this.stmts[c]!;
      if (child.container !== container || current === undefined) {
        if (current) mergeInto(groupIn, current);
        current = new Map(groupIn);
        container = child.container;
      }
      current = this.run(c, current);
    }
    if (current) mergeInto(groupIn, current);
    if (isBreakTarget) for (const b of this.breakStates.pop()!) mergeInto(groupIn, b);
    if (saved) this.breakStates.push(...saved);
    if (isFunction) {
      mergeInto(state, groupIn);
      return state;
    }
    return groupIn;
  }

  /** An if: each block starts from the state after the condition; exactly one runs when there is an else. */
  private branch(s: Stmt, entry: State): State {
    const out: State = s.exhaustive ? new Map() : new Map(entry);
    let current: State | undefined;
    let container = -2;
    for (const c of s.children) {
      const child = this.stmts[c]!;
      if (child.container !== container || current === undefined) {
        if (current) mergeInto(out, current);
        current = new Map(entry);
        container = child.container;
      }
      current = this.run(c, current);
    }
    if (current) mergeInto(out, current);
    // An else with no statements in it: the condition's state flows through.
    if (s.exhaustive && new Set(s.children.map((c) => this.stmts[c]!.container)).size < 2) mergeInto(out, entry);
    return out;
  }

  private simple(s: Stmt, state: State): State {
    this.useAll(s, state);
    define(state, s);
    if (s.exit === 'return' || s.exit === 'continue') return new Map();
    if (s.exit === 'break') {
      const target = this.breakStates[this.breakStates.length - 1];
      if (target) target.push(state);
      return new Map();
    }
    return state;
  }

  /**
   * Access-path reads (see def-use.ts): `x.f` also reads `x`; a whole `x` also reads every `x.*`. One
   * read depends on at most MAX_REACHING definitions, the textually latest.
   */
  private useAll(s: Stmt, state: State): void {
    for (const u of s.uses) {
      const found: number[] = [];
      const dot = u.indexOf('.');
      if (dot === -1) {
        collect(state.get(u), found);
        const fields = this.fieldsOf.get(u);
        if (fields) for (const f of fields) collect(state.get(f), found);
      } else if (dot === u.length - 1) collect(state.get(u.slice(0, -1)), found);
      else {
        collect(state.get(u), found);
        collect(state.get(u.slice(0, dot)), found);
      }
      if (found.length > MAX_REACHING) {
        found.sort((a, b) => b - a);
        found.length = MAX_REACHING;
      }
      for (const d of found) this.addEdge(d, s.id);
    }
  }

  private definitionsInside(loop: Stmt): State {
    const out = new Map<string, number[]>();
    for (let i = loop.id; i <= loop.last; i++) {
      for (const d of this.stmts[i]!.defs) {
        const list = out.get(d);
        if (!list) out.set(d, [i]);
        else {
          list.push(i);
          if (list.length > 2 * MAX_REACHING) list.splice(0, list.length - MAX_REACHING);
        }
      }
    }
    for (const [k, list] of out) if (list.length > MAX_REACHING) out.set(k, list.slice(-MAX_REACHING));
    return out;
  }
}
