import { DataFlow, DataFlowBudgetExceeded, define, type State } from './data-flow.js';
import { ESCAPES_FUNCTION, ESCAPES_LOOP, type Stmt, type UnitModel } from './unit-model.js';

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
 *   `continue` reach the head again (two passes: the first, silent, finds them; see DataFlow.loop in data-flow.ts);
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
  /** The data flow went past its budget: every use depends on every definition of its variable. */
  readonly flowInsensitive: boolean;
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

/**
 * Data edges are not materialized: a variable assigned under many conditions (`if (...) ret = -EINVAL;`
 * a hundred times) reaches every later use, and the edges grow quadratically with the function. Each
 * statement keeps references to the (shared, immutable) sets of definitions that reach its uses; the
 * few statements a slice visits expand them on demand.
 */
/** `maxMerged`: the data-flow budget (data-flow.ts); past it, dependences are flow-insensitive. */
export function buildPdg(unit: UnitModel, maxMerged?: number): Pdg {
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
  let flowInsensitive = false;
  try {
    flow.analyze(state, maxMerged);
  } catch (error) {
    if (!(error instanceof DataFlowBudgetExceeded)) throw error;
    for (const list of reaching) list.length = 0;
    flow.everyDefinition();
    flowInsensitive = true;
  }

  // Control dependence: on the nearest enclosing compound statement (not the unit's entry).
  const controlParent = (s: Stmt): number => (s.kind === 'root' || s.kind === 'param' || s.parent <= 0 ? -1 : s.parent);
  const preds = new Map<number, readonly number[]>();
  return {
    size: n,
    flowInsensitive,
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
