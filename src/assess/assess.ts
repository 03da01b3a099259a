import type { Node, Tree } from 'web-tree-sitter';
import { grammarOf, type Grammar, type Language } from '../code/languages.js';
import { LineIndex } from '../code/line-index.js';
import { outline } from '../code/outline.js';
import { parse } from '../code/parser.js';
import type { Unit } from '../code/unit.js';
import { UNIT_SPECS } from '../code/unit-kinds.js';
import { lineSpan } from '../code/unit-spec.js';
import type { Logger } from '../logging/logger.js';
import { verifyReplacement, type VerifyCheck } from '../verify/verify-replacement.js';
import { atLeast, type Finding, type Fix, type Severity } from './finding.js';
import { fingerprint } from './fingerprint.js';
import { RELEVANCE_HOPS, sharedNameLines, type UnitSlicer } from './relevance.js';
import type { RuleBook, RuleRunner } from './rule-book.js';
import { proposeRuleFix } from './rule-fix.js';
import { findNode } from './rules/fix.js';
import type { CapturedNode, CompiledRule, RuleMatch } from './rules/types.js';
import { findSuppressions, suppressionFor } from './suppressions.js';

export interface AssessFile {
  readonly text: string;
  readonly language: Language;
  /** Default: from the path and language (TSX files parse with the TSX grammar). */
  readonly grammar?: Grammar;
}

/** The repository's choices that shape what is reported (from `.github/rescue.yml` and flags). */
export interface AssessConfig {
  /** Findings below it are not reported, only counted. Default `low` (everything). */
  readonly severityThreshold?: Severity;
  readonly disableRules?: readonly string[];
  readonly disableCwes?: readonly string[];
}

export interface AssessInput {
  /** Review: the units a change touches (with their changed lines). Scan: every unit of the files. */
  readonly units: readonly Unit[];
  /** The head text of every file that has units. */
  readonly files: ReadonlyMap<string, AssessFile>;
  readonly rules: RuleBook;
  readonly mode: 'review' | 'scan';
  readonly config?: AssessConfig;
  /** Review mode: slices units to decide whether unchanged reported lines are reached by the change. */
  readonly slicer?: UnitSlicer;
  readonly logger?: Logger;
}

export interface Suppression {
  readonly kind: 'inline' | 'config';
  readonly reason: string;
  /** The line of the `rescue-ignore` comment. */
  readonly line?: number;
}

export type SuppressedFinding = Finding & { readonly suppression: Suppression };

/** A fix that failed verification: never offered as a suggestion; the finding keeps its explanation. */
export interface RejectedFix {
  readonly fingerprint: string;
  readonly path: string;
  readonly startLine: number;
  readonly ruleId: string;
  readonly check: VerifyCheck | 'template' | 'budget';
  readonly reason: string;
}

export interface AssessOutput {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  readonly rejectedFixes: RejectedFix[];
  /** Findings below the severity threshold, left out. */
  readonly belowThreshold: number;
  /** Matches on unchanged lines that the change does not reach (review mode), left out. */
  readonly unrelated: number;
}

/**
 * Assessment from the knowledge base's rules, a pure stage: each file is parsed once and all rules of its
 * language run once over it; each match goes to the innermost unit that contains its reported lines, and
 * becomes a finding with the rule's CWE, guideline, message, severity and confidence. Matches in units that
 * were not given (review: functions the change does not touch) are dropped. In review mode a match whose
 * reported lines are all unchanged is kept only when the unit's slice around its changed lines reaches it.
 * Fix templates are applied, verified, and offered only when verification passes.
 */
export async function assessUnits(input: AssessInput): Promise<AssessOutput> {
  const out: AssessOutput = { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0, unrelated: 0 };
  const byPath = new Map<string, Unit[]>();
  for (const unit of input.units) {
    const list = byPath.get(unit.path) ?? [];
    list.push(unit);
    byPath.set(unit.path, list);
  }
  for (const [path, units] of byPath) {
    const file = input.files.get(path);
    if (!file) {
      input.logger?.warning(`${path}: no text for assessment`, { file: path });
      continue;
    }
    await assessFileInto(path, file, units, input, out);
  }
  sortFindings(out);
  return out;
}

/**
 * assessUnits for the units of one file, when the caller already has its tree (not deleted here): a scan
 * parses each file once for its units and its findings. Outputs of several files, concatenated in path
 * order and passed through sortFindings, equal assessUnits over all of them.
 */
export async function assessFileUnits(
  path: string,
  file: AssessFile,
  units: readonly Unit[],
  input: Omit<AssessInput, 'units' | 'files'>,
  tree?: Tree,
): Promise<AssessOutput> {
  const out: AssessOutput = { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0, unrelated: 0 };
  await assessFileInto(path, file, units, input, out, tree);
  return out;
}

/** The order of assessUnits' findings and suppressed findings. */
export function sortFindings(out: { findings: Finding[]; suppressed: SuppressedFinding[] }): void {
  const order = (a: Finding, b: Finding): number =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
  out.findings.sort(order);
  out.suppressed.sort(order);
}

