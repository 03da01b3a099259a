import type { AssessFile } from '../assess/assess.js';
import type { Finding, Fix } from '../assess/finding.js';
import { fingerprint } from '../assess/fingerprint.js';
import type { Grammar } from '../code/languages.js';
import type { Unit } from '../code/unit.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { Redactor } from '../redact/redact.js';
import { locateOriginal, reindent } from './locate.js';
import { checkReply, type JudgeReply, type Rejection } from './reply.js';
import type { UnitRequest } from './request.js';
import type { JudgeCounts } from './stats.js';
import type { ReplacementVerifier } from './verifier.js';

/**
 * What a model reply to the judge comes to (judge-units.ts asks, retries and counts): a verified fix, a
 * verdict that the unit is not vulnerable, or a rejection with its reasons (keeping a credible, cited
 * verdict); and the finding a kept verdict makes.
 */

export type Attempt =
  | { readonly kind: 'fixed'; readonly reply: JudgeReply; readonly fix: Fix; readonly lines: { startLine: number; endLine: number } }
  | { readonly kind: 'not-vulnerable' }
  | { readonly kind: 'rejected'; readonly rejections: readonly Rejection[]; readonly credible?: JudgeReply; readonly lines?: { startLine: number; endLine: number } };

/** What a reply is checked with, beside the unit and its request. */
export interface ReplyContext {
  /** The judge's input (its `verify` is called as a method of it). */
  readonly input: { readonly verify: ReplacementVerifier; readonly model: string };
  readonly redactor: Redactor;
  /** Verification failures are counted here. */
  readonly counts: JudgeCounts;
}

/**
 * Validates a reply (format, citations, target), locates its replacement by content, restores it from
 * placeholders and verifies it.
 */
export async function evaluateReply(text: string, unit: Unit, request: UnitRequest, grammar: Grammar, source: string, ctx: ReplyContext): Promise<Attempt> {
  const check = checkReply(text, { path: unit.path, guidelineIds: request.guidelineIds, cwes: request.cwes });
  if (check.kind === 'not-vulnerable') return { kind: 'not-vulnerable' };
  if (check.kind === 'rejected') return { kind: 'rejected', rejections: check.rejections };
  const reply = check.reply;
  const reject = (r: Rejection, lines?: { startLine: number; endLine: number }): Attempt => ({ kind: 'rejected', rejections: [r], credible: reply, lines });
  if (!reply.original?.trim() || reply.replacement === null) {
    return reject({ kind: 'no-replacement', reason: 'a vulnerable verdict needs "original" (the lines to replace) and "replacement"' });
  }
  const original = ctx.redactor.restore(reply.original);
  const replacement = ctx.redactor.restore(reply.replacement);
  const unknown = [...original.unknown, ...replacement.unknown];
  if (unknown.length) return reject({ kind: 'placeholder', reason: `the reply uses ${[...new Set(unknown)].join(', ')}, which stands for no secret of this code` });
  const lines = source.split('\n');
  const where = locateOriginal({ lines, original: original.text, unit, shown: request.shown, changedLines: unit.changedLines });
  if (!where.ok) return reject({ kind: 'location', reason: where.reason });
  const span = { startLine: where.startLine, endLine: where.endLine };
  const newText = reindent(replacement.text, original.text, lines[where.startLine - 1] ?? '');
  let verdict;
  try {
    verdict = await ctx.input.verify({ path: unit.path, grammar, source, unit: { startLine: unit.startLine, endLine: unit.endLine }, candidate: { ...span, replacement: newText }, cwe: reply.cwe! });
  } catch (error) {
    return reject({ kind: 'verify', reason: `the replacement could not be verified (${(error as Error).message})` }, span);
  }
  if (!verdict.verified) {
    ctx.counts.verifyFailures[verdict.check] = (ctx.counts.verifyFailures[verdict.check] ?? 0) + 1;
    return reject({ kind: 'verify', reason: `the replacement failed verification: ${verdict.reason}` }, span);
  }
  return { kind: 'fixed', reply, lines: span, fix: { ...span, replacement: newText, verified: true, description: `Suggested by the model (${ctx.input.model}) and verified: it parses, stays in the unit, and no knowledge-base rule fires on it.` } };
}

export function tally(counts: JudgeCounts, rejections: readonly Rejection[]): void {
  for (const r of new Set(rejections.map((x) => x.kind))) counts.rejections[r] = (counts.rejections[r] ?? 0) + 1;
}

/** The changed lines' span inside the unit (the whole unit when none): where an unfixed finding points. */
export function changedSpan(unit: Unit): { startLine: number; endLine: number } {
  const changed = unit.changedLines.filter((l) => l >= unit.startLine && l <= unit.endLine);
  if (!changed.length) return { startLine: unit.startLine, endLine: unit.endLine };
  return { startLine: Math.min(...changed), endLine: Math.max(...changed) };
}

export function toFinding(
  unit: Unit,
  file: AssessFile,
  source: string,
  reply: JudgeReply,
  lines: { startLine: number; endLine: number },
  kb: KnowledgeBase,
  fix: Fix | undefined,
  earlier: readonly Finding[],
): Finding {
  const cwe = reply.cwe!;
  const text = source.split('\n').slice(lines.startLine - 1, lines.endLine).join('\n');
  const occurrence = earlier.filter((f) => f.path === unit.path && f.cwe === cwe && f.source === 'llm' && normalize(source, f) === text.replace(/\s+/g, ' ').trim()).length;
  return {
    fingerprint: fingerprint({ cwe, path: unit.path, text, occurrence }),
    path: unit.path,
    startLine: lines.startLine,
    endLine: lines.endLine,
    language: file.language,
    unit: unit.name,
    cwe,
    guidelines: reply.guidelines.map((id) => ({ id, text: kb.guidelines.get(id) ?? '' })),
    message: reply.explanation.length > 800 ? `${reply.explanation.slice(0, 800)}…` : reply.explanation,
    source: 'llm',
    severity: reply.severity,
    confidence: fix ? 'medium' : 'low',
    ...(fix && { fix }),
  };
}

export function normalize(source: string, f: Finding): string {
  return source.split('\n').slice(f.startLine - 1, f.endLine).join('\n').replace(/\s+/g, ' ').trim();
}
