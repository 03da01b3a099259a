import type { Unit } from '../code/unit.js';
import { LlmError, toLlmError } from '../llm/errors.js';
import type { ChatClient, ChatMessage, ChatOptions } from '../llm/openai-client.js';
import { JUDGE_REPLY_SCHEMA } from '../llm/prompts/judge.v1.js';
import type { Logger } from '../logging/logger.js';
import type { JudgeCounts } from './stats.js';

const STRUCTURED_REFUSAL = /response_format|json_schema|structured|schema|not supported|unsupported|unrecognized/i;

export type StopReason = 'max-calls' | 'deadline' | 'outage';

export interface JudgeCallsSettings {
  /** The budgeted client. */
  readonly chat: ChatClient;
  readonly model: string;
  /** The judge's options (`temperature`, `structuredOutput`, `maxConsecutiveFailures`). */
  readonly options: { readonly temperature?: number; readonly structuredOutput?: boolean; readonly maxConsecutiveFailures?: number };
  readonly logger: Logger;
  readonly counts: JudgeCounts;
  readonly warn: (message: string) => void;
}

/**
 * The judge's model calls over one run: structured output is dropped for the run when the endpoint
 * refuses it, failed calls are counted and warned about, and too many in a row (or refused credentials,
 * or the budget) stop the run's model work.
 */
export class JudgeCalls {
  /** Set when the run should stop calling the model. */
  readonly run: { stopped?: { reason: StopReason; message: string } } = {};
  /** Failed calls since the last successful one (judgeUnits resets it after a cause-analysis call too). */
  consecutiveFailures = 0;
  /** The first failure's message: the model calls failed, `fail-on: errors` should fail the run. */
  outage: string | undefined;
  private structured: boolean;
  private readonly maxFailures: number;

  constructor(private readonly settings: JudgeCallsSettings) {
    this.structured = settings.options.structuredOutput ?? true;
    this.maxFailures = settings.options.maxConsecutiveFailures ?? 3;
  }

  /** One call; structured output is dropped for the run if the endpoint refuses it. */
  async call(messages: readonly ChatMessage[]): Promise<string | LlmError> {
    const { chat, model, options, logger } = this.settings;
    const opts: ChatOptions = {
      model,
      temperature: options.temperature ?? 0.2,
      ...(this.structured && { responseFormat: { type: 'json_schema', name: 'security_review', schema: JUDGE_REPLY_SCHEMA } }),
    };
    try {
      const result = await chat.complete(messages, opts);
      this.consecutiveFailures = 0;
      if (result.finishReason === 'length') logger.debug('judge: the reply was cut at the output-token limit');
      return result.text;
    } catch (raw) {
      const error = toLlmError(raw);
      if (this.structured && error.kind === 'request' && error.status === 400 && STRUCTURED_REFUSAL.test(error.message)) {
        this.structured = false;
        logger.info(`The model endpoint refused structured output (${error.message}); asking for plain JSON for the rest of the run.`);
        return this.call(messages);
      }
      return error;
    }
  }

  /** Records a failed call, and whether the run should stop calling the model (`run.stopped`). */
  failed(error: LlmError, unit: Unit): void {
    const { counts, warn } = this.settings;
    if (error.kind === 'budget') {
      this.run.stopped = { reason: /deadline|allowed for model work/.test(error.message) ? 'deadline' : 'max-calls', message: error.message };
      return;
    }
    counts.failedUnits++;
    this.consecutiveFailures++;
    this.outage ??= error.message;
    warn(`The model call for ${unit.path}:${unit.startLine} (${unit.name}) failed: ${error.message}. The unit was reviewed by the knowledge-base rules only.`);
    if (error.kind === 'auth') {
      this.run.stopped = { reason: 'outage', message: error.message };
    } else if (this.consecutiveFailures >= this.maxFailures) {
      this.run.stopped = { reason: 'outage', message: `${this.consecutiveFailures} model calls in a row failed (last: ${error.message})` };
    }
  }
}
