import type { RuleSource } from '../../kb/source-schema.js';
import { attachTopLevelPredicates } from './query-text.js';
import { MIN_LITERAL, requiredLiterals } from './regex-literals.js';

/**
 * What a file's text must contain for a rule to have a chance to match: per pattern of the rule's query,
 * clauses that must all hold, each clause a list of needles one of which the text contains. A rule can
 * match only when some pattern has all its clauses hold; a pattern with no clause leaves the rule
 * undecided (undefined: always run). Searching the text for a few strings costs microseconds; running a
 * query over a tree costs a fraction of a millisecond per rule and file, and compiling one costs ten.
 *
 * Where the needles come from, each a bound no match can escape:
 * - `#any-of?`, `#any-eq?` and `#eq?` of a capture against strings: the captured node's text is one of
 *   them (web-tree-sitter passes `#eq?` when the capture is unbound, so only for captures every match of
 *   the pattern binds: not under `?` or `*`, not in one branch of an alternation);
 * - `#match?` and `#any-match?`: the literals every match of the regex contains (regex-literals.ts);
 *   web-tree-sitter fails these when the capture is unbound;
 * - the rule's `where`: `resolvesTo` names (the qualified name's last segment is text of the file: the
 *   callee's last property, or the import that bound the name), `hasArgument` (the keyword or property
 *   name, and the literals of its `value` regex).
 * Needles made of word characters from `#eq?`/`#any-of?` must occur as whole words (a node's text never
 * starts or ends inside a word); all others as substrings.
 */
export interface Needle {
  readonly text: string;
  readonly word: boolean;
  /** The runs of word characters in `text`, for the quick absence check. */
  readonly runs: readonly string[];
}

function needle(text: string, word: boolean): Needle {
  return { text, word, runs: text.match(/[\w$]+/g) ?? [] };
}

export type Clause = readonly Needle[];

export type Prefilter = readonly (readonly Clause[])[];

export function rulePrefilter(rule: Pick<RuleSource, 'query' | 'where'>): Prefilter | undefined {
  let patterns: Element[][];
  try {
    patterns = readPatterns(attachTopLevelPredicates(rule.query));
  } catch {
    return undefined;
  }
  if (patterns.length === 0) return undefined;
  const common = whereClauses(rule.where);
  const out: Clause[][] = [];
  for (const pattern of patterns) {
    const clauses = [...predicateClauses(pattern), ...common];
    if (clauses.length === 0) return undefined;
    out.push(clauses);
  }
  return out;
}

/**
 * A per-file cache of needle lookups, shared by the rules of one file. Most needles are absent from most
 * files, so absence is decided first on the file's distinct words (a Set, and those words joined: a
 * fraction of the text's length): a needle occurs only if each run of word characters in it occurs inside
 * some word of the file. Only a needle that passes is searched for in the whole text.
 */
export class NeedleIndex {
  /** Substring needles looked up so far (word needles are a lookup in the word set already). */
  private readonly found = new Map<string, boolean>();
  private wordSet: Set<string> | undefined;
  private joined: string | undefined;
  constructor(readonly source: string) {}

  has(needle: Needle): boolean {
    if (needle.word) return this.words().has(needle.text);
    let hit = this.found.get(needle.text);
    if (hit === undefined) {
      hit = this.contains(needle);
      this.found.set(needle.text, hit);
    }
    return hit;
  }

  passes(prefilter: Prefilter | undefined): boolean {
    return !prefilter || prefilter.some((clauses) => clauses.every((clause) => clause.some((n) => this.has(n))));
  }

  private words(): Set<string> {
    return (this.wordSet ??= new Set(this.source.match(/[\w$]+/g)));
  }

  private contains({ text, runs }: Needle): boolean {
    if (runs.length > 0) {
      // Joined with a non-word character, so no run is found across two words.
      this.joined ??= [...this.words()].join(' ');
      for (const run of runs) if (!this.joined.includes(run)) return false;
      if (runs.length === 1 && runs[0] === text && this.words().has(text)) return true;
    }
    return this.source.includes(text);
  }
}

const WORD = /^[\w$]+$/;

function whereClauses(where: RuleSource['where']): Clause[] {
  const out: Clause[] = [];
  for (const c of where) {
    if ('resolvesTo' in c) {
      const needles: Needle[] = [];
      for (const name of c.resolvesTo) {
        const segment = lastSegment(name);
        if (!segment) {
          needles.length = 0;
          break;
        }
        needles.push(needle(segment, false));
      }
      if (needles.length > 0 && needles.every((n) => n.text.length >= MIN_LITERAL)) out.push(dedupe(needles));
    } else if ('hasArgument' in c) {
      if (c.hasArgument.length >= MIN_LITERAL) out.push([needle(c.hasArgument, false)]);
      const literals = c.value === undefined ? undefined : requiredLiterals(c.value);
      if (literals) out.push(literals.map((text) => needle(text, false)));
    }
  }
  return out;
}

/**
 * The text every qualified name that matches `name` ends with (nameMatches in src/facets/imports.ts), or
 * undefined. For `prefix.*`, the prefix's last segment, except Java's `java.lang`, which the resolver adds
 * to bare names of java.lang classes without the file saying it.
 */
function lastSegment(name: string): string | undefined {
  let n = name.replace(/^node:/, '').replace(/^::/, '');
  if (n.endsWith('.*')) {
    n = n.slice(0, -2);
    if (n === 'java' || n === 'java.lang') return undefined;
  }
  const segment = n.split(/\.|::|\/|->/).pop();
  return segment && WORD.test(segment) ? segment : undefined;
}

function dedupe(needles: Needle[]): Needle[] {
  const seen = new Set<string>();
  return needles.filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)));
}

