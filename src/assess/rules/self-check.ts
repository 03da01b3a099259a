import { parse } from '../../code/parser.js';
import type { RuleSource } from '../../kb/source-schema.js';
import { compileRule, grammarsOf } from './compile.js';
import { applyFix } from './fix.js';
import { runRules } from './run.js';
import type { CompiledRule, RuleMatch } from './types.js';

/** The outcome of running a rule against its own `tests`: problems fail the rule; warnings do not. */
export interface RuleCheck {
  readonly id: string;
  readonly problems: string[];
  readonly warnings: string[];
  /** The positive snippet after the fix, when the rule has one. */
  readonly fixed?: string;
}

/** A fix may have to be applied once per match of the positive snippet; more rounds than this is a loop. */
const MAX_FIX_ROUNDS = 10;

/** Lines without trailing whitespace, without trailing blank lines: how `tests.fixed` is compared. */
export function normalizeSnippet(text: string): string {
  return text.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();
}

/**
 * Checks a rule against its tests with the full engine (constraints and fix): it compiles, fires on
 * `positive`, does not fire on `negative`, and its fix turns `positive` into `fixed` and silences it.
 * On TypeScript rules the snippets run with the `typescript` grammar.
 */
export async function checkRule(rule: RuleSource): Promise<RuleCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  let compiled: CompiledRule;
  try {
    compiled = await compileRule(rule);
  } catch (e) {
    return { id: rule.id, problems: [(e as Error).message], warnings };
  }
  const { positive, negative, fixed } = rule.tests;
  const pos = await run(compiled, positive);
  if (pos.parseError) problems.push('tests.positive does not parse without errors');
  if (pos.matches.length === 0) problems.push('does not fire on tests.positive');
  const neg = await run(compiled, negative);
  if (neg.parseError) problems.push('tests.negative does not parse without errors');
  if (neg.matches.length > 0) problems.push(`fires on tests.negative at line ${neg.matches[0]!.startLine}`);
  if (!rule.fix) {
    if (fixed !== undefined) warnings.push('tests.fixed is given but the rule has no fix');
    return { id: rule.id, problems, warnings };
  }
  if (fixed === undefined) warnings.push('the rule has a fix but no tests.fixed');
  if (pos.matches.length === 0) return { id: rule.id, problems, warnings };
  let text = positive;
  let matches = pos.matches;
  for (let round = 0; matches.length > 0; round++) {
    if (round === MAX_FIX_ROUNDS) {
      problems.push(`the fix does not silence the rule (still fires at line ${matches[0]!.startLine} after ${round} rounds)`);
      return { id: rule.id, problems, warnings, fixed: text };
    }
    const result = applyFix(compiled, matches[0]!, text);
    if ('error' in result) {
      problems.push(`the fix fails: ${result.error}`);
      return { id: rule.id, problems, warnings };
    }
    text = result.text;
    const again = await run(compiled, text);
    if (again.parseError) problems.push('the fixed code does not parse without errors');
    matches = again.matches;
  }
  if (fixed !== undefined && normalizeSnippet(text) !== normalizeSnippet(fixed)) {
    problems.push(`the fix gives a different text than tests.fixed:\n--- got\n${text}\n--- expected\n${fixed}`);
  }
  return { id: rule.id, problems, warnings, fixed: text };
}

async function run(rule: CompiledRule, source: string): Promise<{ matches: RuleMatch[]; parseError: boolean }> {
  const grammar = grammarsOf(rule.rule)[0]!;
  const tree = await parse(grammar, source);
  try {
    return { matches: runRules([rule], { grammar, tree, source }), parseError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}
