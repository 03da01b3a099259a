import { languageOfGrammar } from '../facets/imports.js';
import type { Grammar, Language } from '../code/languages.js';
import type { KbDocument, KbRule } from '../kb/model.js';
import { compileRule } from './rules/compile.js';
import { compileRuleSet, liveRules, runRuleSet, type RuleSet } from './rules/rule-set.js';
import { runRules } from './rules/run.js';
import type { CompiledRule, RuleMatch, RunInput } from './rules/types.js';
import type { GuidelineRef } from './finding.js';

/** What assessment needs to know about one rule besides its compiled queries. */
export interface RuleInfo {
  readonly rule: KbRule;
  readonly guidelines: readonly GuidelineRef[];
}

/**
 * The knowledge base's rules, ready to run: compiled once per language, lazily, on first use, so a review
 * of a Python change never compiles the C rules. Every rule is compiled, including those a repository
 * disabled: verification checks a fix against all of them, and disabled rules are reported as suppressed.
 */
export interface RuleBook {
  /** Every rule of the language, compiled. A rule that fails to compile is left out and listed in `broken`. */
  rulesFor(language: Language): Promise<readonly CompiledRule[]>;
  /**
   * A runner for every rule of the grammar's language that skips the rules whose anchor words the text
   * lacks (see rules/rule-set.ts). Same results as running them all.
   */
  runnerFor(grammar: Grammar): Promise<RuleRunner>;
  info(ruleId: string): RuleInfo | undefined;
  /** Rule ids that did not compile, with the reason; filled as languages are compiled. */
  readonly broken: ReadonlyMap<string, string>;
  readonly ruleIds: ReadonlySet<string>;
}

export interface RuleRunner {
  readonly rules: readonly CompiledRule[];
  run(input: RunInput): RuleMatch[];
  /** False when no rule can match this text (no anchor of any rule occurs in it): no need to parse. */
  mayMatch(source: string): boolean;
}

export function createRuleBook(document: KbDocument): RuleBook {
  const byLanguage = new Map<Language, KbRule[]>();
  const infos = new Map<string, RuleInfo>();
  for (const cwe of document.cwes) {
    const texts = new Map(cwe.guidelines.map((g) => [g.id, g.text]));
    for (const rule of cwe.rules) {
      const list = byLanguage.get(rule.language) ?? [];
      list.push(rule);
      byLanguage.set(rule.language, list);
      const text = texts.get(rule.guideline);
      infos.set(rule.id, { rule, guidelines: text === undefined ? [] : [{ id: rule.guideline, text }] });
    }
  }
  const compiled = new Map<Language, Promise<CompiledRule[]>>();
  const broken = new Map<string, string>();
  const compileLanguage = async (language: Language): Promise<CompiledRule[]> => {
    const out: CompiledRule[] = [];
    for (const rule of byLanguage.get(language) ?? []) {
      try {
        out.push(await compileRule(rule));
      } catch (error) {
        broken.set(rule.id, (error as Error).message);
      }
    }
    return out;
  };
  const runners = new Map<Grammar, Promise<RuleRunner>>();
  const makeRunner = async (grammar: Grammar): Promise<RuleRunner> => {
    const rules = await book.rulesFor(languageOfGrammar(grammar));
    let set: RuleSet | undefined;
    try {
      set = rules.length ? compileRuleSet(rules, grammar) : undefined;
    } catch {
      set = undefined;
    }
    if (!set) return { rules, run: (input) => runRules(rules, input), mayMatch: () => rules.length > 0 };
    const ruleSet = set;
    return { rules, run: (input) => runRuleSet(ruleSet, input), mayMatch: (source) => liveRules(ruleSet, source).length > 0 };
  };
  const book: RuleBook = {
    runnerFor(grammar) {
      let runner = runners.get(grammar);
      if (!runner) {
        runner = makeRunner(grammar);
        runners.set(grammar, runner);
      }
      return runner;
    },
    rulesFor(language) {
      let rules = compiled.get(language);
      if (!rules) {
        rules = compileLanguage(language);
        compiled.set(language, rules);
      }
      return rules;
    },
    info: (id) => infos.get(id),
    broken,
    ruleIds: new Set(infos.keys()),
  };
  return book;
}
