import type { Tree } from 'web-tree-sitter';
import { lineStarts } from '../code/line-index.js';
import { getParser } from '../code/parser.js';
import type { Grammar } from '../code/languages.js';
import { importNodeTypes, languageOfGrammar } from '../facets/imports.js';
import { normalizeCode } from '../assess/fingerprint.js';
import { applyEdits } from '../assess/rules/edits.js';
import { runRules } from '../assess/rules/run.js';
import type { CompiledRule, RuleMatch, RunInput, TextEdit } from '../assess/rules/types.js';
import { signatureOf } from './signature.js';
import { pointAt, reparse } from './reparse.js';
import { describeSyntaxError, syntaxErrorsIn } from './syntax.js';

/**
 * A proposed replacement of whole lines of a file, whoever wrote it (a rule's fix template or a model):
 * lines startLine..endLine of the original become `replacement`. `insertions` are pure insertions elsewhere
 * that the replacement needs, such as an import at the top of the file.
 */
export interface ReplacementCandidate {
  readonly startLine: number;
  readonly endLine: number;
  /** The new text of those lines, without the last line's terminator. */
  readonly replacement: string;
  readonly insertions?: readonly TextEdit[];
}

export interface VerifyInput {
  readonly grammar: Grammar;
  /** The whole original file. */
  readonly source: string;
  /** The unit the replacement must stay inside (1-based inclusive lines of the original). */
  readonly unit: { readonly startLine: number; readonly endLine: number };
  readonly candidate: ReplacementCandidate;
  /** Every rule of the language (compiled once by the caller). */
  readonly rules: readonly CompiledRule[];
  /** Runs `rules` faster (one combined query); default rule by rule. */
  readonly run?: (input: RunInput) => RuleMatch[];
  /** The rule whose finding the replacement fixes: one of its matches in the unit must go away. */
  readonly firedRuleId?: string;
  /** The fix must change the function's signature (rare; a template says so). */
  readonly allowSignatureChange?: boolean;
  /** The original file's tree, when the caller already has it (not deleted here). */
  readonly tree?: Tree;
}

/** Which check failed, for counts and tests; `reason` is the sentence users see. */
export type VerifyCheck = 'empty' | 'outside-unit' | 'parse' | 'rule-still-fires' | 'new-rule-fires' | 'signature';

export type Verdict =
  | { readonly verified: true; readonly text: string; readonly newUnit: { startLine: number; endLine: number } }
  | { readonly verified: false; readonly check: VerifyCheck; readonly reason: string };

/**
 * The checks every replacement passes before anyone sees it: it changes something, stays inside the unit,
 * the new unit parses without ERROR or MISSING nodes, the rule that fired is silent there, no rule fires
 * that did not fire before (compared as a multiset of rule id and reported text, so moved code does not
 * count as new), and the function's signature is unchanged unless the fix allows it.
 */
