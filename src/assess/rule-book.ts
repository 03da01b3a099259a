import { languageOfGrammar } from '../facets/imports.js';
import type { Grammar, Language } from '../code/languages.js';
import type { KbDocument, KbRule } from '../kb/model.js';
import { getParser, loadLanguage } from '../code/parser.js';
import { compileRule } from './rules/compile.js';
import { lazyRuleRunner } from './rule-runner.js';
import { PrefilterSet } from './rules/prefilter-set.js';
import { prefilterOf } from './rules/prefilter-store.js';
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
   * A runner for every rule of the grammar's language that skips the rules whose needles the text lacks
   * (see rules/prefilter.ts) and compiles each rule the first time a file needs it: a scan of a Python
   * project never compiles a query for a word the project never uses. Same results as running them all.
   */
  runnerFor(grammar: Grammar): Promise<RuleRunner>;
  /**
   * RuleRunner.mayMatch without the runner: from the prefilters of the grammar's rules alone, with no
   * grammar loaded (a scan settles the files no rule could match where it reads them).
   */
  mayMatch(grammar: Grammar, text: string): boolean;
  /**
   * The rules `mayMatch` looks for, all of them: the positions, among the language's rules, of those whose
   * prefilters the text passes (empty: no rule could match). A scan works them out where it reads a file
   * and gives them to the runner that scans it (RuleRunner.remember), on whichever thread.
   */
  candidates(grammar: Grammar, text: string): readonly number[];
  info(ruleId: string): RuleInfo | undefined;
  /** Rule ids that did not compile, with the reason; filled as languages are compiled. */
  readonly broken: ReadonlyMap<string, string>;
  readonly ruleIds: ReadonlySet<string>;
  /**
   * The document the book was built from, so a worker thread can build the same book. Absent on a book
   * that wraps another and changes what it reports (its results could not be reproduced from the document).
   */
  readonly document?: KbDocument;
}

export interface RuleRunner {
  /** The rules compiled so far for this grammar (a rule is compiled the first time a file may match it). */
  readonly rules: readonly CompiledRule[];
  /** How many rules the grammar's language has, compiled or not. */
  readonly size: number;
  run(input: RunInput): RuleMatch[];
  /**
   * False when no rule can match this text (no anchor of any rule occurs in it): no need to parse. Decided
   * by the text and the rules' prefilters only, the same for a text whatever the runner ran before.
   */
  mayMatch(source: string): boolean;
  /** RuleBook.candidates for this text, worked out elsewhere: the runner takes them instead of searching the text again. */
  remember(source: string, candidates: readonly number[]): void;
  /** The rule compiled for this grammar; undefined when the language has no such rule or it does not compile. */
  compiled(ruleId: string): CompiledRule | undefined;
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
  // One per language, shared by mayMatch and the language's runners: asked about the same text, the second
  // answers from what the first found.
  const prefilterSets = new Map<Language, PrefilterSet>();
  const prefilterSet = (language: Language): PrefilterSet => {
    let set = prefilterSets.get(language);
    if (!set) prefilterSets.set(language, (set = new PrefilterSet((byLanguage.get(language) ?? []).map(prefilterOf))));
    return set;
  };
  const runners = new Map<Grammar, Promise<RuleRunner>>();
  const makeRunner = async (grammar: Grammar): Promise<RuleRunner> => {
    const loaded = new Map([[grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) }]]);
    const language = languageOfGrammar(grammar);
    return lazyRuleRunner(byLanguage.get(language) ?? [], grammar, loaded, broken, prefilterSet(language));
  };
  const book: RuleBook = {
    mayMatch: (grammar, text) => prefilterSet(languageOfGrammar(grammar)).any(text),
    candidates: (grammar, text) => prefilterSet(languageOfGrammar(grammar)).passing(text),
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
    document,
  };
  return book;
}

