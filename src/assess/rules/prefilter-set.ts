import { aloneRegex, needleKey, type Needle, type Prefilter } from './prefilter.js';

const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;
/** An `alone` needle whose regex found nothing: ABSENT once the pass is over, not to be tried again. */
const ALONE_ABSENT = 3;

/** `[\w$]`: the characters of NeedleIndex's words. */
const WORD_OR_DOLLAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_OR_DOLLAR[c] = /[\w$]/.test(String.fromCharCode(c)) ? 1 : 0;
const isWordOrDollar = (c: number): boolean => c < 128 && WORD_OR_DOLLAR[c] === 1;
/** `\w`: a letter, digit or `_`. */
const isW = (c: number): boolean => c < 128 && c !== 36 && WORD_OR_DOLLAR[c] === 1;

/**
 * The prefilters of a list of rules (one language's), their needles numbered once and looked for all at
 * once: one pass over the text through an Aho-Corasick automaton of the needles finds every needle the text
 * holds, where NeedleIndex looks for each needle in turn (and first builds the set of the text's words). A
 * second automaton, over the text with its ASCII letters lower-cased, holds the `fold` needles; it runs
 * only when a rule asks for one. The answers are NeedleIndex.passes's, rule by rule (a test holds them to
 * each other on every snippet of the knowledge base): where a needle ends in the text, a `word` needle
 * counts when no `[\w$]` character is on either side, a `keyword` one when no letter, digit or `_`
 * follows, an `alone` one when no letter, digit or `_` follows and its regex (NeedleIndex.keywordAlone)
 * finds it in the text.
 */
export class PrefilterSet {
  private readonly needles: Needle[] = [];
  /** Per rule: undefined (always passes), else per pattern its clauses, each the numbers of its needles. */
  private readonly plans: readonly (readonly (readonly Int32Array[])[] | undefined)[];
  private readonly state: Uint8Array;
  private readonly raw: Automaton;
  private readonly folded: Automaton;
  private readonly alone = new Map<number, RegExp>();
  /** The text the needles' states are of, and which automatons have run over it. */
  private last: string | undefined;
  private rawDone = false;
  private foldDone = false;

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
    const fold = this.needles.map((n) => n.fold === true);
    this.raw = new Automaton(this.needles, (i) => !fold[i]);
    this.folded = new Automaton(this.needles, (i) => fold[i]!);
  }

  /** The positions (in the list given) of the rules whose prefilters `source` passes, in order. */
  passing(source: string): number[] {
    return this.scan(source, false);
  }

  /** Whether `source` passes the prefilter of some rule: `passing(source).length > 0`, stopping at the first. */
  any(source: string): boolean {
    return this.scan(source, true).length > 0;
  }

  private scan(source: string, first: boolean): number[] {
    const state = this.state;
    // The same text again (a runner asks what a scan's `any` asked): the needles found stay found.
    if (source !== this.last) {
      state.fill(UNKNOWN);
      this.last = source;
      this.rawDone = false;
      this.foldDone = false;
    }
    const has = (n: number): boolean => {
      let s = state[n]!;
      if (s === UNKNOWN) {
        if (this.needles[n]!.fold) {
          if (!this.foldDone) this.settle(this.folded, source, true);
          this.foldDone = true;
        } else if (!this.rawDone) {
          this.settle(this.raw, source, false);
          this.rawDone = true;
        }
        s = state[n]!;
      }
      return s === PRESENT;
    };
    const out: number[] = [];
    const plans = this.plans;
    for (let r = 0; r < plans.length; r++) {
      const plan = plans[r];
      if (plan === undefined) {
        out.push(r);
        if (first) break;
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
      if (first && out.length > 0) break;
    }
    return out;
  }

  /** Runs one automaton over the text: each of its needles is then PRESENT or ABSENT. */
  private settle(automaton: Automaton, source: string, fold: boolean): void {
    const { state, needles } = this;
    for (const n of automaton.ids) state[n] = ABSENT;
    if (automaton.ids.length === 0) return;
    const { delta, ascii, high, ends, outStart, outIds } = automaton;
    const length = source.length;
    const lower = fold ? 32 : 0;
    // `s` is a state's row in `delta` (state times width); `ends[s]` tells whether needles end there.
    let s = 0;
    for (let i = 0; i < length; i++) {
      let c = source.charCodeAt(i);
      if (c >= 65 && c <= 90) c += lower;
      s = delta[s + (c < 128 ? ascii[c]! : (high.get(c) ?? 0))]!;
      if (ends[s] === 0) continue;
      const row = s / automaton.width;
      for (let k = outStart[row]!, end = outStart[row + 1]!; k < end; k++) {
        const n = outIds[k]!;
        if (state[n] === PRESENT || state[n] === ALONE_ABSENT) continue;
        const needle = needles[n]!;
        const after = i + 1 < length ? source.charCodeAt(i + 1) : -1;
        if (needle.word) {
          const before = i + 1 - needle.text.length - 1;
          if ((before < 0 || !isWordOrDollar(source.charCodeAt(before))) && (after < 0 || !isWordOrDollar(after))) state[n] = PRESENT;
        } else if (needle.keyword) {
          if (after < 0 || !isW(after)) {
            if (!needle.alone) state[n] = PRESENT;
            else state[n] = this.aloneRegex(n).test(source) ? PRESENT : ALONE_ABSENT; // the regex looks at every place at once
          }
        } else state[n] = PRESENT;
      }
    }
    for (const n of automaton.ids) if (state[n] === ALONE_ABSENT) state[n] = ABSENT;
  }

  private aloneRegex(n: number): RegExp {
    let re = this.alone.get(n);
    if (!re) this.alone.set(n, (re = aloneRegex(this.needles[n]!.text)));
    return re;
  }
}

