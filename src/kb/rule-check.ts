import { parse } from '../code/parser.js';
import { applyFix, compileRule, runRules } from '../assess/rules/engine.js';
import type { RuleSource } from './source-schema.js';
import type { RuleChecker } from './verify.js';

/**
 * The rule engine as a RuleChecker: the rule compiles, fires on `tests.positive`, does not fire on
 * `tests.negative`, and with a fix, the fix applied to the positive gives `tests.fixed`, on which the rule
 * no longer fires.
 */
export const engineRuleChecker: RuleChecker = {
  async check(rule: RuleSource): Promise<string[]> {
    let compiled;
    try {
      compiled = await compileRule(rule);
    } catch (e) {
      return [`does not compile: ${(e as Error).message}`];
    }
    const grammar = rule.language; // TSX shares the TypeScript rule; its snippets are plain TypeScript
    const matchesOf = async (source: string) => {
      const tree = await parse(grammar, source);
      try {
        return runRules([compiled], { grammar, tree, source });
      } finally {
        tree.delete();
      }
    };
    const problems: string[] = [];
    const positive = await matchesOf(rule.tests.positive);
    if (positive.length === 0) problems.push('does not fire on tests.positive');
    if ((await matchesOf(rule.tests.negative)).length > 0) problems.push('fires on tests.negative');
    if (rule.fix && rule.tests.fixed !== undefined) {
      if ((await matchesOf(rule.tests.fixed)).length > 0) problems.push('fires on tests.fixed');
      const first = positive[0];
      if (first) {
        const fixed = applyFix(compiled, first, rule.tests.positive);
        if ('error' in fixed) problems.push(`fix fails on tests.positive: ${fixed.error}`);
        else if (fixed.text.trimEnd() !== rule.tests.fixed.trimEnd()) problems.push('the fix applied to tests.positive differs from tests.fixed');
      }
    }
    return problems;
  },
};
