import type { Query } from 'web-tree-sitter';
import type { Grammar } from '../../code/languages.js';
import { NeedleIndex, rulePrefilter, type Prefilter } from './prefilter.js';
import { matchSession } from './run.js';
import type { CompiledRule, RuleMatch, RunInput } from './types.js';

/**
 * All rules of one grammar, prepared to run fast over many files. web-tree-sitter checks text predicates
 * (`#eq?`, `#any-of?`) in JavaScript after the WebAssembly walk has handed over every structural match, so
 * the cost of a rule is mostly the structural matches its predicates then reject (every method call, for a
 * rule about `.execute(...)`). Two shortcuts, neither of which changes the results:
 *
 * prefilters: a rule whose every pattern needs some text the file lacks cannot match it (see
 * prefilter.ts: from `#eq?`, `#any-of?`, `#match?` and the rule's `where`); such rules are skipped for that
 * file, and a file where no rule can match need not be parsed at all. `anchors` is the older, narrower bound
 * (only `#eq?` / `#any-of?`), kept for what reads it. (One query combining all rules of a language was
 * tried: tree-sitter ran it slower than the rules one by one.)
 */
export interface RuleSet {
  readonly grammar: Grammar;
  readonly rules: readonly CompiledRule[];
  /** Per rule: strings one of which the text must contain for it to match; undefined: no such bound. */
  readonly anchors: ReadonlyMap<CompiledRule, readonly string[] | undefined>;
  /** Per rule: what a file must contain for it to match (undefined: no bound). */
  readonly prefilters: ReadonlyMap<CompiledRule, Prefilter | undefined>;
}

export function compileRuleSet(rules: readonly CompiledRule[], grammar: Grammar): RuleSet {
  const mine = rules.filter((r) => r.queries.has(grammar));
  const anchors = new Map<CompiledRule, readonly string[] | undefined>();
  const prefilters = new Map<CompiledRule, Prefilter | undefined>();
  for (const rule of mine) {
    let ruleAnchor: string[] | undefined;
    try {
      ruleAnchor = ruleAnchors(rule.queries.get(grammar)!, rule.rule.query);
    } catch {
      ruleAnchor = undefined; // a string escape JSON does not read: no anchors
    }
    anchors.set(rule, ruleAnchor);
    prefilters.set(rule, rulePrefilter(rule.rule));
  }
  return { grammar, rules: mine, anchors, prefilters };
}

/**
 * The union over the rule's patterns of each pattern's anchors; undefined when one pattern has none. Read
 * from the query text, as web-tree-sitter keeps its text predicates private: each pattern runs from its
 * start offset to the next pattern's, and its `#eq?` / `#any-of?` predicates of a capture against strings
 * are the candidates (the one with the fewest strings wins).
 */
function ruleAnchors(query: Query, source: string): string[] | undefined {
  const bytes = Buffer.from(source, 'utf8');
  const all = new Set<string>();
  const count = query.patternCount();
  for (let i = 0; i < count; i++) {
    const end = i + 1 < count ? query.startIndexForPattern(i + 1) : bytes.length;
    const text = bytes.subarray(query.startIndexForPattern(i), end).toString('utf8');
    let best: string[] | undefined;
    for (const m of text.matchAll(/\(#(?:eq|any-of)\?\s+@[\w.-]+((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)/g)) {
      const values = [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => JSON.parse(`"${v[1]}"`) as string);
      if (values.length === 0 || values.some((v) => v.length === 0)) continue;
      if (!best || values.length < best.length) best = values;
    }
    if (!best) return undefined;
    for (const v of best) all.add(v);
  }
  return [...all];
}

/** The rules that can match this text. */
export function liveRules(set: RuleSet, source: string): CompiledRule[] {
  const index = new NeedleIndex(source);
  return set.rules.filter((r) => index.passes(set.prefilters.get(r)));
}

/** Same results as `runRules(set.rules, input)`. */
export function runRuleSet(set: RuleSet, input: RunInput, live: readonly CompiledRule[] = liveRules(set, input.source)): RuleMatch[] {
  const session = matchSession(input);
  for (const rule of live) {
    for (const m of rule.queries.get(input.grammar)!.matches(input.tree.rootNode, session.options)) session.accept(rule, m);
  }
  return session.results();
}
