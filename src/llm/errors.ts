import OpenAI from 'openai';

/**
 * What went wrong with a model call, in the terms the retry policy and the run summary need. The SDK's
 * error classes stay inside src/llm: callers see an LlmError.
 */
export type LlmErrorKind =
  /** 429: retried after `retry-after` (or backoff). */
  | 'rate-limit'
  /** 5xx: retried. */
  | 'server'
  /** The call's timeout elapsed: retried. */
  | 'timeout'
  /** No connection (DNS, refused, reset): retried. */
  | 'connection'
  /** 401/403: the key or token is refused (for GitHub Models: `permissions: models: read` is missing). */
  | 'auth'
  /** Another 4xx: the request itself is wrong (a model name, an unsupported parameter). */
  | 'request'
  /** The run's call cap or deadline was reached before this call. */
  | 'budget';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
    /** From `retry-after-ms` or `retry-after` (seconds or an HTTP date), when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }

  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'connection';
  }
}

/** Reads `retry-after-ms`, then `retry-after` (seconds, or an HTTP date), in milliseconds. */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Any error thrown by a ChatClient, as an LlmError (SDK errors by class and status; others as connection). */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError('timeout', 'the model call timed out');
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError('timeout', 'the model call was aborted');
  if (error instanceof OpenAI.APIConnectionError) {
    // An abort that kept its DOMException cause: a timeout (openai-client.ts also catches the other shape).
    const cause = (error as { cause?: unknown }).cause as { name?: unknown } | undefined;
    if (cause && typeof cause === 'object' && cause.name === 'AbortError') return new LlmError('timeout', 'the model call timed out');
    return new LlmError('connection', `cannot reach the model endpoint (${causeOf(error)})`);
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const after = retryAfterMs(error.headers as { get(name: string): string | null } | undefined);
    const detail = shortMessage(error.message);
    if (status === 429) return new LlmError('rate-limit', `rate limited (429)${detail}`, status, after);
    if (status !== undefined && status >= 500) return new LlmError('server', `the endpoint failed (${status})${detail}`, status, after);
    if (status === 401 || status === 403) return new LlmError('auth', `the endpoint refused the credentials (${status})${detail}`, status);
    if (status === 408) return new LlmError('timeout', `the endpoint timed out (408)${detail}`, status, after);
    return new LlmError('request', `the endpoint rejected the request (${status ?? 'no status'})${detail}`, status);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError('connection', message);
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause as { message?: unknown } | undefined;
  return cause && typeof cause === 'object' && typeof cause.message === 'string' ? cause.message : error.message;
}

function shortMessage(message: string): string {
  // The SDK prefixes the status; keep the endpoint's own words, short, on one line.
  const text = message.replace(/^\d{3}\s*/, '').replace(/\s+/g, ' ').trim();
  return text ? `: ${text.slice(0, 200)}` : '';
}
