import type { Language } from '../code/languages.js';
import type { KbDocument, KbRule } from '../kb/model.js';
import { compileRule } from './rules/compile.js';
import type { CompiledRule } from './rules/types.js';
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
  info(ruleId: string): RuleInfo | undefined;
  /** Rule ids that did not compile, with the reason; filled as languages are compiled. */
  readonly broken: ReadonlyMap<string, string>;
  readonly ruleIds: ReadonlySet<string>;
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
  return {
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
}