async function assessFileInto(
  path: string,
  file: AssessFile,
  units: readonly Unit[],
  input: Omit<AssessInput, 'units' | 'files'>,
  out: AssessOutput,
  tree?: Tree,
): Promise<void> {
  try {
    await assessFile(path, file, units, input, out, tree);
  } catch (error) {
    // One file's failure (a grammar or engine bug) costs its findings, not the review.
    input.logger?.warning(`${path}: the rules could not run (${(error as Error).message})`, { file: path });
  }
}

async function assessFile(
  path: string,
  file: AssessFile,
  units: readonly Unit[],
  input: Omit<AssessInput, 'units' | 'files'>,
  out: AssessOutput,
  given?: Tree,
): Promise<void> {
  const grammar = file.grammar ?? grammarOf(path, file.language);
  const runner = await input.rules.runnerFor(grammar);
  if (runner.size === 0 || !runner.mayMatch(file.text)) return;
  const tree = given ?? (await parse(grammar, file.text));
  try {
    const matches = runner.run({ grammar, tree, source: file.text });
    if (matches.length === 0) return;
    const attribute = attributor(units, input.mode === 'review' ? outlineSpans(tree, file) : undefined, tree, file.language);
    const suppressions = findSuppressions(file.text, tree);
    const lines = file.text.split('\n');
    const slices = new Map<Unit, Promise<Set<number>>>();
    const occurrences = new Map<string, number>();
    const config = input.config ?? {};
    // Each verification re-parses the file from the edit on (Python's indentation scanner rarely lets
    // tree-sitter reuse what follows): bounded per file, or a big file with thousands of findings would
    // take minutes. Typical files never reach it.
    const allowed = verificationsFor(file.text.length);
    const budget = { left: allowed, allowed, skipped: 0 };
    for (const match of matches) {
      const info = input.rules.info(match.ruleId);
      if (!info) continue;
      const { rule } = info;
      const unit = attribute(match, match.captures[rule.report]);
      if (!unit) continue;
      if (input.mode === 'review' && !(await reached(match, unit, grammar, file.text, input.slicer, slices))) {
        (out as { unrelated: number }).unrelated++;
        continue;
      }
      const reportedText = lines.slice(match.startLine - 1, match.endLine).join('\n');
      const key = `${rule.cwe}\0${rule.id}\0${reportedText.replace(/\s+/g, ' ').trim()}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const base: Finding = {
        fingerprint: fingerprint({ cwe: rule.cwe, ruleId: rule.id, path, text: reportedText, occurrence }),
        path,
        startLine: match.startLine,
        endLine: match.endLine,
        language: file.language,
        unit: unit.name,
        cwe: rule.cwe,
        guidelines: info.guidelines,
        message: rule.message,
        source: 'rule',
        ruleId: rule.id,
        severity: rule.severity,
        confidence: rule.confidence,
      };
      const disabled = config.disableRules?.includes(rule.id)
        ? `rule ${rule.id} is disabled by the repository configuration`
        : config.disableCwes?.includes(rule.cwe)
          ? `${rule.cwe} is disabled by the repository configuration`
          : undefined;
      if (disabled) {
        out.suppressed.push({ ...base, suppression: { kind: 'config', reason: disabled } });
        continue;
      }
      const inline = suppressionFor(suppressions, base);
      if (inline) {
        out.suppressed.push({ ...base, suppression: { kind: 'inline', line: inline.line, reason: inline.reason ?? 'rescue-ignore comment without a reason' } });
        continue;
      }
      if (!atLeast(rule.severity, config.severityThreshold ?? 'low')) {
        (out as { belowThreshold: number }).belowThreshold++;
        continue;
      }
      const compiled = runner.compiled(rule.id)!;
      const fix = rule.fix ? await ruleFix(compiled, match, file.text, grammar, unit, runner, tree, base, out, budget) : undefined;
      out.findings.push(fix ? { ...base, fix } : base);
    }
    if (budget.skipped > 0) {
      input.logger?.warning(`${path}: ${budget.skipped} fixes were not verified, so not offered: the file is too large to check more than ${budget.allowed}`, { file: path });
    }
  } finally {
    if (!given) tree.delete();
  }
}

async function ruleFix(
  rule: CompiledRule,
  match: RuleMatch,
  source: string,
  grammar: Grammar,
  unit: Unit,
  runner: RuleRunner,
  tree: Tree,
  finding: Finding,
  out: AssessOutput,
  budget: { left: number; readonly allowed: number; skipped: number },
): Promise<Fix | undefined> {
  const reject = (check: RejectedFix['check'], reason: string): undefined => {
    out.rejectedFixes.push({ fingerprint: finding.fingerprint, path: finding.path, startLine: finding.startLine, ruleId: rule.id, check, reason });
    return undefined;
  };
  const proposal = proposeRuleFix(rule, match, source, tree);
  if ('error' in proposal) return reject('template', proposal.error);
  if (budget.left <= 0) {
    budget.skipped++;
    return reject('budget', `not verified: this file's fixes beyond the first ${budget.allowed} are not checked (its size makes each check re-read it)`);
  }
  budget.left--;
  const verdict = await verifyReplacement({ grammar, source, unit, candidate: proposal.candidate, rules: runner.rules, run: runner.run, firedRuleId: rule.id, tree });
  if (!verdict.verified) return reject(verdict.check, verdict.reason);
  const { candidate, importLines } = proposal;
  let description = rule.rule.fix!.description;
  if (importLines.length) {
    description += ` Also add ${importLines.map((l) => `\`${l}\``).join(' and ')} to the file's imports.`;
  }
  return {
    startLine: candidate.startLine,
    endLine: candidate.endLine,
    replacement: candidate.replacement,
    verified: true,
    description,
    ...(importLines.length && { imports: importLines }),
  };
}

