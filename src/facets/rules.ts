import type { Tree } from 'web-tree-sitter';
import type { Grammar, Language } from '../code/languages.js';
import { compileRule } from '../assess/rules/compile.js';
import { runRules } from '../assess/rules/run.js';
import type { CompiledRule } from '../assess/rules/types.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { LineRange } from './api.js';
import { languageOfGrammar, type ImportMap } from './imports.js';

/**
 * A fourth facet, beyond the paper's three: a KB rule of CWE X firing in the unit is near-certain evidence
 * for X (rules are written to be precise). Its score per CWE is the summed confidence of its rules that fire.
 */
export interface RuleHit {
  readonly ruleId: string;
  readonly cwe: string;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly startLine: number;
}

export const CONFIDENCE_WEIGHT: Readonly<Record<RuleHit['confidence'], number>> = { high: 1, medium: 0.7, low: 0.4 };

const compiled = new WeakMap<KnowledgeBase, Map<Language, Promise<CompiledRule[]>>>();

/** The KB's rules for one language, compiled once per knowledge base. */
export function kbRules(kb: KnowledgeBase, language: Language): Promise<CompiledRule[]> {
  let byLanguage = compiled.get(kb);
  if (!byLanguage) compiled.set(kb, (byLanguage = new Map()));
  let rules = byLanguage.get(language);
  if (!rules) {
    const sources = kb.document.cwes.flatMap((c) => c.rules).filter((r) => r.language === language);
    rules = Promise.all(sources.map((r) => compileRule(r)));
    byLanguage.set(language, rules);
  }
  return rules;
}

export interface RuleFacetInput {
  readonly grammar: Grammar;
  readonly tree: Tree;
  readonly source: string;
  readonly range?: LineRange;
  readonly imports?: ImportMap;
}

export async function ruleHits(kb: KnowledgeBase, input: RuleFacetInput): Promise<RuleHit[]> {
  const rules = await kbRules(kb, languageOfGrammar(input.grammar));
  const byId = new Map(kb.document.cwes.flatMap((c) => c.rules.map((r) => [r.id, r] as const)));
  return runRules(rules, input).flatMap((m) => {
    const rule = byId.get(m.ruleId);
    return rule ? [{ ruleId: m.ruleId, cwe: rule.cwe, confidence: rule.confidence, startLine: m.startLine }] : [];
  });
}

/** Per CWE: summed confidence weight of the distinct rules that fired. */
export function ruleScores(hits: readonly RuleHit[]): Map<string, number> {
  const seen = new Set<string>();
  const scores = new Map<string, number>();
  for (const h of hits) {
    if (seen.has(h.ruleId)) continue;
    seen.add(h.ruleId);
    scores.set(h.cwe, (scores.get(h.cwe) ?? 0) + CONFIDENCE_WEIGHT[h.confidence]);
  }
  return scores;
}
