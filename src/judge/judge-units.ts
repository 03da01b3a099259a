import type { AssessFile } from '../assess/assess.js';
import type { Finding, Fix } from '../assess/finding.js';
import { fingerprint } from '../assess/fingerprint.js';
import { grammarOf, type Grammar } from '../code/languages.js';
import type { Unit } from '../code/unit.js';
import { analyzeCause } from '../facets/cause-analysis.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { LlmBudget } from '../llm/budget.js';
import { LlmError, toLlmError } from '../llm/errors.js';
import type { ChatClient, ChatMessage, ChatOptions } from '../llm/openai-client.js';
import { JUDGE_REPLY_SCHEMA, renderJudgeRetry } from '../llm/prompts/judge.v1.js';
import { newBoundary } from '../llm/untrusted.js';
import type { Logger } from '../logging/logger.js';
import { createRedactor, type Redactor } from '../redact/redact.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { locateOriginal, reindent } from './locate.js';
import { checkReply, type JudgeReply, type Rejection } from './reply.js';
import { buildUnitRequest, type JudgeSlicer, type UnitRequest } from './request.js';
import { emptyJudgeCounts, type JudgeCounts, type JudgeStats } from './stats.js';
import type { ReplacementVerifier } from './verifier.js';

export interface JudgeOptions {
  /** Default 0.2, as the paper. */
  readonly temperature?: number;
  /** Ask for JSON-schema output (default true); turned off for the run when the endpoint refuses it. */
  readonly structuredOutput?: boolean;
  /** Show units sliced around their changed lines (default true). */
  readonly slice?: boolean;
  readonly slicer?: JudgeSlicer;
  /** The untrusted block's token (tests fix it; default random per request). */
  readonly boundary?: () => string;
  /** One per run; default a new one. */
  readonly redactor?: Redactor;
  /**
   * The rule findings of the same run: an LLM finding of the same CWE in the same unit is a duplicate and
   * is left out; its verified fix is offered for the rule finding when that has none (`ruleFixes`).
   */
  readonly ruleFindings?: readonly Finding[];
  /**
   * The paper's optional cause-analysis call before the judge: the model's cause paragraph replaces the
   * offline cause query and `refine` retrieves again with it. A unit that is then not relevant is not judged.
   */
  readonly causeAnalysis?: { refine(unit: Unit, causeText: string): Promise<Retrieval> };
  /** Consecutive failed calls after which the model is treated as down for the rest of the run (default 3). */
  readonly maxConsecutiveFailures?: number;
  /** Input tokens kept free for the retry's extra text (default 250). */
  readonly retryHeadroom?: number;
}

export interface JudgeInput {
  /** The units of the run; only those whose retrieval is `relevant` (the gate) reach the model. */
  readonly units: readonly Unit[];
  /** Retrieval per unit: a Map keyed by the unit, or an array parallel to `units`. */
  readonly retrievals: ReadonlyMap<Unit, Retrieval> | readonly (Retrieval | undefined)[];
  /** Head text of every file that has units (the pipeline's `files`). */
  readonly files: ReadonlyMap<string, AssessFile>;
  readonly kb: KnowledgeBase;
  /**
   * The chat client (createLlmClient, or any ChatClient). Not budgeted yet: the stage puts it under
   * `budget`, which counts calls and tokens and enforces the caps.
   */
  readonly client: ChatClient;
  readonly model: string;
  readonly budget: LlmBudget;
  readonly logger: Logger;
  readonly verify: ReplacementVerifier;
  /** Untrusted: quoted as data, redacted. */
  readonly pr?: { readonly title?: string; readonly body?: string };
  readonly options?: JudgeOptions;
}

export interface JudgeOutput {
  /** LLM findings (source `llm`), with a verified fix or without a suggestion; sorted by path and line. */
  readonly findings: Finding[];
  /** Verified model fixes for rule findings that had none (same CWE, same unit). */
  readonly ruleFixes: { readonly fingerprint: string; readonly fix: Fix }[];
  readonly stats: JudgeStats;
  /** Already logged as warnings; for the job summary. */
  readonly warnings: string[];
  /** Set when model calls failed (outage, refused credentials): `fail-on: errors` should fail the run. */
  readonly outage?: string;
}

type Attempt =
  | { readonly kind: 'fixed'; readonly reply: JudgeReply; readonly fix: Fix; readonly lines: { startLine: number; endLine: number } }
  | { readonly kind: 'not-vulnerable' }
  | { readonly kind: 'rejected'; readonly rejections: readonly Rejection[]; readonly credible?: JudgeReply; readonly lines?: { startLine: number; endLine: number } };

const STRUCTURED_REFUSAL = /response_format|json_schema|structured|schema|not supported|unsupported|unrecognized/i;

