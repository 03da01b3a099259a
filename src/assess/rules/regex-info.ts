/**
 * The set algebra behind regex-literals.ts: what is known about the strings a part of a regex matches
 * (exactly, or the strings every match contains, starts with, ends with), and how sequences, alternatives
 * and repetitions combine it. Every set here is a bound every match obeys; a part it cannot bound is ANY.
 */

/** Shorter literals are in almost every file: they filter nothing and cost a search (but see shortNeedle). */
export const MIN_LITERAL = 3;

/**
 * A needle shorter than MIN_LITERAL that still filters: two characters neither of which is a word
 * character, `$` or white space (`"(`, `'"`, `<=`, `][`). Most files lack any given pair of punctuation
 * characters, where a pair with a letter (`in`, `ab`) or a single character is in nearly every file.
 */
export function isPunctuationPair(s: string): boolean {
  return s.length === 2 && /^[^\w\s$]{2}$/.test(s);
}

/** How much one literal filters: its length, except that a short one filters nothing unless a punctuation pair. */
function strength(s: string): number {
  if (s.length >= MIN_LITERAL) return s.length;
  return isPunctuationPair(s) ? 2 : Math.min(s.length, 1);
}

/** The least a required set must score to be worth a search (a punctuation pair scores 2). */
export const MIN_SCORE = 2;
/** Expansions (`[Pp][Ww]`, alternations in sequence) beyond this many strings are given up. */
const MAX_STRINGS = 32;

export type Strings = ReadonlySet<string>;

export interface Info {
  /** Every string the node can match, when that set is small and known. */
  readonly exact?: Strings;
  /** One of these is a substring of every string the node matches. */
  readonly required?: Strings;
  /** Every non-empty string the node matches starts with one of these (none of them empty). */
  readonly prefix?: Strings;
  /** Every non-empty string the node matches ends with one of these (none of them empty). */
  readonly suffix?: Strings;
  /** True when the node never matches the empty string (without it: it may). */
  readonly nonEmpty?: boolean;
}

/** Some text, possibly none (a backreference, `\w*`). */
export const ANY: Info = {};
/** One character of a set too large to list (`.`, `\w`, `[a-z]`). */
export const ANY_CHAR: Info = { nonEmpty: true };
export const EMPTY: Info = { exact: new Set(['']) };

/** How selective a requirement is: its weakest alternative (see strength). */
export function score(set: Strings): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, strength(s));
  return set.size === 0 ? 0 : min;
}

function better(a: Strings | undefined, b: Strings | undefined): Strings | undefined {
  if (!a || score(a) === 0) return b && score(b) > 0 ? b : undefined;
  if (!b || score(b) === 0) return a;
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return a.size <= b.size ? a : b;
}

function nonEmpty(info: Info): boolean {
  return info.exact ? !info.exact.has('') : info.nonEmpty === true;
}

function prefixOf(info: Info): Strings | undefined {
  return info.exact && !info.exact.has('') ? info.exact : info.prefix;
}

function suffixOf(info: Info): Strings | undefined {
  return info.exact && !info.exact.has('') ? info.exact : info.suffix;
}

/**
 * The best set one of whose strings every match contains: exact strings are such a set, and so are
 * prefixes and suffixes when the node never matches the empty string.
 */
export function requirement(info: Info): Strings | undefined {
  const ends = nonEmpty(info) ? better(info.prefix, info.suffix) : undefined;
  return better(better(info.required, info.exact), ends);
}

function product(a: Strings, b: Strings): Set<string> | undefined {
  if (a.size * b.size > MAX_STRINGS) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function union(a: Strings, b: Strings): Set<string> | undefined {
  const out = new Set([...a, ...b]);
  return out.size > MAX_STRINGS ? undefined : out;
}

/**
 * A required set without the strings that contain another member: a text containing such a string
 * contains that member too, so the set holds for the same texts.
 */
export function minimal(set: Strings): Strings {
  const sorted = [...set].sort((x, y) => x.length - y.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.length === set.size ? set : new Set(kept);
}

function requiredUnion(a: Strings, b: Strings): Strings | undefined {
  const out = minimal(new Set([...a, ...b]));
  return out.size > MAX_STRINGS ? undefined : out;
}

/**
 * A run of items one after the other. `tail`: strings one of which the text matched so far ends with
 * (exact items extend it; an item known only by its prefixes extends it one last time; an item known by its
 * suffixes starts a new one). Every tail, and every item's requirement, is a candidate; the best wins.
 */
export function sequence(items: readonly Info[]): Info {
  let head: Strings = new Set(['']);
  let headOpen = true;
  let tail: Strings = new Set(['']);
  let best: Strings | undefined;
  for (const item of items) {
    if (item.exact) {
      const joined = product(tail, item.exact);
      if (joined) tail = joined;
      else {
        best = better(best, tail);
        tail = item.exact;
      }
      if (headOpen) {
        const h = product(head, item.exact);
        if (h) head = h;
        else headOpen = false;
      }
      continue;
    }
    best = better(best, tail);
    const prefix = prefixOf(item);
    const full = nonEmpty(item);
    // A tail too short to filter anything, followed by what the item starts with: a longer literal.
    if (prefix && full && score(tail) < MIN_LITERAL) best = better(best, product(tail, prefix));
    if (headOpen) {
      if (prefix && full) head = product(head, prefix) ?? head;
      headOpen = false;
    }
    best = better(best, requirement(item));
    const suffix = suffixOf(item);
    // Text matched so far ends with the item's suffix, or (when the item may match nothing) the old tail.
    tail = !suffix ? new Set(['']) : full ? suffix : (union(tail, suffix) ?? new Set(['']));
  }
  best = better(best, tail);
  const nonempty = items.some(nonEmpty);
  const informative = (s: Strings): Strings | undefined => (s.has('') ? undefined : s);
  if (headOpen) return { exact: head, required: best && minimal(best) };
  return { required: best && minimal(best), prefix: informative(head), suffix: informative(tail), nonEmpty: nonempty };
}

export function alternatives(branches: readonly Info[]): Info {
  let exact: Strings | undefined = new Set<string>();
  let required: Strings | undefined = new Set<string>();
  let prefix: Strings | undefined = new Set<string>();
  let suffix: Strings | undefined = new Set<string>();
  for (const b of branches) {
    exact = exact && b.exact && union(exact, b.exact);
    const r = requirement(b);
    required = required && r && requiredUnion(required, r);
    const p = prefixOf(b);
    prefix = prefix && p && union(prefix, p);
    const s = suffixOf(b);
    suffix = suffix && s && union(suffix, s);
  }
  return { exact, required, prefix, suffix, nonEmpty: branches.every(nonEmpty) };
}

export function repeat(item: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && item.exact) return { exact: union(item.exact, new Set([''])) };
    // Possibly nothing; when something, it ends the way the item ends.
    return { suffix: suffixOf(item) };
  }
  let exact: Strings | undefined;
  if (max === min && item.exact) {
    exact = item.exact;
    for (let i = 1; i < min && exact; i++) exact = product(exact, item.exact);
  }
  return { exact, required: requirement(item), prefix: prefixOf(item), suffix: suffixOf(item), nonEmpty: nonEmpty(item) };
}

/** ASCII letters lower-cased, nothing else: the same length, character for character. */
export function foldAscii(s: string): string {
  // toLowerCase maps a few other characters too (some by context, `Σ`), but on ASCII text it is this.
  return /[^\x00-\x7f]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase();
}
