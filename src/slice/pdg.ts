import { ESCAPES_FUNCTION, ESCAPES_LOOP, type Stmt, type UnitModel } from './statements.js';

/**
 * The program dependence graph of a unit: for each statement, the statements it depends on (data or
 * control) and those that depend on it.
 *
 * Data dependence: flow-sensitive reaching definitions over the statement tree. A use depends on exactly
 * the definitions that reach it (no bound on their number):
 * - a simple statement kills earlier definitions of what it writes; a C declaration without an
 *   initializer kills without defining (no value flows from it);
 * - an `if` runs one of its blocks (exactly one when it has an `else`); a switch's cases fall through
 *   (C, JavaScript) or are alternatives (Go, Java's `->`, Python's `match`); other compound statements
 *   (try/catch) run their blocks in order, each possibly skipped; `with`, `do` and bare blocks always
 *   run their body;
 * - a loop: a `for` initializer runs once before it; the definitions at the end of the body and at each
 *   `continue` reach the head again (two passes: the first, silent, finds them; see DataFlow.loop);
 * - `return`/`throw` end a path; `break` carries its definitions to after the loop or switch;
 *   nested functions may run or not, and see the enclosing state (closures).
 * Control dependence: a statement depends on its nearest enclosing compound statement (condition, loop,
 * case, try/catch, nested function); a statement that follows a statement containing an early exit
 * (`if (...) return;`) in the same block depends on the nearest such guard, and guards chain.
 * The unit's own entry is not a control parent: that dependence is trivial and would link everything.
 *
 * Guard dependences are followed backward only. Backward they matter (the check that protects a
 * `memcpy`); forward they would pull the whole rest of the block into the slice of every added check,
 * which says nothing about the check itself (what it protects shows through the data it tests).
 */
export interface Pdg {
  /** Number of statements (ids run from 0 to size - 1). */
  readonly size: number;
  /** The statements `s` depends on (data, control, guards). */
  predsOf(s: number): readonly number[];
  /**
   * One backward hop from several statements at once: the statements any of them depends on that are
   * not yet marked in `seen` (indexed by statement id), each once, and marked. Same as the union of
   * their `predsOf`, but a set of definitions shared by many of them is read once.
   */
  predsOfAll(ids: readonly number[], seen: Uint8Array): number[];
  /** The statements that depend (data, control; not guards) on some statement of `from`. */
  succsOf(from: ReadonlySet<number>): number[];
}

type State = Map<string, readonly number[]>;

/**
 * Data edges are not materialized: a variable assigned under many conditions (`if (...) ret = -EINVAL;`
 * a hundred times) reaches every later use, and the edges grow quadratically with the function. Each
 * statement keeps references to the (shared, immutable) sets of definitions that reach its uses; the
 * few statements a slice visits expand them on demand.
 */
export function buildPdg(unit: UnitModel): Pdg {
  const stmts = unit.stmts;
  const n = stmts.length;
  const reaching: (readonly number[])[][] = Array.from({ length: n }, () => []);
  const guardOf = new Int32Array(n).fill(-1);

  resolveReceivers(stmts);
  computeEscapes(stmts);

  // Guards: the nearest earlier statement of the same block that may exit early.
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
      if (guard !== -1) guardOf[c] = guard;
      if (child.kind !== 'function' && child.kind !== 'simple' && child.escapes) guard = c;
    }
  }

  // Data dependence.
  const flow = new DataFlow(stmts, (defs, to) => {
    const list = reaching[to]!;
    if (!list.includes(defs)) list.push(defs);
  });
  const state: State = new Map();
  for (const s of stmts) if (s.kind === 'param') define(state, s);
  flow.run(0, state);

  // Control dependence: on the nearest enclosing compound statement (not the unit's entry).
  const controlParent = (s: Stmt): number => (s.kind === 'root' || s.kind === 'param' || s.parent <= 0 ? -1 : s.parent);
  const preds = new Map<number, readonly number[]>();
  return {
    size: n,
    predsOf(id) {
      let out = preds.get(id);
      if (out) return out;
      const set = new Set<number>();
      for (const defs of reaching[id]!) for (const d of defs) set.add(d);
      const s = stmts[id]!;
      if (controlParent(s) !== -1) set.add(s.parent);
      if (guardOf[id] !== -1) set.add(guardOf[id]!);
      set.delete(id);
      out = [...set];
      preds.set(id, out);
      return out;
    },
    predsOfAll(ids, seen) {
      const out: number[] = [];
      const read = new Set<readonly number[]>();
      const add = (d: number): void => {
        if (seen[d]) return;
        seen[d] = 1;
        out.push(d);
      };
      for (const id of ids) {
        for (const defs of reaching[id]!) {
          if (read.has(defs)) continue;
          read.add(defs);
          for (const d of defs) add(d);
        }
        if (controlParent(stmts[id]!) !== -1) add(stmts[id]!.parent);
        if (guardOf[id] !== -1) add(guardOf[id]!);
      }
      return out;
    },
    succsOf(from) {
      const out: number[] = [];
      // One scan of every statement; a set of definitions shared by many statements is tested once.
      const hit = new Map<readonly number[], boolean>();
      const sorted = [...from].sort((a, b) => a - b);
      const touches = (defs: readonly number[]): boolean => {
        let h = hit.get(defs);
        if (h === undefined) {
          h = intersects(defs, sorted);
          hit.set(defs, h);
        }
        return h;
      };
      for (const s of stmts) {
        const p = controlParent(s);
        let depends = p !== -1 && from.has(p);
        if (!depends) {
          for (const defs of reaching[s.id]!) {
            if (touches(defs)) {
              depends = true;
              break;
            }
          }
        }
        if (depends) out.push(s.id);
      }
      return out;
    },
  };
}

/** Whether two ascending id lists share an element. */
function intersects(a: readonly number[], b: readonly number[]): boolean {
  if (!a.length || !b.length || a[a.length - 1]! < b[0]! || b[b.length - 1]! < a[0]!) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
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
    let e = s.exit === 'return' ? ESCAPES_FUNCTION : s.exit === 'break' || s.exit === 'continue' ? ESCAPES_LOOP : 0;
    for (const c of s.children) e |= stmts[c]!.escapes;
    if (s.kind === 'function' || s.kind === 'root') e = 0;
    else if (s.isLoop || s.isSwitch) e &= ~ESCAPES_LOOP;
    s.escapes = e;
  }
}

/** Writes `s`'s definitions into `state` (owned by the caller). */
function define(state: State, s: Stmt): void {
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

/** Union of two ascending id lists. */
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
  return out;
}

class DataFlow {
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
