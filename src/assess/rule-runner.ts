import { CaptureQuantifier, Query, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { Grammar } from '../code/languages.js';
import type { ImportMap } from '../facets/imports.js';
import type { KbRule } from '../kb/model.js';
import type { RuleRunner } from './rule-book.js';
import { checkedWithoutQuery, compileLoaded, type LoadedGrammar } from './rules/compile.js';
import type { PrefilterSet } from './rules/prefilter-set.js';
import { attachTopLevelPredicates } from './rules/query-text.js';
import { matchSession } from './rules/run.js';
import type { CompiledRule } from './rules/types.js';

/**
 * The rule book's runner for one grammar. Three shortcuts, none of which changes a result:
 *
 * 1. Prefilters (rules/prefilter.ts): a rule runs on a file only when the file's text holds what every
 *    match of the rule needs; most files keep a handful of a language's hundred rules.
 * 2. Lazy compilation: nothing is compiled before a file needs it (tens of milliseconds a rule for the
 *    larger grammars: compiling all of them cost more than scanning a few hundred files).
 * 3. Combined queries: the live rules of a file are compiled into one query, which walks the tree once
 *    instead of once per rule (three to four times faster), and costs less to compile than the rules'
 *    own queries. Its matches are handed out rule by rule, in rule order, as if each rule's own query had
 *    run. A rule's own query is not compiled at all when combined queries cover it: the combined query
 *    tells which of its patterns are the rule's and which captures they define, which is what compiling
 *    the rule checks (see `validate`). Files of one project keep the same few sets of live rules; a set
 *    that a combined query already covers runs on it (matches of the other rules are dropped: a
 *    pattern's matches do not depend on the other patterns of the query, and a rule the prefilters
 *    rule out costs microseconds a file), with a rule or two it lacks on their own queries; see
 *    CombinedQueries for when a set gets its own. The number of combined queries is bounded.
 *
 * A rule that does not compile is listed in `broken` (when a file first needs it) and never runs: a
 * combined query that does not compile sends its rules to be compiled one by one, which finds the culprit
 * and its error message.
 */
export function lazyRuleRunner(
  sources: readonly KbRule[],
  grammar: Grammar,
  loaded: ReadonlyMap<Grammar, LoadedGrammar>,
  broken: Map<string, string>,
  /** The prefilters of `sources`, in their order (the rule book's, which RuleBook.mayMatch asks too). */
  prefilters: PrefilterSet,
): RuleRunner {
  const own = loaded.get(grammar)!;
  // A rule's query text is worked out when a combined query first takes the rule (most never run).
  const rules: LazyRule[] = sources.map((source, index) => ({
    source,
    index,
    get text() {
      return queryText(source);
    },
  }));
  const byId = new Map(rules.map((r) => [r.source.id, r]));
  const compiledList: CompiledRule[] = [];
  const settle = (rule: LazyRule, make: () => CompiledRule): CompiledRule | undefined => {
    if (rule.compiled === undefined) {
      try {
        rule.compiled = make();
        compiledList.push(rule.compiled);
      } catch (error) {
        rule.compiled = null;
        broken.set(rule.source.id, (error as Error).message);
      }
    }
    return rule.compiled ?? undefined;
  };
  /** The rule's own query, compiled: the authority on whether it compiles and why not. */
  const compile = (rule: LazyRule): CompiledRule | undefined => settle(rule, () => compileLoaded(rule.source, loaded));

  // The last two texts: a file, and the edited file a fix verification checks, alternately.
  const recent: { source: string; live: LazyRule[] }[] = [];
  /** The rules whose prefilters the text passes, compiled or not (whether they compile is not asked). */
  const candidates = (source: string, known?: readonly number[]): LazyRule[] => {
    let hit = recent.find((r) => r.source === source);
    if (!hit) {
      hit = { source, live: (known ?? prefilters.passing(source)).map((k) => rules[k]!) };
      if (recent.unshift(hit) > 2) recent.pop();
    }
    return hit.live;
  };
  const live = (source: string): LazyRule[] => candidates(source).filter((r) => r.compiled !== null);

  let lastImports: { readonly tree: Tree; readonly imports: ImportMap } | undefined;
  const combos = new CombinedQueries(own, compile, (rule, captures) => settle(rule, () => checkedWithoutQuery(rule.source, grammar, own, captures)));
  return {
    get rules() {
      return compiledList;
    },
    size: rules.length,
    run(input) {
      // Fix verification runs on the file's tree again (its unit's lines): the imports read from a tree do not change.
      const known = input.imports ?? (lastImports && (lastImports.tree === input.tree || lastImports.tree === input.importsOf) ? lastImports.imports : undefined);
      const session = matchSession(known ? { ...input, imports: known } : input);
      const candidates = live(input.source);
      const combo = combos.for(candidates);
      // Rules the combined query holds were checked when it was built; the others are compiled here.
      const set = candidates.filter((r) => (combo?.members.has(r) ? r.compiled !== null : compile(r)));
      const byRule: QueryMatch[][] = set.map(() => []);
      if (combo) {
        const slot = new Map(set.map((r, k) => [r, k]));
        for (const m of combo.query.matches(input.tree.rootNode, session.options)) {
          const k = slot.get(combo.ruleOfPattern[m.patternIndex]!);
          if (k !== undefined) byRule[k]!.push(m);
        }
      }
      set.forEach((rule, k) => {
        if (!combo?.members.has(rule)) byRule[k] = rule.compiled!.queries.get(grammar)!.matches(input.tree.rootNode, session.options);
        for (const m of byRule[k]!) session.accept(rule.compiled!, m);
      });
      const imports = session.resolvedImports();
      if (imports && imports !== known) lastImports = { tree: input.tree, imports };
      return session.results();
    },
    // From the prefilters alone, not from which rules turned out not to compile: the answer for a text
    // does not depend on the files this runner saw before (a scan skips parsing on it, on any thread).
    mayMatch: (source) => candidates(source).length > 0,
    remember: (source, known) => void candidates(source, known),
    compiled(ruleId) {
      const rule = byId.get(ruleId);
      return rule && compile(rule);
    },
  };
}

/** A rule's query text as compiled, worked out once per rule (TypeScript rules serve two grammars). */
const queryTexts = new WeakMap<KbRule, string>();
function queryText(rule: KbRule): string {
  let text = queryTexts.get(rule);
  if (text === undefined) queryTexts.set(rule, (text = attachTopLevelPredicates(rule.query)));
  return text;
}

interface LazyRule {
  readonly source: KbRule;
  readonly index: number;
  /** The query text as compiled (top-level predicates attached). */
  readonly text: string;
  /** Undefined: not checked yet; null: does not compile (listed in `broken`). */
  compiled?: CompiledRule | null;
}

interface Combo {
  readonly query: Query;
  /** For each pattern of the combined query, its rule. */
  readonly ruleOfPattern: readonly LazyRule[];
  readonly members: ReadonlySet<LazyRule>;
}

/** At most this many combined queries per grammar: each costs about what compiling its rules costs. */
const MAX_COMBOS = 24;
/** Rules of a set that may run on their own queries beside a combined query that holds the others. */
const MAX_OUTSIDE = 2;

/**
 * Combined queries, and which serves which set of live rules: the one that holds most of the set (then
 * the smallest), when at most MAX_OUTSIDE rules of the set are not in it (they run on their own queries) and
 * it holds at most as many other rules as the set has; else one compiled for the set. A query that serves
 * the set less well than that serves it once; if the set comes back it gets its own (at most MAX_COMBOS,
 * then the best there is serves). Sets that an edit by a fix makes (a rule or two more live) thus run on
 * the file's query. Every rule of a combined query is checked (the `validate` callback) when the query is
 * built. Rules of the set that the query returned does not hold (all of them when none is) run on their
 * own queries.
 */
class CombinedQueries {
  private readonly combos: Combo[] = [];
  /**
   * Per set of rules: the query that serves it for good, null when its rules run on their own queries for
   * good (they do not combine), or how often it was served by a worse query.
   */
  private readonly decided = new Map<string, Combo | null | number>();
  constructor(
    private readonly loaded: LoadedGrammar,
    private readonly compileAlone: (rule: LazyRule) => CompiledRule | undefined,
    private readonly validate: (rule: LazyRule, captures: ReadonlySet<string>) => CompiledRule | undefined,
  ) {}

  for(rules: readonly LazyRule[]): Combo | undefined {
    if (rules.length === 0) return undefined;
    const key = rules.map((r) => r.index).join(',');
    const known = this.decided.get(key);
    if (typeof known === 'object') return known ?? undefined;
    let best: Combo | undefined;
    let held = 0;
    for (const c of this.combos) {
      let n = 0;
      for (const r of rules) if (c.members.has(r)) n++;
      if (n > held || (n > 0 && n === held && c.members.size < best!.members.size)) {
        best = c;
        held = n;
      }
    }
    const near = best !== undefined && rules.length - held <= MAX_OUTSIDE;
    if (near && best!.members.size - held <= rules.length) {
      this.decided.set(key, best!);
      return best;
    }
    const seen = known ?? 0;
    const full = this.combos.length >= MAX_COMBOS;
    if ((near && seen === 0) || full) {
      this.decided.set(key, seen + 1);
      return best;
    }
    const combo = this.build(rules);
    this.decided.set(key, combo ?? null);
    return combo;
  }

  private build(rules: readonly LazyRule[], retry = true): Combo | undefined {
    let query: Query;
    try {
      query = new Query(this.loaded.language, rules.map((r) => r.text).join('\n'));
    } catch {
      // Some rule does not compile: its own query says which, and why.
      const good = rules.filter((r) => this.compileAlone(r));
      return retry && good.length > 0 && good.length < rules.length ? this.build(good, false) : undefined;
    }
    const ruleOfPattern = patternOwners(query, rules);
    if (!ruleOfPattern) {
      // The patterns do not line up with the rules' texts: let each rule's own query decide.
      query.delete();
      for (const r of rules) this.compileAlone(r);
      return undefined;
    }
    for (const rule of rules) {
      if (rule.compiled !== undefined) continue;
      const captures = patternCaptures(query, ruleOfPattern, rule);
      // A capture a predicate names but the rule's patterns do not define: only the rule's own query
      // tells whether that compiles.
      if (!captureReferences(rule.text).every((name) => captures.has(name))) this.compileAlone(rule);
      else if (!this.validate(rule, captures)) this.compileAlone(rule); // the same error, worded as compileLoaded words it
    }
    const combo = { query, ruleOfPattern, members: new Set(rules) };
    this.combos.push(combo);
    return combo;
  }
}

/**
 * The rule of each pattern of a query compiled from the rules' texts joined by newlines, from the byte
 * range of each pattern in the query's source (a pattern's range runs on over the blanks and comments
 * after it). Undefined when a pattern does not lie within one rule's text or a rule has no pattern: then
 * the query is not what the rules' own queries are.
 */
function patternOwners(query: Query, rules: readonly LazyRule[]): LazyRule[] | undefined {
  const ends: number[] = [];
  const limits: number[] = [];
  let offset = 0;
  for (const r of rules) {
    offset += Buffer.byteLength(r.text, 'utf8');
    ends.push(offset);
    offset += 1;
  }
  rules.forEach((_, k) => limits.push(k + 1 < rules.length ? ends[k]! + 1 + leadingTrivia(rules[k + 1]!.text) : Infinity));
  const owners: LazyRule[] = [];
  const counts = new Array<number>(rules.length).fill(0);
  let k = 0;
  for (let p = 0, n = query.patternCount(); p < n; p++) {
    const start = query.startIndexForPattern(p);
    while (k < rules.length && start >= ends[k]!) k++;
    if (k === rules.length || query.endIndexForPattern(p) > limits[k]!) return undefined;
    owners.push(rules[k]!);
    counts[k]!++;
  }
  return counts.every((c) => c > 0) ? owners : undefined;
}

/** UTF-8 bytes of blanks and `;` comments at the start of a query text. */
function leadingTrivia(text: string): number {
  const m = /^(?:\s|;[^\n]*)*/.exec(text)!;
  return Buffer.byteLength(m[0], 'utf8');
}

/** The captures the rule's patterns define (in a query of its own: its capture names). */
function patternCaptures(query: Query, owners: readonly LazyRule[], rule: LazyRule): Set<string> {
  const names = new Set<string>();
  owners.forEach((owner, p) => {
    if (owner !== rule) return;
    query.captureQuantifiers[p]!.forEach((q, id) => {
      if (q !== CaptureQuantifier.Zero) names.add(query.captureNames[id]!);
    });
  });
  return names;
}

/** Every `@name` of a query text outside strings and comments. */
function captureReferences(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '@') {
      const m = /^[^\s()[\]"]+/.exec(text.slice(i + 1));
      if (m) out.push(m[0]);
    }
  }
  return out;
}
