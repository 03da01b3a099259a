import type { Language } from '../../code/languages.js';
import type { RuleSource } from '../../kb/source-schema.js';
import { isSafeToken, tokensOfNode } from './grammar-tokens.js';
import { predicatesOf, readPatterns, unescapeQueryString, type Element } from './query-pattern.js';
import { attachTopLevelPredicates } from './query-text.js';
import { exactTexts, foldAscii, isPunctuationPair, MIN_LITERAL, regexNeedles } from './regex-literals.js';

export { unescapeQueryString } from './query-pattern.js';

/**
 * What a file's text must contain for a rule to have a chance to match: per pattern of the rule's query,
 * clauses that must all hold, each clause a list of needles one of which the text contains. A rule can
 * match only when some pattern has all its clauses hold; a pattern with no clause leaves the rule
 * undecided (undefined: always run). Searching the text for a few strings costs microseconds; running a
 * query over a tree costs a fraction of a millisecond per rule and file, and compiling one costs ten.
 *
 * Where the needles come from, each a bound no match can escape:
 * - `#any-of?`, `#any-eq?` and `#eq?` of a capture against strings: the captured node's text is one of
 *   them (web-tree-sitter passes `#eq?` when the capture is unbound, so that one only where the capture is
 *   bound: see below);
 * - `#match?` and `#any-match?`: the literals every match of the regex contains (regex-literals.ts);
 *   web-tree-sitter fails these when the capture is unbound. `#not-match? @c "^(?!R)"` passes exactly
 *   when the text matches `^(?:R)` (or when @c is unbound): the literals of that regex, where @c is bound;
 * - the pattern's structure (grammar-tokens.ts): a node type whose every node holds a keyword
 *   (`for_statement`: `for`; a JavaScript `for_in_statement`: `for`, and `in` or `of`), an anonymous
 *   node that is always its text (`"sizeof"`, `"<="`);
 * - the rule's `where`: `resolvesTo` names (the qualified name's last segment is text of the file: the
 *   callee's last property, or the import that bound the name), `hasArgument` (the keyword or property
 *   name, and the literals of its `value` regex).
 * Structure and captures count only where every match has them: an element under `?` or `*` gives
 * nothing; an alternation gives one clause joining a clause of each branch, when every branch has one.
 *
 * How a needle is looked for: `word` needles (word characters from `#eq?`/`#any-of?`) as whole words (a
 * node's text never starts or ends inside a word); `keyword` needles (a keyword, or an identifier that is
 * a qualified name's last segment) not followed by a letter, digit or `_` (an identifier is lexed as long
 * as it goes); `alone` keywords (two letters: `in`, `of`) also not preceded by one, but for what a token
 * lexed before the keyword can end with (see NeedleIndex.keywordAlone); `fold` needles (lower case) in the
 * text with its ASCII letters lower-cased; all others as substrings.
 *
 * Needles shorter than MIN_LITERAL are in nearly every file and are not made, except a pair of punctuation
 * characters (`"(`, `<=`: regex-info.ts, isPunctuationPair), a two-letter keyword the grammar tables list
 * (a token, looked for `alone`) and a short resolvesTo segment (at a word's end). A single character never.
 */
export interface Needle {
  readonly text: string;
  readonly word: boolean;
  /** Followed by a character other than a letter, digit or `_` (or by the end of the text). */
  readonly keyword?: boolean;
  /** Looked for in the text with ASCII letters lower-cased (`text` is lower case). */
  readonly fold?: boolean;
  /** A keyword (`keyword` too) not preceded by a letter, digit or `_` either, but after a number or `/`, `#`, `@`, `\`. */
  readonly alone?: boolean;
  /** The runs of word characters in `text`, for the quick absence check. */
  readonly runs: readonly string[];
}

/** How a needle is looked for: w(ord), a(lone), k(eyword), f(old) or s(ubstring). */
export type NeedleKind = 'w' | 'a' | 'k' | 'f' | 's';

export function needleKind(n: Needle): NeedleKind {
  return n.word ? 'w' : n.alone ? 'a' : n.keyword ? 'k' : n.fold ? 'f' : 's';
}

/** The needle of that kind and text (as `needle` makes it). */
export function needleOfKind(kind: NeedleKind, text: string): Needle {
  return needle(text, kind === 'w', { keyword: kind === 'k', alone: kind === 'a', fold: kind === 'f' });
}

