import type { ChatClient } from './openai-client.js';
import { LlmError, toLlmError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  readonly retries?: number;
  /** First backoff (default 1 s), doubled per retry, with jitter, capped at maxDelayMs. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /**
   * The longest `retry-after` honoured (default 60 s). A server asking for longer is treated as an outage
   * for this call: the run does not sit idle for minutes.
   */
  readonly maxRetryAfterMs?: number;
  /** Injected in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Told about each retry (attempt number from 1, the error, the wait). */
  readonly onRetry?: (attempt: number, error: LlmError, waitMs: number) => void;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A ChatClient that retries 429, 5xx, timeouts and connection errors with exponential backoff, honouring
 * `retry-after` / `retry-after-ms`; every error it lets through is an LlmError. Build the inner client with
 * the SDK's own retries off (`maxRetries: 0`) so waits are not stacked.
 */
export function withRetries(inner: ChatClient, policy: RetryPolicy = {}): ChatClient {
  const retries = policy.retries ?? 2;
  const base = policy.baseDelayMs ?? 1000;
  const maxDelay = policy.maxDelayMs ?? 20_000;
  const maxRetryAfter = policy.maxRetryAfterMs ?? 60_000;
  const sleep = policy.sleep ?? defaultSleep;
  const random = policy.random ?? Math.random;
  return {
    async complete(messages, opts) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await inner.complete(messages, opts);
        } catch (raw) {
          const error = toLlmError(raw);
          if (!error.retryable || attempt >= retries) throw error;
          let wait: number;
          if (error.retryAfterMs !== undefined) {
            if (error.retryAfterMs > maxRetryAfter) {
              throw new LlmError(error.kind, `${error.message}; the server asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s, more than the ${Math.round(maxRetryAfter / 1000)} s allowed`, error.status, error.retryAfterMs);
            }
            wait = error.retryAfterMs;
          } else {
            wait = Math.min(maxDelay, base * 2 ** attempt) * (0.75 + 0.5 * random());
          }
          policy.onRetry?.(attempt + 1, error, wait);
          await sleep(wait);
        }
      }
    },
  };
}
