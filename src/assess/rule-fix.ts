import type { Tree } from 'web-tree-sitter';
import { applyEdits } from './rules/edits.js';
import { applyFix } from './rules/fix.js';
import type { CompiledRule, RuleMatch, TextEdit } from './rules/types.js';
import { lineStarts } from '../code/line-index.js';
import { lineEndIndex, type ReplacementCandidate } from '../verify/verify-replacement.js';

export interface RuleFixProposal {
  readonly candidate: ReplacementCandidate;
  /** Import lines added outside the replaced lines (at the file's import block), as inserted. */
  readonly importLines: readonly string[];
}

/**
 * Turns a rule's fix template into a whole-line replacement of the lines its edits touch, so that a GitHub
 * suggestion can replace exactly that range. Imports the fix needs go into `candidate.insertions` (and
 * `importLines`) when they land outside those lines; when the import block falls inside them (a module-level
 * unit), they are part of the replacement. `tree`: the tree of `source`, when the caller has it (see applyFix).
 */
export function proposeRuleFix(rule: CompiledRule, match: RuleMatch, source: string, tree?: Tree): RuleFixProposal | { error: string } {
  const fix = rule.rule.fix;
  if (!fix) return { error: `rule ${rule.id} has no fix` };
  const bare = { ...rule, rule: { ...rule.rule, fix: { ...fix, imports: [] } } };
  const core = applyFix(bare, match, source, tree);
  if ('error' in core) return core;
  if (core.edits.length === 0) return { error: `rule ${rule.id}: the fix template makes no edit` };
  let imports: TextEdit[] = [];
  if (fix.imports.length > 0) {
    const full = applyFix(rule, match, source, tree);
    if ('error' in full) return full;
    const same = (a: TextEdit, b: TextEdit): boolean => a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.text === b.text;
    imports = full.edits.filter((e) => !core.edits.some((c) => same(c, e)));
  }
  const starts = lineStarts(source);
  const startLine = Math.min(...core.edits.map((e) => e.startLine));
  const endLine = Math.max(...core.edits.map((e) => e.endLine));
  const from = starts[startLine - 1]!;
  const to = lineEndIndex(source, starts, endLine);
  const inside = imports.filter((e) => e.startIndex > from && e.startIndex < to);
  const outside = imports.filter((e) => !inside.includes(e));
  const applied = applyEdits(source, [...core.edits, ...inside]);
  if ('error' in applied) return applied;
  const delta = [...core.edits, ...inside].reduce((d, e) => d + e.text.length - (e.endIndex - e.startIndex), 0);
  const replacement = applied.text.slice(from, to + delta);
  const importLines = outside.flatMap((e) => e.text.split('\n').map((l) => l.trim()).filter(Boolean));
  return { candidate: { startLine, endLine, replacement, insertions: outside }, importLines };
}
