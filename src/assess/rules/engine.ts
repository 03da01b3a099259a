/**
 * The rule engine: compiles knowledge-base rules (tree-sitter queries plus `where` constraints), runs them
 * over a parsed file or unit, and applies their fix templates. See kb/README.md for the rule format.
 */
export { compileRule, grammarsOf } from './compile.js';
export { runRules } from './run.js';
export { applyFix } from './fix.js';
export { applyEdits } from './edits.js';
export { isLiteral } from './literal.js';
export type { CapturedNode, CompiledRule, FixResult, RuleMatch, RunInput, TextEdit } from './types.js';
export { checkRule, normalizeSnippet, type RuleCheck } from './self-check.js';