/**
 * Fix verifications per file: about 20 MB of re-parsed text in all (each re-parses up to the whole file),
 * at least 20. A 50 KB file gets 400, a 1 MB file (the largest reviewed by default) 20.
 */
export const VERIFY_BUDGET_CHARS = 20_000_000;
export function verificationsFor(chars: number): number {
  return Math.max(20, Math.floor(VERIFY_BUDGET_CHARS / Math.max(1, chars)));
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Every function-like unit of the file, reviewed or not, so a match in an untouched function is not pinned on its parent. */
function outlineSpans(tree: Tree, file: AssessFile): Span[] {
  return outline(tree, UNIT_SPECS[file.language], new LineIndex(file.text)).units.map((u) => ({ start: u.start, end: u.end }));
}

/**
 * Finds the unit a match belongs to: walking up from the reported node, the first function-like node that
 * is a unit of the file (by its lines: a unit's span ends where the node ends and starts at or before it,
 * as decorators and `export` count); it must be one of the given units. With no such node, the module unit
 * when it holds the lines, else the innermost unit whose lines hold them. The tree decides rather than line spans alone because a reported call can hold
 * a callback that starts and ends on the same lines as the call.
 */
function attributor(
  units: readonly Unit[],
  spans: readonly Span[] | undefined,
  tree: Tree,
  language: Language,
): (match: RuleMatch, report: CapturedNode | undefined) => Unit | undefined {
  const functions = units.filter((u) => u.kind !== 'module');
  const module = units.find((u) => u.kind === 'module');
  const all: readonly Span[] = spans ?? functions.map((u) => ({ start: u.startLine, end: u.endLine }));
  const unitTypes = UNIT_SPECS[language].unitTypes;
  return (match, report) => {
    let node: Node | undefined | null = report && findNode(tree.rootNode, report.startIndex, report.endIndex, report.type);
    for (; node; node = node.parent) {
      if (!unitTypes.has(node.type)) continue;
      const { start, end } = lineSpan(node);
      let best: Span | undefined;
      for (const s of all) if (s.end === end && s.start <= start && (!best || s.start > best.start)) best = s;
      if (best) return functions.find((u) => u.startLine === best!.start && u.endLine === best!.end);
    }
    if (module && module.startLine <= match.startLine && module.endLine >= match.endLine) return module;
    // A module-level statement that is all unit, such as `router.get('/x', (req, res) => {...})`: the
    // innermost unit whose lines hold the reported lines (here the callback).
    let best: Span | undefined;
    for (const s of all) {
      if (s.start <= match.startLine && s.end >= match.endLine && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    return best && functions.find((u) => u.startLine === best!.start && u.endLine === best!.end);
  };
}

/** Review mode: the change touches a reported line, or its slice (2 hops each way) reaches one. */
async function reached(
  match: RuleMatch,
  unit: Unit,
  grammar: Grammar,
  source: string,
  slicer: UnitSlicer | undefined,
  cache: Map<Unit, Promise<Set<number>>>,
): Promise<boolean> {
  const changed = unit.changedLines;
  for (const line of changed) if (line >= match.startLine && line <= match.endLine) return true;
  if (changed.length === 0) return false;
  let slice = cache.get(unit);
  if (!slice) {
    slice = sliceLines(unit, grammar, source, slicer);
    cache.set(unit, slice);
  }
  const lines = await slice;
  for (let line = match.startLine; line <= match.endLine; line++) if (lines.has(line)) return true;
  return false;
}

async function sliceLines(unit: Unit, grammar: Grammar, source: string, slicer: UnitSlicer | undefined): Promise<Set<number>> {
  if (slicer) {
    try {
      const slice = await slicer({ grammar, source, startLine: unit.startLine, endLine: unit.endLine, pointsOfInterest: unit.changedLines, hops: RELEVANCE_HOPS });
      return new Set(slice.lines);
    } catch {
      // fall through to the heuristic
    }
  }
  return new Set(sharedNameLines(source, unit.startLine, unit.endLine, unit.changedLines));
}