function needle(text: string, word: boolean, more: { keyword?: boolean; fold?: boolean; alone?: boolean } = {}): Needle {
  return {
    text,
    word,
    ...((more.keyword || more.alone) && { keyword: true }),
    ...(more.alone && { alone: true }),
    ...(more.fold && { fold: true }),
    runs: text.match(/[\w$]+/g) ?? [],
  };
}

export type Clause = readonly Needle[];

export type Prefilter = readonly (readonly Clause[])[];

/** `language` lets the pattern's node types and anonymous nodes count (grammar-tokens.ts); without it they do not. */
export function rulePrefilter(rule: Pick<RuleSource, 'query' | 'where'> & { readonly language?: Language }): Prefilter | undefined {
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
    const clauses = dedupeClauses([...patternClauses(pattern, rule.language), ...common]);
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
  /** Needles looked up so far, by kind (word needles are a lookup in the word set already). */
  private readonly found = new Map<string, boolean>();
  private readonly foundKeyword = new Map<string, boolean>();
  private readonly foundAlone = new Map<string, boolean>();
  private readonly foundFolded = new Map<string, boolean>();
  private wordSet: Set<string> | undefined;
  private joined: string | undefined;
  private foldedJoined: string | undefined;
  private foldedSource: string | undefined;
  constructor(readonly source: string) {}

  has(needle: Needle): boolean {
    if (needle.word) return this.words().has(needle.text);
    const found = needle.alone ? this.foundAlone : needle.keyword ? this.foundKeyword : needle.fold ? this.foundFolded : this.found;
    let hit = found.get(needle.text);
    if (hit === undefined) {
      hit = this.lookup(needle);
      found.set(needle.text, hit);
    }
    return hit;
  }

  /** `has` without the cache. */
  private lookup(needle: Needle): boolean {
    if (needle.word) return this.words().has(needle.text);
    return needle.alone ? this.keywordAlone(needle.text) : needle.keyword ? this.endsWord(needle.text) : needle.fold ? this.containsFolded(needle) : this.contains(needle);
  }

  passes(prefilter: Prefilter | undefined): boolean {
    return !prefilter || prefilter.some((clauses) => clauses.every((clause) => clause.some((n) => this.has(n))));
  }

  private words(): Set<string> {
    return (this.wordSet ??= new Set(this.source.match(/[\w$]+/g)));
  }

  private joinedWords(): string {
    // Joined with a non-word character, so no run is found across two words.
    return (this.joined ??= [...this.words()].join(' '));
  }

  private contains({ text, runs }: Needle): boolean {
    if (runs.length > 0) {
      const joined = this.joinedWords();
      for (const run of runs) if (!joined.includes(run)) return false;
      if (runs.length === 1 && runs[0] === text && this.words().has(text)) return true;
    }
    return this.source.includes(text);
  }

  /**
   * `text` (word characters) followed by a non-word character or the end: in the joined words, at the end
   * of a word (then a space or the end follows) or before a `$` inside one (`$` is in words, not in \w).
   */
  private endsWord(text: string): boolean {
    if (!WORD.test(text)) {
      // Not a word (`std::size`): where the text has it, followed by anything but a letter, digit or `_`.
      for (let i = this.source.indexOf(text); i >= 0; i = this.source.indexOf(text, i + 1)) {
        if (!/\w/.test(this.source.charAt(i + text.length))) return true;
      }
      return false;
    }
    const joined = this.joinedWords();
    return joined.includes(`${text} `) || joined.endsWith(text) || joined.includes(`${text}$`);
  }

  /**
   * The keyword `text` as a token could be: followed by a character other than a letter, digit or `_`, and
   * preceded by one too, or else inside a run of those characters that a token other than an identifier
   * ends in. The token before a keyword ends right before it; if that token ends with a letter, digit or
   * `_` (the run of them goes on into the keyword) and started in the run, it started with a digit: a token
   * starting with a letter or `_` is an identifier or a keyword (the word rule), lexed as long as the run
   * goes, or a string's prefix, followed by a quote. If it started before the run, it is a number
   * (`1.e5in`: a digit, `.`), regex flags (`/x/g`), a name after `#` or `@` (`#ifdef`, `@interface`) or
   * has an escape (`\u0061`); a string or comment ends with its quote or at a line's end. So: the run is
   * the keyword, or holds a digit before it, or follows `/`, `#`, `@`, `\` or a digit and `.`. A run with
   * a `$` counts as two (in Python `$` is no part of a name): more texts pass, never fewer.
   */
  private keywordAlone(text: string): boolean {
    return this.endsWord(text) && aloneRegex(text).test(this.source);
  }

  /** Folded letter by letter (not toLowerCase, which maps a few characters by context): see regex-literals.ts. */
  private containsFolded({ text, runs }: Needle): boolean {
    this.foldedJoined ??= foldAscii(this.joinedWords());
    for (const run of runs) if (!this.foldedJoined.includes(run)) return false;
    return (this.foldedSource ??= foldAscii(this.source)).includes(text);
  }
}

