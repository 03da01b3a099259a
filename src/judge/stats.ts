import type { LlmUsage } from '../llm/budget.js';
import type { RejectionKind } from './reply.js';

export type SkipReason = 'max-units' | 'max-calls' | 'deadline' | 'token-cap' | 'outage' | 'no-text' | 'no-guidelines';

/** What the judge stage did besides the model's usage. */
export interface JudgeCounts {
  /** Units the retrieval gate marked security-relevant. */
  unitsRelevant: number;
  /** Relevant units not sent, by reason. */
  skipped: Record<SkipReason, number>;
  causeCalls: number;
  /** Units the cause-analysis call's retrieval found not relevant after all. */
  notRelevantAfterCause: number;
  /** Units whose model call failed (after transport retries). */
  failedUnits: number;
  /** Replies refused by validation (each attempt counts). */
  rejectedReplies: number;
  /** Refused replies by reason. */
  rejections: Partial<Record<RejectionKind, number>>;
  /** Replacements refused by verification, by check (parse, rule-still-fires, outside-unit, ...). */
  verifyFailures: Partial<Record<string, number>>;
  /** Retries with the reasons (one per unit at most). */
  retries: number;
  notVulnerable: number;
  findingsWithFix: number;
  findingsWithoutFix: number;
  /** Findings dropped: not credible or not cited after the retry. */
  dropped: number;
  /** LLM findings that repeated a rule finding of the same CWE in the same unit. */
  duplicates: number;
}

export type JudgeStats = LlmUsage & Omit<JudgeCounts, 'retries'> & {
  /** Retries with the reasons after a rejected reply (`retries` counts transport retries: 429, 5xx, timeouts). */
  readonly replyRetries: number;
  readonly redactedSecrets: number;
  /** The first model failure of the run, when calls failed. */
  readonly outage?: string;
};

export function emptyJudgeCounts(): JudgeCounts {
  return {
    unitsRelevant: 0,
    skipped: { 'max-units': 0, 'max-calls': 0, deadline: 0, 'token-cap': 0, outage: 0, 'no-text': 0, 'no-guidelines': 0 },
    causeCalls: 0,
    notRelevantAfterCause: 0,
    failedUnits: 0,
    rejectedReplies: 0,
    rejections: {},
    verifyFailures: {},
    retries: 0,
    notVulnerable: 0,
    findingsWithFix: 0,
    findingsWithoutFix: 0,
    dropped: 0,
    duplicates: 0,
  };
}

/** The fields of the pipeline's RunStats (findings JSON `stats`) that the judge fills. */
export function runStatsOf(stats: JudgeStats): {
  unitsSentToLlm: number;
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  llmFailedCalls: number;
  llmRejectedReplies: number;
  llmDroppedFindings: number;
  llmSkippedUnits: number;
  llmOutage?: string;
} {
  const skipped = Object.values(stats.skipped).reduce((a, b) => a + b, 0);
  return {
    unitsSentToLlm: stats.unitsSentToLlm,
    llmCalls: stats.llmCalls,
    promptTokens: stats.promptTokens,
    completionTokens: stats.completionTokens,
    llmFailedCalls: stats.failedCalls,
    llmRejectedReplies: stats.rejectedReplies,
    llmDroppedFindings: stats.dropped,
    llmSkippedUnits: skipped,
    ...(stats.outage && { llmOutage: stats.outage }),
  };
}

/** Markdown lines for the job summary: what the model was asked and what came of it. */
export function renderJudgeSummary(stats: JudgeStats, model: string): string[] {
  const out: string[] = [];
  const skipped = Object.entries(stats.skipped).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${SKIP_TEXT[r as SkipReason]}`);
  out.push(
    `- Model \`${model}\`: ${stats.unitsSentToLlm} of ${stats.unitsRelevant} security-relevant unit${stats.unitsRelevant === 1 ? '' : 's'} sent; ` +
      `${stats.llmCalls} call${stats.llmCalls === 1 ? '' : 's'}, ${stats.promptTokens} input and ${stats.completionTokens} output tokens.`,
  );
  out.push(
    `- Model findings: ${stats.findingsWithFix} with a verified fix, ${stats.findingsWithoutFix} without a suggestion, ${stats.dropped} dropped (not credible or not cited), ${stats.notVulnerable} unit${stats.notVulnerable === 1 ? '' : 's'} judged not vulnerable` +
      (stats.rejectedReplies ? `; ${stats.rejectedReplies} repl${stats.rejectedReplies === 1 ? 'y' : 'ies'} rejected (${Object.entries(stats.rejections).map(([k, n]) => `${k} ${n}`).join(', ')})` : '') +
      '.',
  );
  if (skipped.length) out.push(`- Not sent to the model: ${skipped.join(', ')}.`);
  if (stats.redactedSecrets) out.push(`- ${stats.redactedSecrets} secret-shaped string${stats.redactedSecrets === 1 ? '' : 's'} redacted before sending.`);
  if (stats.outage) out.push(`- ⚠️ **Model calls failed**: ${stats.outage}. ${stats.failedCalls} call${stats.failedCalls === 1 ? '' : 's'} failed; the affected units were reviewed by the knowledge-base rules only.`);
  return out;
}

const SKIP_TEXT: Readonly<Record<SkipReason, string>> = {
  'max-units': 'over the unit cap (max-units)',
  'max-calls': 'over the call cap (max-llm-calls)',
  deadline: 'past the time allowed for model work',
  'token-cap': 'over the input-token cap (max-input-tokens)',
  outage: 'after the model became unavailable',
  'no-text': 'without file text',
  'no-guidelines': 'without guidelines for their language',
};
