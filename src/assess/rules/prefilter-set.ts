import { aloneRegex, needleKey, type Needle, type Prefilter } from './prefilter.js';
import { foldAscii } from './regex-literals.js';

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
 * holds, where NeedleIndex looks for each needle in turn (and first builds the set of the text's words). The
 * automaton reads the text with its ASCII letters lower-cased, so that the `fold` needles are found in the
 * same pass; any other needle counts only where the text holds it as it is. (Nearly every text needs both
 * kinds: a second pass for the `fold` needles cost as much as the first.) The answers are
 * NeedleIndex.passes's, rule by rule (a test holds them to
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
  private readonly automaton: Automaton;
  private readonly alone = new Map<number, RegExp>();
  /** The text the needles' states are of, and whether the automaton has run over it. */
  private last: string | undefined;
  private done = false;

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
    this.automaton = new Automaton(this.needles);
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
      this.last = source;
      this.done = false;
    }
    const has = (n: number): boolean => {
      if (!this.done) {
        this.settle(source);
        this.done = true;
      }
      return state[n] === PRESENT;
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

  /**
   * Runs the automaton over the text with its ASCII letters lower-cased: each needle is then PRESENT or
   * ABSENT. A needle that is not `fold` counts only where the text holds it as it is (not only lower-cased).
   */
  private settle(source: string): void {
    const { state, needles, automaton } = this;
    state.fill(ABSENT);
    if (needles.length === 0) return;
    const { delta, width, ascii, high, ends, outStart, outIds } = automaton;
    const length = source.length;
    // `s` is a state; `ends[s]` tells whether needles end there.
    let s = 0;
    for (let i = 0; i < length; i++) {
      let c = source.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      const k = c < 128 ? ascii[c]! : (high.get(c) ?? 0);
      const next = delta[s * width + k]!;
      s = (next !== 0 ? next : automaton.go(s, k)) - 1;
      if (ends[s] === 0) continue;
      for (let k = outStart[s]!, end = outStart[s + 1]!; k < end; k++) {
        const n = outIds[k]!;
        if (state[n] === PRESENT || state[n] === ALONE_ABSENT) continue;
        const needle = needles[n]!;
        const start = i + 1 - needle.text.length;
        if (!needle.fold && !source.startsWith(needle.text, start)) continue;
        const after = i + 1 < length ? source.charCodeAt(i + 1) : -1;
        if (needle.word) {
          if ((start === 0 || !isWordOrDollar(source.charCodeAt(start - 1))) && (after < 0 || !isWordOrDollar(after))) state[n] = PRESENT;
        } else if (needle.keyword) {
          if (after < 0 || !isW(after)) {
            if (!needle.alone) state[n] = PRESENT;
            else state[n] = this.aloneRegex(n).test(source) ? PRESENT : ALONE_ABSENT; // the regex looks at every place at once
          }
        } else state[n] = PRESENT;
      }
    }
    for (let n = 0; n < state.length; n++) if (state[n] === ALONE_ABSENT) state[n] = ABSENT;
  }

  private aloneRegex(n: number): RegExp {
    let re = this.alone.get(n);
    if (!re) this.alone.set(n, (re = aloneRegex(this.needles[n]!.text)));
    return re;
  }
}

/**
 * An Aho-Corasick automaton over the needles' texts (ASCII letters lower-cased): a transition table over the characters the
 * texts use (every other character goes back to the start), with the needles that end at each state. The
 * table starts as the trie of the texts; a transition that is not a trie edge is worked out (through the
 * failure links) the first time a text takes it. Building thus costs the trie's size, not its states times
 * the characters, and the table's memory is written only where texts go.
 */
class Automaton {
  /** Classes of characters: ASCII through a table, others through a map; 0 for a character no text has. */
  readonly ascii = new Uint8Array(128);
  readonly high = new Map<number, number>();
  readonly width: number;
  /** By state times width plus class: the next state plus one; 0 where not worked out yet. */
  readonly delta: Uint16Array | Uint32Array;
  /** By state: 1 where some needle ends at the state. */
  readonly ends: Uint8Array;
  /** By state: where its needles start in outIds (its own, then its failure state's). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** By state: its failure state (the longest proper suffix of its text that is a trie state). */
  private readonly fail: Int32Array;

  constructor(needles: readonly Needle[]) {
    let classes = 1;
    const classOf = (c: number): number => {
      if (c < 128) return this.ascii[c] || (this.ascii[c] = classes++);
      let k = this.high.get(c);
      if (k === undefined) this.high.set(c, (k = classes++));
      return k;
    };
    const texts = needles.map((n) => foldAscii(n.text));
    let most = 1; // states: at most one per character of the texts, and the start
    for (const text of texts) for (let j = 0; j < text.length; j++, most++) classOf(text.charCodeAt(j));
    if (classes > 255) throw new Error('prefilter needles use more than 254 distinct characters');
    const width = (this.width = classes);
    const delta = (this.delta = most < 0xffff ? new Uint16Array(most * width) : new Uint32Array(most * width));
    // The trie, with each state's parent and class (a parent is made before its children) and the needles
    // it ends.
    const parent: number[] = [0];
    const via: number[] = [0];
    const ends: number[][] = [[]];
    texts.forEach((text, id) => {
      let s = 0;
      for (let j = 0; j < text.length; j++) {
        const k = classOf(text.charCodeAt(j));
        let next = delta[s * width + k]! - 1;
        if (next < 0) {
          next = ends.length;
          delta[s * width + k] = next + 1;
          parent.push(s);
          via.push(k);
          ends.push([]);
        }
        s = next;
      }
      ends[s]!.push(id);
    });
    const count = ends.length;
    // The start state's missing transitions go back to it.
    for (let k = 0; k < width; k++) if (delta[k] === 0) delta[k] = 1;
    // Failure links and outputs by depth: a state's failure state is shallower, so done before it.
    const depth = new Int32Array(count);
    const atDepth = [0];
    for (let s = 1; s < count; s++) {
      const d = (depth[s] = depth[parent[s]!]! + 1);
      atDepth[d] = (atDepth[d] ?? 0) + 1;
    }
    for (let d = 1, n = 0; d < atDepth.length; d++) [atDepth[d], n] = [n, n + atDepth[d]!];
    const byDepth = new Int32Array(count - 1);
    for (let s = 1; s < count; s++) byDepth[atDepth[depth[s]!]!++] = s;
    this.fail = new Int32Array(count);
    const outs: number[][] = new Array(count);
    outs[0] = ends[0]!;
    for (const s of byDepth) {
      const p = parent[s]!;
      this.fail[s] = p === 0 ? 0 : this.go(this.fail[p]!, via[s]!) - 1;
      const inherited = outs[this.fail[s]!]!;
      outs[s] = inherited.length === 0 ? ends[s]! : [...ends[s]!, ...inherited];
    }
    this.outStart = new Int32Array(count + 1);
    const flat: number[] = [];
    for (let s = 0; s < count; s++) {
      this.outStart[s] = flat.length;
      for (const n of outs[s]!) flat.push(n);
    }
    this.outStart[count] = flat.length;
    this.outIds = Int32Array.from(flat);
    this.ends = new Uint8Array(count);
    for (let s = 0; s < count; s++) if (outs[s]!.length > 0) this.ends[s] = 1;
  }

  /** The state the automaton goes to from state `s` on class `k`, plus one; worked out once. */
  go(s: number, k: number): number {
    let next = this.delta[s * this.width + k]!;
    if (next === 0) {
      next = this.go(this.fail[s]!, k);
      this.delta[s * this.width + k] = next;
    }
    return next;
  }
}