export async function verifyReplacement(input: VerifyInput): Promise<Verdict> {
  const { source, unit, candidate } = input;
  const reject = (check: VerifyCheck, reason: string): Verdict => ({ verified: false, check, reason });
  const starts = lineStarts(source);
  const lineCount = source.endsWith('\n') ? starts.length - 1 : starts.length;
  if (candidate.startLine > candidate.endLine || candidate.startLine < 1 || candidate.endLine > lineCount) {
    return reject('outside-unit', `lines ${candidate.startLine}-${candidate.endLine} are not lines of the file`);
  }
  if (candidate.startLine < unit.startLine || candidate.endLine > unit.endLine) {
    return reject('outside-unit', `the edit covers lines ${candidate.startLine}-${candidate.endLine}, outside the unit (lines ${unit.startLine}-${unit.endLine})`);
  }
  const from = starts[candidate.startLine - 1]!;
  const to = lineEndIndex(source, starts, candidate.endLine);
  const replacement = candidate.replacement.replace(/\r?\n$/, '');
  const insertions = candidate.insertions ?? [];
  if (replacement === source.slice(from, to) && insertions.length === 0) return reject('empty', 'the replacement changes nothing');
  for (const ins of insertions) {
    if (ins.startIndex !== ins.endIndex) return reject('outside-unit', `an extra edit at line ${ins.startLine} replaces existing text outside the unit`);
    if (ins.startIndex > from && ins.startIndex < to) return reject('outside-unit', `an extra edit at line ${ins.startLine} falls inside the replaced lines`);
  }
  const main: TextEdit = { startIndex: from, endIndex: to, text: replacement, startLine: candidate.startLine, endLine: candidate.endLine };
  const applied = applyEdits(source, [main, ...insertions]);
  if ('error' in applied) return reject('outside-unit', applied.error);
  const text = applied.text;

  // Where the unit lies in the new text.
  const unitFrom = starts[unit.startLine - 1]!;
  const unitTo = lineEndIndex(source, starts, unit.endLine);
  let shift = 0;
  let grow = newlines(replacement) - (candidate.endLine - candidate.startLine);
  for (const ins of insertions) {
    if (ins.startIndex <= unitFrom) shift += newlines(ins.text);
    else if (ins.startIndex <= unitTo) grow += newlines(ins.text);
  }
  const newUnit = { startLine: unit.startLine + shift, endLine: unit.endLine + shift + grow };

  const parser = await getParser(input.grammar);
  const oldTree = input.tree ?? parser.parse(source)!;
  const newTree = reparse(parser, oldTree, starts, [main, ...insertions], text);
  try {
    const language = languageOfGrammar(input.grammar);
    const newErrors = syntaxErrorsIn(newTree, newUnit.startLine, newUnit.endLine);
    const oldErrors = syntaxErrorsIn(oldTree, unit.startLine, unit.endLine);
    // A unit that already had syntax errors may keep them, but not gain more.
    if (newErrors.length > 0 && (oldErrors.length === 0 || newErrors.length > oldErrors.length)) {
      return reject('parse', `the new code does not parse: ${newErrors.slice(0, 2).map(describeSyntaxError).join('; ')}`);
    }
    const fileErrorsBefore = syntaxErrorsIn(oldTree, 1, Number.MAX_SAFE_INTEGER).length;
    const fileErrorsAfter = syntaxErrorsIn(newTree, 1, Number.MAX_SAFE_INTEGER).length;
    if (fileErrorsAfter > fileErrorsBefore) {
      const where = syntaxErrorsIn(newTree, 1, Number.MAX_SAFE_INTEGER).slice(0, 1).map(describeSyntaxError).join('');
      return reject('parse', `the edited file does not parse: ${where}`);
    }

    const run = input.run ?? ((i: RunInput) => runRules(input.rules, i));
    const before = run({ grammar: input.grammar, tree: oldTree, source, range: unit });
    // An edit that neither holds nor sits inside a node the import reader reads keeps the file's imports:
    // the runner need not read them from the new tree (a walk over the whole file per fix).
    const importNodes = importNodeTypes(language);
    const keepsImports =
      insertions.length === 0 &&
      (importNodes.length === 0 ||
        (!touches(oldTree, importNodes, from, to, starts) && !touches(newTree, importNodes, from, from + replacement.length, lineStarts(text))));
    const after = run({ grammar: input.grammar, tree: newTree, source: text, range: newUnit, ...(keepsImports && { importsOf: oldTree }) });
    if (input.firedRuleId) {
      const count = (ms: RuleMatch[]): number => ms.filter((m) => m.ruleId === input.firedRuleId).length;
      if (count(after) >= count(before)) {
        const still = after.find((m) => m.ruleId === input.firedRuleId);
        return reject('rule-still-fires', `rule ${input.firedRuleId} still fires${still ? ` at line ${still.startLine}` : ''}`);
      }
    }

    const remaining = new Map<string, number>();
    for (const m of before) remaining.set(matchKey(input.rules, m), (remaining.get(matchKey(input.rules, m)) ?? 0) + 1);
    for (const m of after) {
      const key = matchKey(input.rules, m);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return reject('new-rule-fires', `rule ${m.ruleId} fires on the new code at line ${m.startLine}`);
      remaining.set(key, left - 1);
    }
    if (!input.allowSignatureChange) {
      const oldSig = signatureOf(oldTree, language, unit.startLine, unit.endLine);
      if (oldSig !== undefined) {
        const newSig = signatureOf(newTree, language, newUnit.startLine, newUnit.endLine);
        if (newSig !== oldSig) return reject('signature', `the function signature changes from \`${oldSig}\` to \`${newSig ?? '(none)'}\``);
      }
    }
    return { verified: true, text, newUnit };
  } finally {
    newTree.delete();
    if (!input.tree) oldTree.delete();
  }
}

function matchKey(rules: readonly CompiledRule[], m: RuleMatch): string {
  const report = rules.find((r) => r.id === m.ruleId)?.rule.report;
  const text = report ? m.captures[report]?.text ?? '' : '';
  return `${m.ruleId}\0${normalizeCode(text)}`;
}

/** Index just past the last character of the line, before its `\n` (and `\r`). */
export function lineEndIndex(source: string, starts: readonly number[], line: number): number {
  let end = line < starts.length ? starts[line]! - 1 : source.length;
  if (end > starts[line - 1]! && source.charCodeAt(end - 1) === 13) end--;
  return end;
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether a node of one of `types` overlaps the UTF-16 range [from, to) of the tree's text (whose line starts are `starts`). */
function touches(tree: Tree, types: readonly string[], from: number, to: number, starts: readonly number[]): boolean {
  // An empty range still asks about the nodes around its point.
  return tree.rootNode.descendantsOfType([...types], pointAt(starts, from), pointAt(starts, Math.max(to, from + 1))).length > 0;
}
