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
 */
export interface Pdg {
  readonly preds: readonly (readonly number[])[];
  readonly succs: readonly (readonly number[])[];
}

type State = Map<string, readonly number[]>;

export function buildPdg(unit: UnitModel): Pdg {
  const stmts = unit.stmts;
  const n = stmts.length;
  const predSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const addEdge = (from: number, to: number): void => {
    if (from !== to && from >= 0) predSets[to]!.add(from);
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
      if (guard !== -1) addEdge(guard, c);
      if (child.kind !== 'function' && child.kind !== 'simple' && child.escapes) guard = c;
    }
  }

  // Data dependence.
  const flow = new DataFlow(stmts, addEdge);
  let state: State = new Map();
  for (const s of stmts) if (s.kind === 'param') state = define(state, s);
  flow.run(0, state);

  const preds = predSets.map((set) => [...set]);
  const succs: number[][] = Array.from({ length: n }, () => []);
  preds.forEach((list, to) => {
    for (const from of list) succs[from]!.push(to);
  });
  return { preds, succs };
}

/** A statement-level method call writes its receiver only when the receiver is a variable of this unit. */
function resolveReceivers(stmts: Stmt[]): void {
  const local = new Set<string>();
  for (const s of stmts) for (const d of s.defs) local.add(d);
  for (const s of stmts) {
    for (const r of s.receivers) {
      if ((local.has(r) || r.includes('.')) && !s.defs.includes(r)) s.defs.push(r);
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

function define(state: State, s: Stmt): State {
  if (!s.defs.length) return state;
  const next = new Map(state);
  for (const d of s.defs) next.set(d, [s.id]);
  return next;
}

function union(a: State, b: State): State {
  if (a === b || b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Map(a);
  for (const [k, vb] of b) {
    const va = out.get(k);
    if (!va) out.set(k, vb);
    else if (va !== vb) out.set(k, mergeIds(va, vb));
  }
  return out;
}

function mergeIds(a: readonly number[], b: readonly number[]): readonly number[] {
  let out: number[] | undefined;
  for (const x of b) {
    if (!a.includes(x) && !(out && out.includes(x))) (out ??= [...a]).push(x);
  }
  return out ?? a;
}

const EMPTY: State = new Map();

class DataFlow {
  /** Per enclosing loop or switch: the states at its `break`s. */
  private readonly breakStates: State[][] = [];

  constructor(
    private readonly stmts: Stmt[],
    private readonly addEdge: (from: number, to: number) => void,
  ) {}

  run(id: number, state: State): State {
    const s = this.stmts[id]!;
    if (s.kind === 'simple') return this.simple(s, state);
    let entry = state;
    if (s.isLoop) entry = union(state, this.definitionsInside(s));
    this.useAll(s, entry);
    entry = define(entry, s);
    const isBreakTarget = s.isLoop || s.isSwitch;
    const isFunction = s.kind === 'function' || s.kind === 'root';
    const saved = isFunction ? this.breakStates.splice(0) : undefined;
    if (isBreakTarget) this.breakStates.push([]);
    let groupIn = entry;
    let current = entry;
    let container = -2;
    for (const c of s.children) {
      const child = this.stmts[c]!;
      if (child.container !== container) {
        // A new block (else branch, catch, case): it may run after the previous one, or instead of it.
        groupIn = union(groupIn, current);
        current = groupIn;
        container = child.container;
      }
      current = this.run(c, current);
    }
    let out = union(groupIn, current);
    if (isBreakTarget) for (const b of this.breakStates.pop()!) out = union(out, b);
    if (saved) this.breakStates.push(...saved);
    return isFunction ? union(state, out) : out;
  }

  private simple(s: Stmt, state: State): State {
    this.useAll(s, state);
    const out = define(state, s);
    if (s.exit === 'return' || s.exit === 'continue') return EMPTY;
    if (s.exit === 'break') {
      const target = this.breakStates[this.breakStates.length - 1];
      if (target) target.push(out);
      return EMPTY;
    }
    return out;
  }

  private useAll(s: Stmt, state: State): void {
    for (const u of s.uses) {
      const defs = state.get(u);
      if (defs) for (const d of defs) this.addEdge(d, s.id);
    }
  }

  private definitionsInside(loop: Stmt): State {
    const out = new Map<string, number[]>();
    for (let i = loop.id; i <= loop.last; i++) {
      for (const d of this.stmts[i]!.defs) {
        const list = out.get(d);
        if (!list) out.set(d, [i]);
        else list.push(i);
      }
    }
    return out;
  }
}
