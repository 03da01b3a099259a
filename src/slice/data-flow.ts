import type { Stmt } from './unit-model.js';

/**
 * Reaching definitions over a unit's statement tree: the data-dependence half of the PDG (pdg.ts, where
 * the rules are summarized). A state maps each variable to the (shared, immutable, ascending) list of
 * statements whose definitions of it reach the current point.
 */
export type State = Map<string, readonly number[]>;

/** Writes `s`'s definitions into `state` (owned by the caller). */
export function define(state: State, s: Stmt): void {
  for (const k of s.kills) state.delete(k);
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

/**
 * Ids written by merges since the analysis started. Reaching sets grow with the number of definitions of a
 * variable that reach a point, so a long function that assigns one variable under thousands of conditions
 * costs quadratic time and memory; past MAX_MERGED the analysis gives up (DataFlowBudgetExceeded) and the
 * PDG falls back to flow-insensitive dependences (pdg.ts).
 */
let merged = 0;
let budget = 0;
/** The bench's generated 2,000-line functions merge up to ~0.4 M ids; the largest real function sliced, 25 k. */
export const MAX_MERGED = 1_000_000;

export class DataFlowBudgetExceeded extends Error {
  constructor() {
    super(`reaching definitions exceed ${budget} ids`);
  }
}

/** Union of two ascending id lists. */
function mergeIds(a: readonly number[], b: readonly number[]): readonly number[] {
  merged += a.length + b.length;
  if (merged > budget) throw new DataFlowBudgetExceeded();
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
  return out;
}

/**
 * Walks the statement tree in execution order (a loop body twice: see `loop`) and reports, through
 * `addEdge`, which definitions reach the uses of each statement.
 */
export class DataFlow {
  /** Per enclosing loop or switch: the states at its `break`s. */
  private readonly breakStates: State[][] = [];
  /** Per enclosing loop: the states at its `continue`s. */
  private readonly continueStates: State[][] = [];
  /** False during the silent first pass over a loop body: no edges are recorded. */
  private recording = true;
  /** Root variable -> the field paths (`x.f`) written anywhere in the unit. */
  private readonly fieldsOf = new Map<string, string[]>();

  constructor(
    private readonly stmts: Stmt[],
    /** Records that the definitions `defs` reach a use in statement `to`. */
    private readonly addEdge: (defs: readonly number[], to: number) => void,
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

  /** The whole unit from its root statement, within the merge budget (throws DataFlowBudgetExceeded). */
  analyze(state: State, maxMerged = MAX_MERGED): State {
    merged = 0;
    budget = maxMerged;
    return this.run(0, state);
  }

  /**
   * Flow-insensitive dependences, for units past the budget: every use depends on every definition of its
   * variable anywhere in the unit (kills ignored). A superset of the precise edges, linear in size: one
   * shared list of definitions per variable.
   */
  everyDefinition(): void {
    const all = new Map<string, number[]>();
    for (const s of this.stmts) {
      for (const d of [...s.defs, ...(s.init?.defs ?? [])]) {
        const list = all.get(d);
        if (!list) all.set(d, [s.id]);
        else if (list[list.length - 1] !== s.id) list.push(s.id);
      }
    }
    this.recording = true;
    for (const s of this.stmts) {
      this.useAll(s, all);
      if (s.init) this.useAll(s, all, s.init.uses, s.init.objectUses);
    }
  }

  /** `state` is owned by the callee (it may be changed); the result is owned by the caller. */
  run(id: number, state: State): State {
    const s = this.stmts[id]!;
    if (s.kind === 'simple') return this.simple(s, state);
    if (s.isLoop) return this.loop(s, state);
    const isFunction = s.kind === 'function' || s.kind === 'root';
    // A nested function may run or not: the caller's state flows on beside it.
    const entry = isFunction ? new Map(state) : state;
    this.useAll(s, entry);
    define(entry, s);
    if (isFunction) {
      const savedBreaks = this.breakStates.splice(0);
      const savedContinues = this.continueStates.splice(0);
      mergeInto(state, this.blocks(s, entry));
      this.breakStates.push(...savedBreaks);
      this.continueStates.push(...savedContinues);
      return state;
    }
    if (s.isSwitch) {
      this.breakStates.push([]);
      const out = s.cases === 'exclusive' ? this.cases(s, entry) : this.blocks(s, entry);
      for (const b of this.breakStates.pop()!) mergeInto(out, b);
      return out;
    }
    if (s.cases === 'exclusive') return this.cases(s, entry);
    if (s.flow === 'branch') return this.branch(s, entry);
    if (s.flow === 'always') {
      let current = entry;
      for (const c of s.children) current = this.run(c, current);
      return current;
    }
    return this.blocks(s, entry);
  }

  /**
   * A loop: reaching definitions at its head are those from before it and those at the end of its body
   * (and at each `continue`). One silent pass over the body finds the latter, then a second pass records
   * the edges; for bit-vector problems two passes reach the fixpoint. Inside the silent pass, nested loops
   * take every definition in their body as reaching their head (a cheap over-approximation), so that
   * nesting does not multiply the passes.
   */
  private loop(s: Stmt, state: State): State {
    if (s.init) {
      // The initializer runs once, before the loop: `for (i = 0; ...)` ends the definitions of i before it.
      this.useAll(s, state, s.init.uses, s.init.objectUses);
      for (const k of s.init.kills) state.delete(k);
      for (const d of s.init.defs) state.set(d, [s.id]);
    }
    if (this.recording) {
      this.recording = false;
      const { back } = this.loopOnce(s, new Map(state));
      this.recording = true;
      mergeInto(state, back);
    } else mergeInto(state, this.definitionsInside(s));
    return this.loopOnce(s, state).out;
  }

  private loopOnce(s: Stmt, entry: State): { out: State; back: State } {
    this.useAll(s, entry);
    define(entry, s);
    this.breakStates.push([]);
    this.continueStates.push([]);
    const back: State = new Map();
    const out = this.blocks(s, entry, back);
    for (const b of this.breakStates.pop()!) mergeInto(out, b);
    for (const c of this.continueStates.pop()!) mergeInto(back, c);
    return { out, back };
  }

  /**
   * The cases of a switch that does not fall through (Go, Java's `case ->`, Python's `match`): each starts
   * from the state after the header, unless the case before ends with an explicit `fallthrough`.
   */
  private cases(s: Stmt, entry: State): State {
    const out: State = new Map(entry);
    let carried: State | undefined;
    for (const c of s.children) {
      const start = new Map(entry);
      if (carried) mergeInto(start, carried);
      const end = this.run(c, start);
      mergeInto(out, end);
      const child = this.stmts[c]!;
      const last = child.children[child.children.length - 1];
      carried = last !== undefined && this.stmts[last]!.exit === 'fallthrough' ? end : undefined;
    }
    return out;
  }

  /**
   * Blocks that run in order, each possibly skipped (switch cases, try/catch, a loop body): what flows
   * out is what flowed in plus what each block produces. `ends` collects the state at the end of each block.
   */
  private blocks(s: Stmt, entry: State, ends?: State): State {
    const groupIn = entry;
    let current: State | undefined;
    let container = -2;
    for (const c of s.children) {
      const child = this.stmts[c]!;
      if (child.container !== container || current === undefined) {
        if (current) {
          if (ends) mergeInto(ends, current);
          mergeInto(groupIn, current);
        }
        current = new Map(groupIn);
        container = child.container;
      }
      current = this.run(c, current);
    }
    if (current) {
      if (ends) mergeInto(ends, current);
      mergeInto(groupIn, current);
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
    if (s.exit === 'continue') {
      const target = this.continueStates[this.continueStates.length - 1];
      if (target) target.push(state);
      return new Map();
    }
    if (s.exit === 'return') return new Map();
    if (s.exit === 'break') {
      const target = this.breakStates[this.breakStates.length - 1];
      if (target) target.push(state);
      return new Map();
    }
    return state;
  }

  /**
   * Access-path reads (see def-use.ts): `x.f` depends on the definitions of `x.f` and `x` that reach it;
   * an object read whole (`objectUses`: returned, copied) also on those of every `x.*`.
   */
  private useAll(s: Stmt, state: State, uses = s.uses, objectUses = s.objectUses): void {
    if (!this.recording) return;
    for (const u of uses) {
      const dot = u.indexOf('.');
      if (dot === -1) this.link(state.get(u), s.id);
      else if (dot === u.length - 1) this.link(state.get(u.slice(0, -1)), s.id);
      else {
        this.link(state.get(u), s.id);
        this.link(state.get(u.slice(0, dot)), s.id);
      }
    }
    // An object read whole (returned, copied) reads the fields written before.
    for (const u of objectUses) {
      const fields = this.fieldsOf.get(u);
      if (fields) for (const f of fields) this.link(state.get(f), s.id);
    }
  }

  private link(defs: readonly number[] | undefined, to: number): void {
    if (defs && defs.length) this.addEdge(defs, to);
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
