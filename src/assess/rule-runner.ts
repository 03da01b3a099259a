import { Query, type QueryMatch } from 'web-tree-sitter';
import type { Grammar } from '../code/languages.js';
import type { KbRule } from '../kb/model.js';
import type { RuleRunner } from './rule-book.js';
import { compileLoaded, type LoadedGrammar } from './rules/compile.js';
import { NeedleIndex, rulePrefilter, type Prefilter } from './rules/prefilter.js';
import { attachTopLevelPredicates } from './rules/query-text.js';
import { matchSession } from './rules/run.js';
import type { CompiledRule } from './rules/types.js';

/**
 * The rule book's runner for one grammar. Three shortcuts, none of which changes a result:
 *
 * 1. Prefilters (rules/prefilter.ts): a rule runs on a file only when the file's text holds what every
 *    match of the rule needs; most files keep a handful of a language's hundred rules.
 * 2. Lazy compilation: a rule's query is compiled the first time a file needs it (tens of milliseconds a
 *    rule for the larger grammars: compiling all of them cost more than scanning a few hundred files).
 * 3. Combined queries: files of one project tend to keep the same few rules; when a set of live rules
 *    comes back, their patterns are compiled into one query, which walks the tree once instead of once per
 *    rule (three to four times faster). Its matches are handed out rule by rule, in rule order, as if each
 *    rule's own query had run. The number of such queries is bounded: a project where every file keeps a
 *    different set falls back to the rules' own queries.
 *
 * A rule that does not compile is listed in `broken` (when a file first needs it) and never runs.
 */
export function lazyRuleRunner(
  sources: readonly KbRule[],
  grammar: Grammar,
  loaded: ReadonlyMap<Grammar, LoadedGrammar>,
  broken: Map<string, string>,
): RuleRunner {
  const rules: LazyRule[] = sources.map((source, index) => ({ source, index, prefilter: rulePrefilter(source) }));
  const byId = new Map(rules.map((r) => [r.source.id, r]));
  const compiledList: CompiledRule[] = [];
  const compile = (rule: LazyRule): CompiledRule | undefined => {
    if (rule.compiled === undefined) {
      try {
        rule.compiled = compileLoaded(rule.source, loaded);
        compiledList.push(rule.compiled);
      } catch (error) {
        rule.compiled = null;
        broken.set(rule.source.id, (error as Error).message);
      }
    }
    return rule.compiled ?? undefined;
  };

  // The last two texts: a file, and the edited file a fix verification checks, alternately.
  const recent: { source: string; live: LazyRule[] }[] = [];
  const live = (source: string): LazyRule[] => {
    let hit = recent.find((r) => r.source === source);
    if (!hit) {
      const index = new NeedleIndex(source);
      hit = { source, live: rules.filter((r) => index.passes(r.prefilter)) };
      if (recent.unshift(hit) > 2) recent.pop();
    }
    return hit.live.filter((r) => r.compiled !== null);
  };

  const combos = new CombinedQueries(grammar, loaded.get(grammar)!);
  return {
    get rules() {
      return compiledList;
    },
    size: rules.length,
    run(input) {
      const session = matchSession(input);
      const compiled: CompiledRule[] = [];
      for (const rule of live(input.source)) {
        const c = compile(rule);
        if (c) compiled.push(c);
      }
      const combo = combos.for(compiled);
      if (combo) {
        const byRule: QueryMatch[][] = compiled.map(() => []);
        for (const m of combo.query.matches(input.tree.rootNode, session.options)) byRule[combo.ruleOfPattern[m.patternIndex]!]!.push(m);
        compiled.forEach((rule, k) => {
          for (const m of byRule[k]!) session.accept(rule, m);
        });
      } else {
        for (const rule of compiled) {
          for (const m of rule.queries.get(grammar)!.matches(input.tree.rootNode, session.options)) session.accept(rule, m);
        }
      }
      return session.results();
    },
    mayMatch: (source) => live(source).length > 0,
    compiled(ruleId) {
      const rule = byId.get(ruleId);
      return rule && compile(rule);
    },
  };
}

interface LazyRule {
  readonly source: KbRule;
  readonly index: number;
  readonly prefilter: Prefilter | undefined;
  /** Undefined: not compiled yet; null: does not compile (listed in `broken`). */
  compiled?: CompiledRule | null;
}

interface Combo {
  readonly query: Query;
  /** For each pattern of the combined query, the index of its rule in the set. */
  readonly ruleOfPattern: readonly number[];
}

/** At most this many combined queries per grammar: each costs about what compiling its rules costs. */
const MAX_COMBOS = 24;

/**
 * Combined queries by set of rules. A set gets one the second time it is asked for (a set seen once may
 * never come back: its rules' own queries, compiled anyway, serve it).
 */
class CombinedQueries {
  private readonly combos = new Map<string, Combo | null>();
  private readonly seen = new Set<string>();
  constructor(
    private readonly grammar: Grammar,
    private readonly loaded: LoadedGrammar,
  ) {}

  for(rules: readonly CompiledRule[]): Combo | undefined {
    if (rules.length < 2) return undefined;
    const key = rules.map((r) => r.id).join('\0');
    const known = this.combos.get(key);
    if (known !== undefined) return known ?? undefined;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      return undefined;
    }
    if (this.combos.size >= MAX_COMBOS) return undefined;
    const combo = this.build(rules);
    this.combos.set(key, combo);
    return combo ?? undefined;
  }

  private build(rules: readonly CompiledRule[]): Combo | null {
    const ruleOfPattern: number[] = [];
    rules.forEach((rule, k) => {
      for (let p = rule.queries.get(this.grammar)!.patternCount(); p > 0; p--) ruleOfPattern.push(k);
    });
    try {
      const query = new Query(this.loaded.language, rules.map((r) => attachTopLevelPredicates(r.rule.query)).join('\n'));
      // The patterns must line up with the rules' own; anything else and the rules run one by one.
      if (query.patternCount() !== ruleOfPattern.length) {
        query.delete();
        return null;
      }
      return { query, ruleOfPattern };
    } catch {
      return null;
    }
  }
}
