import { NeedleIndex, needleKey, type Needle, type Prefilter } from './prefilter.js';

const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;

/**
 * The prefilters of a list of rules (one grammar's), their needles numbered once: which rules a text
 * passes is decided with at most one NeedleIndex lookup per distinct needle, remembered in a typed array
 * rather than in NeedleIndex's maps. The answers are NeedleIndex.passes's, rule by rule.
 */
export class PrefilterSet {
  private readonly needles: Needle[] = [];
  /** Per rule: undefined (always passes), else per pattern its clauses, each the numbers of its needles. */
  private readonly plans: readonly (readonly (readonly Int32Array[])[] | undefined)[];
  private readonly state: Uint8Array;

  constructor(prefilters: readonly (Prefilter | undefined)[]) {
    const ids = new Map<string, number>();
    const id = (n: Needle): number => {
      const key = needleKey(n);
      let i = ids.get(key);
      if (i === undefined) {
        i = this.needles.length;
        this.needles.push(n);
        ids.set(key, i);
      }
      return i;
    };
    this.plans = prefilters.map((p) => p?.map((pattern) => pattern.map((clause) => Int32Array.from(clause, id))));
    this.state = new Uint8Array(this.needles.length);
  }

  /** The positions (in the list given) of the rules whose prefilters `source` passes, in order. */
  passing(source: string): number[] {
    const index = new NeedleIndex(source);
    const state = this.state.fill(UNKNOWN);
    const needles = this.needles;
    const has = (n: number): boolean => {
      let s = state[n]!;
      if (s === UNKNOWN) state[n] = s = index.lookup(needles[n]!) ? PRESENT : ABSENT;
      return s === PRESENT;
    };
    const out: number[] = [];
    const plans = this.plans;
    for (let r = 0; r < plans.length; r++) {
      const plan = plans[r];
      if (plan === undefined) {
        out.push(r);
        continue;
      }
      patterns: for (let p = 0; p < plan.length; p++) {
        const clauses = plan[p]!;
        for (let c = 0; c < clauses.length; c++) {
          const clause = clauses[c]!;
          let hit = false;
          for (let k = 0; k < clause.length && !hit; k++) hit = has(clause[k]!);
          if (!hit) continue patterns;
        }
        out.push(r);
        break;
      }
    }
    return out;
  }
}
