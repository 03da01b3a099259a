// Builds small rules and runs them on snippets, for the engine's own tests.
import { parse } from '../../src/code/parser.js';
import type { Grammar } from '../../src/code/languages.js';
import type { RuleSource } from '../../src/kb/source-schema.js';
import { applyFix, compileRule, runRules, type FixResult, type RuleMatch } from '../../src/assess/rules/engine.js';

let counter = 0;

/** A rule with test defaults; pass what matters. A fresh id per call keeps the query cache honest. */
export function rule(partial: Partial<RuleSource> & Pick<RuleSource, 'language' | 'query' | 'report'>): RuleSource {
  return {
    id: `test.rule-${++counter}`,
    guideline: 'CWE-1.g1',
    severity: 'high',
    confidence: 'high',
    message: 'a test rule message',
    where: [],
    tests: { positive: 'x', negative: 'y' },
    ...partial,
  };
}

export async function matches(r: RuleSource, source: string, grammar: Grammar = r.language, range?: { startLine: number; endLine: number }): Promise<RuleMatch[]> {
  const compiled = await compileRule(r);
  const tree = await parse(grammar, source);
  try {
    return runRules([compiled], { grammar, tree, source, range });
  } finally {
    tree.delete();
  }
}

/** Applies the rule's fix to its first match in the source. */
export async function fixed(r: RuleSource, source: string): Promise<FixResult> {
  const compiled = await compileRule(r);
  const [m] = await matches(r, source);
  if (!m) throw new Error('the rule does not match');
  return applyFix(compiled, m, source);
}

/** The fixed text, or a thrown error with the engine's reason. */
export async function fixedText(r: RuleSource, source: string): Promise<string> {
  const result = await fixed(r, source);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}
