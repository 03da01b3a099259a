import type { ChatClient, ChatMessage } from '../../llm/openai-client.js';
import type { KbCase } from '../../llm/prompts/kb-cases.js';
import { kbCausePrompt } from '../../llm/prompts/kb-cause.v1.js';
import { kbGuidelinesPrompt } from '../../llm/prompts/kb-guidelines.v1.js';
import { kbMergeCausePrompt } from '../../llm/prompts/kb-merge-cause.v1.js';
import { kbMergeGuidelinesPrompt } from '../../llm/prompts/kb-merge-guidelines.v1.js';
import { promptKey, type PromptTemplate } from '../../llm/prompts/prompt-template.js';
import type { z } from 'zod';
import { DEFAULT_BATCH_SIZE, plannedCalls, reduceInBatches } from './batching.js';
import { replyKey, type ReplyCache } from './cache.js';
import { silentProgress, type Progress } from './progress.js';
import { causeReplySchema, guidelinesReplySchema, parseReply } from './replies.js';

export type { KbCase };
export type SummaryOutput = 'guidelines' | 'cause';
export const SUMMARY_OUTPUTS: readonly SummaryOutput[] = ['guidelines', 'cause'];

/** The prompt versions this driver uses, recorded with mined knowledge. */
export const SUMMARY_PROMPTS = [kbGuidelinesPrompt, kbCausePrompt, kbMergeGuidelinesPrompt, kbMergeCausePrompt].map(promptKey);

export interface CweCases {
  readonly cwe: string;
  readonly cases: readonly KbCase[];
}

export interface CweSummary {
  readonly cwe: string;
  /** Absent when that output failed. */
  readonly guidelines?: readonly string[];
  readonly cause?: string;
}

export interface SummaryFailure {
  readonly cwe: string;
  readonly output: SummaryOutput;
  /** 1 for batches of cases, 2+ for merges. */
  readonly level: number;
  readonly batch: number;
  readonly reason: string;
}

export interface SummaryReport {
  /** Requests sent to the endpoint, retries included. */
  readonly calls: number;
  readonly retries: number;
  readonly cacheHits: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly failures: readonly SummaryFailure[];
}

export interface SummarizeOptions {
  readonly client: ChatClient;
  readonly model: string;
  readonly cache?: ReplyCache;
  readonly batchSize?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  readonly temperature?: number;
  readonly progress?: Progress;
}

interface Step<I, T> {
  readonly prompt: PromptTemplate<I>;
  readonly input: I;
  readonly schema: z.ZodType<T>;
  readonly where: Omit<SummaryFailure, 'reason'>;
}

/**
 * Summarizes each CWE's cases into guidelines and a cause (the paper's cluster-then-summarize). Results
 * are cached by prompt version, model and batch content; a malformed reply is retried once with the
 * reason, then reported as a failure of that CWE's output, and the other outputs and CWEs go on.
 */
export async function summarizeCwes(groups: readonly CweCases[], opts: SummarizeOptions): Promise<{ summaries: CweSummary[]; report: SummaryReport }> {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = opts.progress ?? silentProgress;
  const limit = limiter(opts.concurrency ?? 4);
  const stats = { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0 };
  const failures: SummaryFailure[] = [];

  async function step<I, T>(s: Step<I, T>): Promise<T | undefined> {
    const label = `${s.where.cwe} ${s.where.output} L${s.where.level}#${s.where.batch + 1}`;
    const user = s.prompt.render(s.input);
    const prompt = promptKey(s.prompt);
    const key = replyKey(prompt, opts.model, { system: s.prompt.system, user });
    const cached = await opts.cache?.get(key);
    if (cached) {
      const again = s.schema.safeParse(cached.value);
      if (again.success) {
        stats.cacheHits++;
        progress.advance(`${label} (cached)`);
        return again.data;
      }
    }
    const messages: ChatMessage[] = [
      { role: 'system', content: s.prompt.system },
      { role: 'user', content: user },
    ];
    let reason = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) stats.retries++;
      let text: string;
      try {
        const result = await limit(() => opts.client.complete(messages, { model: opts.model, temperature: opts.temperature ?? 0.2 }));
        stats.calls++;
        stats.promptTokens += result.usage.promptTokens;
        stats.completionTokens += result.usage.completionTokens;
        text = result.text;
      } catch (e) {
        stats.calls++;
        reason = `request failed: ${(e as Error).message}`;
        break; // the client already retried transport errors; do not spend the malformed-reply retry on them
      }
      const parsed = parseReply(text, s.schema);
      if (parsed.ok) {
        await opts.cache?.set(key, { prompt, model: opts.model, value: parsed.value });
        progress.advance(label);
        return parsed.value;
      }
      reason = `malformed reply: ${parsed.reason}`;
      messages.push(
        { role: 'assistant', content: text },
        { role: 'user', content: `That reply cannot be used (${parsed.reason}). Reply again with only the JSON object described in the instructions.` },
      );
    }
    failures.push({ ...s.where, reason });
    progress.advance(`${label} FAILED`);
    return undefined;
  }

  progress.start(groups.reduce((n, g) => n + SUMMARY_OUTPUTS.length * plannedCalls(g.cases.length, size), 0));
  const summaries = await Promise.all(
    groups.map(async ({ cwe, cases }): Promise<CweSummary> => {
      const [guidelines, cause] = await Promise.all([
        reduceInBatches(
          cases,
          size,
          (batch, i) =>
            step({ prompt: kbGuidelinesPrompt, input: { cwe, cases: batch }, schema: guidelinesReplySchema, where: { cwe, output: 'guidelines', level: 1, batch: i } }).then((r) => r?.guidelines),
          (lists, level, i) =>
            step({ prompt: kbMergeGuidelinesPrompt, input: { cwe, lists }, schema: guidelinesReplySchema, where: { cwe, output: 'guidelines', level, batch: i } }).then((r) => r?.guidelines),
        ),
        reduceInBatches(
          cases,
          size,
          (batch, i) =>
            step({ prompt: kbCausePrompt, input: { cwe, cases: batch }, schema: causeReplySchema, where: { cwe, output: 'cause', level: 1, batch: i } }).then((r) => r?.cause),
          (causes, level, i) =>
            step({ prompt: kbMergeCausePrompt, input: { cwe, causes }, schema: causeReplySchema, where: { cwe, output: 'cause', level, batch: i } }).then((r) => r?.cause),
        ),
      ]);
      return { cwe, ...(guidelines && { guidelines }), ...(cause && { cause }) };
    }),
  );
  progress.finish();
  failures.sort((a, b) => a.cwe.localeCompare(b.cwe) || a.output.localeCompare(b.output) || a.level - b.level || a.batch - b.batch);
  return { summaries, report: { ...stats, failures } };
}

export function formatReport(report: SummaryReport): string {
  const lines = [
    `summarizer: ${report.calls} call(s) (${report.retries} retry), ${report.cacheHits} cached, ${report.promptTokens} prompt + ${report.completionTokens} completion tokens`,
  ];
  for (const f of report.failures) lines.push(`  FAILED ${f.cwe} ${f.output} level ${f.level} batch ${f.batch + 1}: ${f.reason}`);
  return lines.join('\n');
}

/** At most `n` tasks at once; the rest wait in order. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