/**
 * The judge stage: each security-relevant unit (retrieval's gate), best retrieval score first, within the
 * caps, is sent to the model with its guidelines, the sliced secure example and the unit itself; the
 * reply is validated (format, citations, target), its replacement located by content, restored from
 * placeholders and verified. A rejected reply is retried once with the reasons; then a credible, cited
 * finding is kept without a suggestion, anything else is dropped and counted. Pure over its inputs except
 * the injected client. Never throws for a model failure: it warns, counts, and sets `outage`.
 */
export async function judgeUnits(input: JudgeInput): Promise<JudgeOutput> {
  const options = input.options ?? {};
  const { budget, logger, kb } = input;
  const chat = budget.client(input.client);
  const redactor = options.redactor ?? createRedactor();
  const counts: JudgeCounts = emptyJudgeCounts();
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (warnings.includes(message)) return;
    warnings.push(message);
    logger.warning(message);
  };
  const findings: Finding[] = [];
  const ruleFixes: { fingerprint: string; fix: Fix }[] = [];
  const pr = { title: input.pr?.title ? redactor.redact(input.pr.title) : undefined, body: input.pr?.body ? redactor.redact(input.pr.body) : undefined };
  const redacted = new Map<string, string>();
  const redactedText = (path: string, text: string): string => {
    let r = redacted.get(path);
    if (r === undefined) redacted.set(path, (r = redactor.redact(text)));
    return r;
  };
  let structured = options.structuredOutput ?? true;
  // A holder, not a `let`: closures set it, and TypeScript does not track that through them.
  const run: { stopped?: { reason: 'max-calls' | 'deadline' | 'outage'; message: string } } = {};
  let consecutiveFailures = 0;
  let outage: string | undefined;
  const maxFailures = options.maxConsecutiveFailures ?? 3;

  /** One call; structured output is dropped for the run if the endpoint refuses it. */
  const call = async (messages: readonly ChatMessage[]): Promise<string | LlmError> => {
    const opts: ChatOptions = {
      model: input.model,
      temperature: options.temperature ?? 0.2,
      ...(structured && { responseFormat: { type: 'json_schema', name: 'security_review', schema: JUDGE_REPLY_SCHEMA } }),
    };
    try {
      const result = await chat.complete(messages, opts);
      consecutiveFailures = 0;
      if (result.finishReason === 'length') logger.debug('judge: the reply was cut at the output-token limit');
      return result.text;
    } catch (raw) {
      const error = toLlmError(raw);
      if (structured && error.kind === 'request' && error.status === 400 && STRUCTURED_REFUSAL.test(error.message)) {
        structured = false;
        logger.info(`The model endpoint refused structured output (${error.message}); asking for plain JSON for the rest of the run.`);
        return call(messages);
      }
      return error;
    }
  };

  /** Records a failed call; true when the run should stop calling the model. */
  const failed = (error: LlmError, unit: Unit): void => {
    if (error.kind === 'budget') {
      run.stopped = { reason: /deadline|allowed for model work/.test(error.message) ? 'deadline' : 'max-calls', message: error.message };
      return;
    }
    counts.failedUnits++;
    consecutiveFailures++;
    outage ??= error.message;
    warn(`The model call for ${unit.path}:${unit.startLine} (${unit.name}) failed: ${error.message}. The unit was reviewed by the knowledge-base rules only.`);
    if (error.kind === 'auth') {
      run.stopped = { reason: 'outage', message: error.message };
    } else if (consecutiveFailures >= maxFailures) {
      run.stopped = { reason: 'outage', message: `${consecutiveFailures} model calls in a row failed (last: ${error.message})` };
    }
  };

  const evaluate = async (text: string, unit: Unit, request: UnitRequest, grammar: Grammar, source: string): Promise<Attempt> => {
    const check = checkReply(text, { path: unit.path, guidelineIds: request.guidelineIds, cwes: request.cwes });
    if (check.kind === 'not-vulnerable') return { kind: 'not-vulnerable' };
    if (check.kind === 'rejected') return { kind: 'rejected', rejections: check.rejections };
    const reply = check.reply;
    const reject = (r: Rejection, lines?: { startLine: number; endLine: number }): Attempt => ({ kind: 'rejected', rejections: [r], credible: reply, lines });
    if (!reply.original?.trim() || reply.replacement === null) {
      return reject({ kind: 'no-replacement', reason: 'a vulnerable verdict needs "original" (the lines to replace) and "replacement"' });
    }
    const original = redactor.restore(reply.original);
    const replacement = redactor.restore(reply.replacement);
    const unknown = [...original.unknown, ...replacement.unknown];
    if (unknown.length) return reject({ kind: 'placeholder', reason: `the reply uses ${[...new Set(unknown)].join(', ')}, which stands for no secret of this code` });
    const lines = source.split('\n');
    const where = locateOriginal({ lines, original: original.text, unit, shown: request.shown, changedLines: unit.changedLines });
    if (!where.ok) return reject({ kind: 'location', reason: where.reason });
    const span = { startLine: where.startLine, endLine: where.endLine };
    const newText = reindent(replacement.text, original.text, lines[where.startLine - 1] ?? '');
    let verdict;
    try {
      verdict = await input.verify({ path: unit.path, grammar, source, unit: { startLine: unit.startLine, endLine: unit.endLine }, candidate: { ...span, replacement: newText }, cwe: reply.cwe! });
    } catch (error) {
      return reject({ kind: 'verify', reason: `the replacement could not be verified (${(error as Error).message})` }, span);
    }
    if (!verdict.verified) {
      counts.verifyFailures[verdict.check] = (counts.verifyFailures[verdict.check] ?? 0) + 1;
      return reject({ kind: 'verify', reason: `the replacement failed verification: ${verdict.reason}` }, span);
    }
    return { kind: 'fixed', reply, lines: span, fix: { ...span, replacement: newText, verified: true, description: `Suggested by the model (${input.model}) and verified: it parses, stays in the unit, and no knowledge-base rule fires on it.` } };
  };

  const ordered = relevantUnits(input);
  counts.unitsRelevant = ordered.length;
  for (const [unit, firstRetrieval] of ordered) {
    if (run.stopped) {
      counts.skipped[run.stopped.reason]++;
      continue;
    }
    const file = input.files.get(unit.path);
    if (!file) {
      counts.skipped['no-text']++;
      continue;
    }
    const grammar = file.grammar ?? grammarOf(unit.path, file.language);
    const source = file.text;
    const safeSource = redactedText(unit.path, source);
    let retrieval = firstRetrieval;

    if (options.causeAnalysis) {
      if (budget.callsLeft < 2) {
        counts.skipped['max-calls']++;
        continue;
      }
      const code = safeSource.split('\n').slice(unit.startLine - 1, unit.endLine).join('\n');
      try {
        const cause = await analyzeCause(chat, input.model, { language: unit.language, code, description: [pr.title, pr.body].filter(Boolean).join('\n\n') });
        consecutiveFailures = 0;
        counts.causeCalls++;
        if (cause.text) retrieval = await options.causeAnalysis.refine(unit, cause.text);
        if (!retrieval.relevant) {
          counts.notRelevantAfterCause++;
          continue;
        }
      } catch (raw) {
        // The judge can still run on the offline retrieval; the failure is counted like any other.
        const error = toLlmError(raw);
        failed(error, unit);
        const stop = stopReason(run);
        if (stop) {
          counts.skipped[stop]++;
          continue;
        }
      }
    }

    const maxTokens = budget.caps.maxInputTokens - (options.retryHeadroom ?? 250);
    const request = await buildUnitRequest(
      { unit, grammar, redactedSource: safeSource, retrieval, kb, pr, boundary: (options.boundary ?? newBoundary)(), slice: options.slice, slicer: options.slicer },
      { maxTokens, count: (m) => budget.countMessages(m) },
    );
    if ('overCap' in request) {
      counts.skipped['token-cap']++;
      logger.info(`${unit.path}:${unit.startLine} (${unit.name}) was not sent to the model: its smallest request has ${request.overCap} input tokens, over the cap of ${maxTokens}.`);
      continue;
    }
    if (request.guidelineIds.size === 0) {
      counts.skipped['no-guidelines']++;
      continue;
    }
    if (!budget.takeUnit()) {
      counts.skipped['max-units']++;
      continue;
    }
    if (request.trimmed.length) logger.debug(`${unit.path}:${unit.startLine}: left out ${request.trimmed.join(', ')} to fit the input cap`);

    const first = await call(request.messages);
    if (first instanceof LlmError) {
      failed(first, unit);
      continue;
    }
    let attempt = await evaluate(first, unit, request, grammar, source);
    let last = attempt;
    let credible = attempt.kind === 'rejected' ? attempt.credible && { reply: attempt.credible, lines: attempt.lines } : undefined;
    if (attempt.kind === 'rejected') {
      counts.rejectedReplies++;
      tally(counts, attempt.rejections);
      logger.debug(`${unit.path}:${unit.startLine}: reply rejected (${attempt.rejections.map((r) => r.reason).join('; ')}); retrying once`);
      if (budget.callRefusal()) {
        run.stopped = { reason: budget.callRefusal()!.includes('allowed for model work') ? 'deadline' : 'max-calls', message: budget.callRefusal()! };
      } else {
        const retry = renderJudgeRetry(attempt.rejections.map((r) => r.reason));
        let messages: ChatMessage[] = [...request.messages, { role: 'assistant', content: first.slice(0, 6000) }, { role: 'user', content: retry }];
        if ((await budget.countMessages(messages)) > budget.caps.maxInputTokens) messages = [...request.messages, { role: 'user', content: retry }];
        counts.retries++;
        const second = await call(messages);
        if (second instanceof LlmError) failed(second, unit);
        else {
          attempt = await evaluate(second, unit, request, grammar, source);
          last = attempt;
          if (attempt.kind === 'rejected') {
            counts.rejectedReplies++;
            tally(counts, attempt.rejections);
            if (attempt.credible) credible = { reply: attempt.credible, lines: attempt.lines };
          }
        }
      }
    }

    if (last.kind === 'not-vulnerable') {
      counts.notVulnerable++;
      continue;
    }
    const base = last.kind === 'fixed' ? { reply: last.reply, lines: last.lines } : credible;
    if (!base) {
      counts.dropped++;
      logger.debug(`${unit.path}:${unit.startLine}: reply dropped after the retry (${last.kind === 'rejected' ? last.rejections.map((r) => r.reason).join('; ') : ''})`);
      continue;
    }
    const lines = base.lines ?? changedSpan(unit);
    const finding = toFinding(unit, file, source, base.reply, lines, kb, last.kind === 'fixed' ? last.fix : undefined, findings);
    const duplicate = (options.ruleFindings ?? []).find((f) => f.path === unit.path && f.cwe === finding.cwe && f.startLine >= unit.startLine && f.endLine <= unit.endLine);
    if (duplicate) {
      counts.duplicates++;
      if (!duplicate.fix && finding.fix) ruleFixes.push({ fingerprint: duplicate.fingerprint, fix: finding.fix });
      continue;
    }
    if (finding.fix) counts.findingsWithFix++;
    else counts.findingsWithoutFix++;
    findings.push(finding);
  }

  if (run.stopped) {
    const skipped = counts.skipped[run.stopped.reason];
    const message =
      run.stopped.reason === 'outage'
        ? `The model is unavailable (${run.stopped.message}); ${skipped} more unit(s) were reviewed by the knowledge-base rules only.`
        : `Model work stopped: ${run.stopped.message}; ${skipped} security-relevant unit(s) were reviewed by the knowledge-base rules only.`;
    if (run.stopped.reason === 'outage' || skipped > 0) warn(message);
    if (run.stopped.reason === 'outage') outage ??= run.stopped.message;
  }
  if (counts.skipped['max-units'] > 0) warn(`${counts.skipped['max-units']} security-relevant unit(s) were over the cap of ${budget.caps.maxUnits} units sent to the model (input "max-units") and were reviewed by the knowledge-base rules only.`);
  if (redactor.count) logger.info(`Redacted ${redactor.count} secret-shaped string(s) before sending code to the model.`);
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine));
  const { retries: replyRetries, ...rest } = counts;
  const stats: JudgeStats = { ...budget.usage(), ...rest, replyRetries, redactedSecrets: redactor.count, ...(outage && { outage }) };
  return { findings, ruleFixes, stats, warnings, ...(outage && { outage }) };
}

