import type { AssessFile } from '../assess/assess.js';
import type { Finding, Fix } from '../assess/finding.js';
import { grammarOf } from '../code/languages.js';
import type { Unit } from '../code/unit.js';
import { analyzeCause } from '../facets/cause-analysis.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { LlmBudget } from '../llm/budget.js';
import { LlmError, toLlmError } from '../llm/errors.js';
import type { ChatClient, ChatMessage } from '../llm/openai-client.js';
import { renderJudgeRetry } from '../llm/prompts/judge.v1.js';
import { newBoundary } from '../llm/untrusted.js';
import type { Logger } from '../logging/logger.js';
import { createRedactor, type Redactor } from '../redact/redact.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { JudgeCalls, type StopReason } from './model-calls.js';
import { changedSpan, evaluateReply, tally, toFinding, type ReplyContext } from './outcome.js';
import { buildUnitRequest, type JudgeSlicer } from './request.js';
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
  const calls = new JudgeCalls({ chat, model: input.model, options, logger, counts, warn });
  // A holder, not a `let`: JudgeCalls' methods set it, and TypeScript does not track that through them.
  const run = calls.run;
  const replyContext: ReplyContext = { input, redactor, counts };

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
        calls.consecutiveFailures = 0;
        counts.causeCalls++;
        if (cause.text) retrieval = await options.causeAnalysis.refine(unit, cause.text);
        if (!retrieval.relevant) {
          counts.notRelevantAfterCause++;
          continue;
        }
      } catch (raw) {
        // The judge can still run on the offline retrieval; the failure is counted like any other.
        const error = toLlmError(raw);
        calls.failed(error, unit);
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

    const first = await calls.call(request.messages);
    if (first instanceof LlmError) {
      calls.failed(first, unit);
      continue;
    }
    let attempt = await evaluateReply(first, unit, request, grammar, source, replyContext);
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
        const second = await calls.call(messages);
        if (second instanceof LlmError) calls.failed(second, unit);
        else {
          attempt = await evaluateReply(second, unit, request, grammar, source, replyContext);
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
    if (run.stopped.reason === 'outage') calls.outage ??= run.stopped.message;
  }
  if (counts.skipped['max-units'] > 0) warn(`${counts.skipped['max-units']} security-relevant unit(s) were over the cap of ${budget.caps.maxUnits} units sent to the model (input "max-units") and were reviewed by the knowledge-base rules only.`);
  if (redactor.count) logger.info(`Redacted ${redactor.count} secret-shaped string(s) before sending code to the model.`);
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine));
  const outage = calls.outage;
  const { retries: replyRetries, ...rest } = counts;
  const stats: JudgeStats = { ...budget.usage(), ...rest, replyRetries, redactedSecrets: redactor.count, ...(outage && { outage }) };
  return { findings, ruleFixes, stats, warnings, ...(outage && { outage }) };
}

/** Read through a call: TypeScript keeps a property's narrowing across calls that may change it. */
function stopReason(run: { stopped?: { reason: StopReason } }): StopReason | undefined {
  return run.stopped?.reason;
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