/** Where NeedleIndex.keywordAlone finds the keyword `text` (letters, digits, `_`: nothing to escape). */
export function aloneRegex(text: string): RegExp {
  return new RegExp(`(?:^|[^\\w]|[0-9]\\w*|(?:[/#@\\\\]|[0-9]\\.)\\w*)${text}(?!\\w)`);
}

const WORD = /^[\w$]+$/;
/** A keyword or identifier as tree-sitter grammars lex it. */
const KEYWORD = /^[A-Za-z_]\w*$/;

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
        needles.push(segmentNeedle(segment));
      }
      if (needles.length > 0 && needles.every((n) => n.text.length >= MIN_LITERAL || n.keyword)) out.push(dedupe(needles));
    } else if ('hasArgument' in c) {
      if (c.hasArgument.length >= MIN_LITERAL) out.push([needle(c.hasArgument, false)]);
      const literals = c.value === undefined ? undefined : regexClause(c.value);
      if (literals) out.push(literals);
    }
  }
  return out;
}

/**
 * A segment of MIN_LITERAL characters or more is looked for as a substring, as ever. A shorter one (`JS` of
 * `html/template.JS`) would be in nearly every file as a substring, but not as the end of a word: the
 * segment is an identifier of the file (the callee's last property, a declared type) or a name in an
 * import, and either is followed by a character that cannot continue an identifier.
 */