/** Read through a call: TypeScript keeps a property's narrowing across calls that may change it. */
function stopReason(run: { stopped?: { reason: 'max-calls' | 'deadline' | 'outage' } }): 'max-calls' | 'deadline' | 'outage' | undefined {
  return run.stopped?.reason;
}

function tally(counts: JudgeCounts, rejections: readonly Rejection[]): void {
  for (const r of new Set(rejections.map((x) => x.kind))) counts.rejections[r] = (counts.rejections[r] ?? 0) + 1;
}

function relevantUnits(input: JudgeInput): [Unit, Retrieval][] {
  const pairs: [Unit, Retrieval][] = [];
  input.units.forEach((unit, i) => {
    const r = Array.isArray(input.retrievals) ? (input.retrievals as readonly (Retrieval | undefined)[])[i] : (input.retrievals as ReadonlyMap<Unit, Retrieval>).get(unit);
    if (r?.relevant) pairs.push([unit, r]);
  });
  // Most security-relevant first, so the unit cap keeps the best; stable otherwise.
  return pairs.map((p, i) => ({ p, i })).sort((a, b) => (b.p[1].cwes[0]?.score ?? 0) - (a.p[1].cwes[0]?.score ?? 0) || a.i - b.i).map((x) => x.p);
}

/** The changed lines' span inside the unit (the whole unit when none): where an unfixed finding points. */
function changedSpan(unit: Unit): { startLine: number; endLine: number } {
  const changed = unit.changedLines.filter((l) => l >= unit.startLine && l <= unit.endLine);
  if (!changed.length) return { startLine: unit.startLine, endLine: unit.endLine };
  return { startLine: Math.min(...changed), endLine: Math.max(...changed) };
}

function toFinding(
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

function normalize(source: string, f: Finding): string {
  return source.split('\n').slice(f.startLine - 1, f.endLine).join('\n').replace(/\s+/g, ' ').trim();
}
