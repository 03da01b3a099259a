import { LlmError, toLlmError } from './errors.js';
import type { ChatClient, ChatMessage } from './openai-client.js';
import { countMessageTokens, loadTokenCounter, type TokenCounter } from './tokens.js';

/** The caps of one run (inputs `max-units`, `max-llm-calls`, `max-input-tokens`). */
export interface BudgetCaps {
  /** Security-relevant units sent to the model. */
  readonly maxUnits: number;
  /** Model calls, whatever their outcome. */
  readonly maxCalls: number;
  /** Input tokens of one request, counted locally before it is sent. GitHub Models' free tier: 8,000. */
  readonly maxInputTokens: number;
  /** Output tokens asked for per call. */
  readonly maxOutputTokens?: number;
  /** Wall time for all model work of the run; later units are skipped, never waited for. */
  readonly deadlineMs?: number;
}

export const DEFAULT_CAPS: Required<BudgetCaps> = {
  maxUnits: 30,
  maxCalls: 40,
  maxInputTokens: 7000,
  maxOutputTokens: 1500,
  deadlineMs: 10 * 60_000,
};

/** What the model cost, for the job summary and the findings JSON `stats`. */
export interface LlmUsage {
  readonly unitsSentToLlm: number;
  /** Calls made (answered or failed), transport retries not counted. */
  readonly llmCalls: number;
  readonly failedCalls: number;
  /** Transport retries (429, 5xx, timeouts) inside calls. */
  readonly retries: number;
  /** From the endpoint's `usage` when it reports it, else counted locally. */
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/**
 * The run's shared counter: caps, local token counting, and usage. One per run; every model call of the run
 * (cause analysis and judge) goes through `client()` so the caps hold for all of them.
 */
export class LlmBudget {
  readonly caps: Required<BudgetCaps>;
  private units = 0;
  private calls = 0;
  private failed = 0;
  private retried = 0;
  private prompt = 0;
  private completion = 0;
  private readonly started: number;
  private readonly now: () => number;
  private counter?: TokenCounter;

  constructor(caps: Partial<BudgetCaps> = {}, options: { readonly now?: () => number; readonly countTokens?: TokenCounter } = {}) {
    this.caps = { ...DEFAULT_CAPS, ...Object.fromEntries(Object.entries(caps).filter(([, v]) => v !== undefined)) } as Required<BudgetCaps>;
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.counter = options.countTokens;
  }

  /** The tokenizer, loaded on first use. */
  async tokenCounter(): Promise<TokenCounter> {
    this.counter ??= await loadTokenCounter();
    return this.counter;
  }

  async countMessages(messages: readonly ChatMessage[]): Promise<number> {
    return countMessageTokens(messages, await this.tokenCounter());
  }

  /** Why no further call may be made, or undefined. */
  callRefusal(): string | undefined {
    if (this.calls >= this.caps.maxCalls) return `the cap of ${this.caps.maxCalls} model calls per run was reached`;
    if (this.now() - this.started >= this.caps.deadlineMs) return `the ${Math.round(this.caps.deadlineMs / 1000)} s allowed for model work was used up`;
    return undefined;
  }

  /** Takes a unit slot; false when `maxUnits` units were already sent. */
  takeUnit(): boolean {
    if (this.units >= this.caps.maxUnits) return false;
    this.units++;
    return true;
  }

  get unitsTaken(): number {
    return this.units;
  }

  get callsLeft(): number {
    return Math.max(0, this.caps.maxCalls - this.calls);
  }

  noteRetry(): void {
    this.retried++;
  }

  usage(): LlmUsage {
    return {
      unitsSentToLlm: this.units,
      llmCalls: this.calls,
      failedCalls: this.failed,
      retries: this.retried,
      promptTokens: this.prompt,
      completionTokens: this.completion,
    };
  }

  /**
   * `inner` under this budget: refuses calls past the call cap or the deadline and requests over the input
   * cap (LlmError `budget`, nothing sent), counts calls and tokens, turns every error into an LlmError.
   */
  client(inner: ChatClient): ChatClient {
    return {
      complete: async (messages, opts) => {
        const refusal = this.callRefusal();
        if (refusal) throw new LlmError('budget', refusal);
        const counter = await this.tokenCounter();
        const local = countMessageTokens(messages, counter);
        if (local > this.caps.maxInputTokens) throw new LlmError('budget', `the request has ${local} input tokens, over the cap of ${this.caps.maxInputTokens}`);
        this.calls++;
        try {
          const result = await inner.complete(messages, { ...opts, maxTokens: opts.maxTokens ?? this.caps.maxOutputTokens });
          this.prompt += result.usage.promptTokens || local;
          this.completion += result.usage.completionTokens || counter(result.text);
          return result;
        } catch (error) {
          this.failed++;
          throw toLlmError(error);
        }
      },
    };
  }
}