function segmentNeedle(segment: string): Needle {
  return segment.length < MIN_LITERAL && segment.length >= 2 && KEYWORD.test(segment) ? needle(segment, false, { keyword: true }) : needle(segment, false);
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
  return needles.filter((n) => {
    const key = needleKey(n);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Tells needles apart: their text and how they are looked for. */
export function needleKey(n: Needle): string {
  return `${needleKind(n)}\0${n.text}`;
}

function clauseKey(clause: Clause): string {
  return clause.map(needleKey).sort().join('\u0001');
}

function dedupeClauses(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = clauseKey(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * A needle for a node's whole text: a word (word characters only) as a whole word; other text that ends
 * with a letter, digit or `_` (`std::size`) followed by a character other than those, since a node's text
 * never ends inside a word (a `std::size_t` holds no node `std::size`); else as a substring.
 */
function exactNeedle(text: string): Needle {
  return WORD.test(text) ? needle(text, true) : /\w$/.test(text) ? needle(text, false, { keyword: true }) : needle(text, false);
}

function regexClause(source: string): Clause | undefined {
  const found = regexNeedles(source);
  return found && found.texts.map((text) => needle(text, false, { fold: found.fold }));
}

/**
 * The regex whose match `#not-match?` with `source` amounts to: `^(?!R)` fails on a text exactly when the
 * text matches `^(?:R)` (no flags: `^` is the start of the text only). Undefined for other shapes. The
 * lookahead must span to the end: otherwise `R` has an unbalanced `)` and does not compile.
 */
export function negatedLookahead(source: string): string | undefined {
  if (!source.startsWith('^(?!') || !source.endsWith(')')) return undefined;
  const inner = source.slice(4, -1);
  try {
    new RegExp(inner);
  } catch {
    return undefined;
  }
  return `^(?:${inner})`;
}

interface Analysis {
  readonly language: Language | undefined;
  /** Per capture: clauses that hold whenever the capture is bound (predicates an unbound capture passes). */
  readonly bound: ReadonlyMap<string, readonly Clause[]>;
}

/** The clauses of one pattern: its predicates' and its structure's. */
function patternClauses(pattern: readonly Element[], language: Language | undefined): Clause[] {
  const always: Clause[] = [];
  const bound = new Map<string, Clause[]>();
  for (const p of predicatesOf(pattern)) {
    const [capture, ...args] = p.args;
    if (!capture?.startsWith('@') || args.length === 0 || args.some((a) => a.startsWith('@'))) continue;
    const name = capture.slice(1);
    const strings = args.map(unescapeQueryString);
    const whenBound = (clause: Clause): void => {
      bound.set(name, [...(bound.get(name) ?? []), clause]);
    };
    if (p.name === 'any-of?' || p.name === 'any-eq?' || p.name === 'eq?') {
      if (strings.some((s) => s.length === 0)) continue;
      const clause = dedupe(strings.map(exactNeedle));
      if (p.name === 'eq?') whenBound(clause);
      else always.push(clause);
    } else if ((p.name === 'match?' || p.name === 'any-match?') && strings.length === 1) {
      const exact = exactTexts(strings[0]!);
      const clause = exact ? dedupe(exact.map(exactNeedle)) : regexClause(strings[0]!);
      if (clause) always.push(clause);
    } else if (p.name === 'not-match?' && strings.length === 1) {
      const positive = negatedLookahead(strings[0]!);
      const exact = positive === undefined ? undefined : exactTexts(positive);
      const clause = exact ? dedupe(exact.map(exactNeedle)) : positive === undefined ? undefined : regexClause(positive);
      if (clause) whenBound(clause);
    }
  }
  const analysis: Analysis = { language, bound };
  return [...always, ...pattern.flatMap((e) => elementClauses(e, analysis))];
}

/** What every match of the element holds, wherever the element is required. */
function elementClauses(e: Element, a: Analysis): Clause[] {
  if (e.suffixes.includes('?') || e.suffixes.includes('*')) return [];
  const out: Clause[] = [];
  for (const s of e.suffixes) if (s.startsWith('@')) out.push(...(a.bound.get(s.slice(1)) ?? []));
  const node = e.node;
  if (node.kind === 'atom') {
    if (node.text.startsWith('"')) out.push(...anonymousTokenClauses(unescapeQueryString(node.text), a.language));
    return out;
  }
  if (node.predicate) return out;
  if (node.kind === '(') {
    const first = node.children[0];
    const type = first?.node.kind === 'atom' && !first.node.text.startsWith('"') && first.suffixes.length === 0 ? first.node.text : undefined;
    // A MISSING node is empty text; what an ERROR node holds, the grammar does not say.
    if (type === 'MISSING' || type === 'ERROR') return out;
    if (type !== undefined && a.language) out.push(...nodeTokenClauses(a.language, type));
    for (const child of type === undefined ? node.children : node.children.slice(1)) out.push(...elementClauses(child, a));
    return out;
  }
  const branches = node.children.filter((c) => !(c.node.kind === '(' && c.node.predicate)).map((c) => dedupeClauses(elementClauses(c, a)));
  if (branches.length === 0 || branches.some((b) => b.length === 0)) return out;
  // Clauses every branch has hold as they are; of the others, a clause of each branch, joined, holds.
  const keys = branches.map((b) => new Set(b.map(clauseKey)));
  const shared = branches[0]!.filter((c) => keys.every((k) => k.has(clauseKey(c))));
  const sharedKeys = new Set(shared.map(clauseKey));
  const rest = branches.map((b) => b.filter((c) => !sharedKeys.has(clauseKey(c))));
  out.push(...shared);
  if (rest.every((b) => b.length > 0)) out.push(dedupe(rest.flatMap((b) => [...bestClause(b)])));
  return out;
}

/** The clause that filters most: long needles first, then few. */
function bestClause(clauses: readonly Clause[]): Clause {
  const shortest = (c: Clause): number => Math.min(...c.map((n) => n.text.length), 8);
  return clauses.reduce((best, c) => {
    const d = shortest(c) - shortest(best);
    return d > 0 || (d === 0 && c.length < best.length) ? c : best;
  });
}

/** An anonymous node (`"sizeof"`, `"<="`) as a clause, when it is one of the language's safe anonymous nodes (grammar-tokens.ts). */
function anonymousTokenClauses(token: string, language: Language | undefined): Clause[] {
  const needle = language && isSafeToken(language, token) ? tokenNeedle(token) : undefined;
  return needle ? [[needle]] : [];
}

/** A token as a needle: of MIN_LITERAL characters or more, a pair of punctuation characters, or a two-letter keyword (`alone`). */
function tokenNeedle(token: string): Needle | undefined {
  const keyword = KEYWORD.test(token);
  if (token.length >= MIN_LITERAL) return needle(token, false, { keyword });
  if (keyword && token.length === 2) return needle(token, false, { alone: true });
  return isPunctuationPair(token) ? needle(token, false) : undefined;
}

/** A node type's groups of tokens as clauses: a group of which one is always in the node's text; unusable tokens spoil their group. */
function nodeTokenClauses(language: Language, type: string): Clause[] {
  const out: Clause[] = [];
  for (const group of tokensOfNode(language, type)) {
    const needles = group.map(tokenNeedle);
    if (needles.every((n) => n !== undefined)) out.push(dedupe(needles as Needle[]));
  }
  return out;
}