/**
 * An Aho-Corasick automaton over some of the needles' texts, as a full transition table over the
 * characters the texts use (every other character goes back to the start), with the needles that end at
 * each state.
 */
class Automaton {
  readonly ids: readonly number[];
  /** Classes of characters: ASCII through a table, others through a map; 0 for a character no text has. */
  readonly ascii = new Uint8Array(128);
  readonly high = new Map<number, number>();
  readonly width: number;
  /** By row (state times width) and class: the next state's row. */
  readonly delta: Int32Array;
  /** By row: 1 where some needle ends at the state. */
  readonly ends: Uint8Array;
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;

  constructor(needles: readonly Needle[], include: (id: number) => boolean) {
    this.ids = needles.flatMap((_, i) => (include(i) ? [i] : []));
    let classes = 1;
    const classOf = (c: number): number => {
      if (c < 128) return this.ascii[c] || (this.ascii[c] = classes++);
      let k = this.high.get(c);
      if (k === undefined) this.high.set(c, (k = classes++));
      return k;
    };
    // The trie: children per state by class, and the needles each state's text is.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    for (const id of this.ids) {
      let s = 0;
      for (const ch of needles[id]!.text) {
        for (let j = 0; j < ch.length; j++) {
          const k = classOf(ch.charCodeAt(j));
          let next = children[s]!.get(k);
          if (next === undefined) {
            next = children.length;
            children.push(new Map());
            ends.push([]);
            children[s]!.set(k, next);
          }
          s = next;
        }
      }
      ends[s]!.push(id);
    }
    if (classes > 255) throw new Error('prefilter needles use more than 254 distinct characters');
    const width = (this.width = classes);
    const count = children.length;
    const delta = (this.delta = new Int32Array(count * width));
    const fail = new Int32Array(count);
    const outs: number[][] = new Array(count);
    outs[0] = ends[0]!;
    // Breadth first: a state's failure state is done before the state.
    const queue: number[] = [];
    for (const [k, next] of children[0]!) {
      delta[k] = next;
      queue.push(next);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      outs[s] = [...ends[s]!, ...outs[fail[s]!]!];
      for (let k = 0; k < width; k++) {
        const next = children[s]!.get(k);
        if (next === undefined) {
          delta[s * width + k] = delta[fail[s]! * width + k]!;
        } else {
          fail[next] = delta[fail[s]! * width + k]!;
          delta[s * width + k] = next;
          queue.push(next);
        }
      }
    }
    this.outStart = new Int32Array(count + 1);
    const flat: number[] = [];
    for (let s = 0; s < count; s++) {
      this.outStart[s] = flat.length;
      flat.push(...outs[s]!);
    }
    this.outStart[count] = flat.length;
    this.outIds = Int32Array.from(flat);
    // Rows instead of states: no multiplication per character.
    for (let k = 0; k < delta.length; k++) delta[k]! *= width;
    this.ends = new Uint8Array(count * width);
    for (let s = 0; s < count; s++) if (outs[s]!.length > 0) this.ends[s * width] = 1;
  }
}