function predicateClauses(pattern: readonly Element[]): Clause[] {
  const mandatory = mandatoryCaptures(pattern, '(');
  const out: Clause[] = [];
  for (const p of predicatesOf(pattern)) {
    const [capture, ...args] = p.args;
    if (!capture?.startsWith('@') || args.length === 0 || args.some((a) => a.startsWith('@'))) continue;
    const strings = args.map(unescapeQueryString);
    if (p.name === 'any-of?' || p.name === 'any-eq?' || (p.name === 'eq?' && mandatory.has(capture.slice(1)))) {
      if (strings.some((s) => s.length === 0)) continue;
      out.push(dedupe(strings.map((text) => needle(text, WORD.test(text)))));
    } else if ((p.name === 'match?' || p.name === 'any-match?') && strings.length === 1) {
      const literals = requiredLiterals(strings[0]!);
      if (literals) out.push(literals.map((text) => needle(text, false)));
    }
  }
  return out;
}

// --- A reader of tree-sitter query patterns: just enough structure for captures and predicates. ---

interface Element {
  readonly node: Group | Atom;
  /** Captures (`@name`) and quantifiers (`?`, `*`, `+`) after the node, in order. */
  readonly suffixes: readonly string[];
}

interface Group {
  readonly kind: '(' | '[';
  readonly children: readonly Element[];
  /** `(#name? args...)`: a predicate, with its arguments as written (strings still quoted). */
  readonly predicate?: { readonly name: string; readonly args: readonly string[] };
}

interface Atom {
  readonly kind: 'atom';
  readonly text: string;
}

/** Splits a query into its top-level patterns, as tree-sitter counts them (a top-level `[...]` is one). */
function readPatterns(query: string): Element[][] {
  const reader = new QueryReader(query);
  const out: Element[][] = [];
  for (;;) {
    const element = reader.element();
    if (!element) break;
    out.push([element]);
  }
  return out;
}

class QueryReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private skipSpace(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ';') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (/\s/.test(c)) this.i++;
      else break;
    }
  }

  /** The next element, or undefined at the end or before a closing bracket. */
  element(): Element | undefined {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === undefined || c === ')' || c === ']') return undefined;
    let node: Group | Atom;
    if (c === '(' || c === '[') node = this.group(c);
    else if (c === '"') node = { kind: 'atom', text: this.string() };
    else node = { kind: 'atom', text: this.word() };
    const suffixes: string[] = [];
    for (;;) {
      this.skipSpace();
      const d = this.s[this.i];
      if (d === '?' || d === '*' || d === '+') {
        suffixes.push(d);
        this.i++;
      } else if (d === '@') suffixes.push(this.word());
      else break;
    }
    return { node, suffixes };
  }

  private group(open: '(' | '['): Group {
    this.i++;
    const close = open === '(' ? ')' : ']';
    this.skipSpace();
    if (open === '(' && this.s[this.i] === '#') {
      const name = this.word().slice(1);
      const args: string[] = [];
      for (;;) {
        this.skipSpace();
        const c = this.s[this.i];
        if (c === undefined) throw new Error('unclosed predicate');
        if (c === ')') break;
        args.push(c === '"' ? this.string() : this.word());
      }
      this.i++;
      return { kind: '(', children: [], predicate: { name, args } };
    }
    const children: Element[] = [];
    for (;;) {
      const child = this.element();
      if (!child) break;
      children.push(child);
    }
    if (this.s[this.i] !== close) throw new Error(`expected ${close}`);
    this.i++;
    return { kind: open, children };
  }

  private string(): string {
    const start = this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) throw new Error('unclosed string');
    this.i++;
    return this.s.slice(start, this.i);
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.s.length && !/[\s()[\]"@;?*+]/.test(this.s[this.i]!)) this.i++;
    // A capture name or a predicate name keeps its `?` / leading `@`: `@x`, `#eq?`.
    if (this.s[start] === '@' && this.i === start) this.i++;
    if (this.s[start] === '@') while (this.i < this.s.length && /[\w.-]/.test(this.s[this.i]!)) this.i++;
    if (this.s[start] === '#' && this.s[this.i] === '?') this.i++;
    if (this.i === start) throw new Error(`unexpected ${this.s[this.i]}`);
    return this.s.slice(start, this.i);
  }
}

/** tree-sitter's string escapes: `\n`, `\r`, `\t`, `\0`; any other escaped character stands for itself. */
export function unescapeQueryString(quoted: string): string {
  const body = quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
  return body.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '0' ? '\0' : c));
}

function predicatesOf(elements: readonly Element[]): { name: string; args: readonly string[] }[] {
  const out: { name: string; args: readonly string[] }[] = [];
  const visit = (e: Element): void => {
    if (e.node.kind === 'atom') return;
    if (e.node.predicate) out.push(e.node.predicate);
    e.node.children.forEach(visit);
  };
  elements.forEach(visit);
  return out;
}

/** Captures every match binds: a sequence binds what any element binds, an alternation what all branches bind. */
function mandatoryCaptures(elements: readonly Element[], kind: '(' | '['): Set<string> {
  const sets = elements.filter((e) => !(e.node.kind === '(' && e.node.predicate)).map(elementCaptures);
  if (kind === '(') return new Set(sets.flatMap((s) => [...s]));
  if (sets.length === 0) return new Set();
  return new Set([...sets[0]!].filter((c) => sets.every((s) => s.has(c))));
}

function elementCaptures(e: Element): Set<string> {
  if (e.suffixes.includes('?') || e.suffixes.includes('*')) return new Set();
  const own = e.suffixes.filter((s) => s.startsWith('@')).map((s) => s.slice(1));
  const inner = e.node.kind === 'atom' ? new Set<string>() : mandatoryCaptures(e.node.children, e.node.kind);
  for (const c of own) inner.add(c);
  return inner;
}
