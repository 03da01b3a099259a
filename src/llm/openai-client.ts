import OpenAI from 'openai';

/** The narrow LLM seams. Everything past them takes data and returns data; tests use local fakes. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatOptions {
  readonly model: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
  /**
   * Structured output where the endpoint supports it: `json_schema` (OpenAI, GitHub Models, Azure OpenAI,
   * recent Ollama and vLLM) or `json_object`. Endpoints that refuse it answer 400; see judge's fallback.
   */
  readonly responseFormat?: ResponseFormat;
  /** This call's timeout, overriding the client's. */
  readonly timeoutMs?: number;
}

export type ResponseFormat =
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: Readonly<Record<string, unknown>>; readonly strict?: boolean }
  | { readonly type: 'json_object' };

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface ChatResult {
  readonly text: string;
  readonly usage: TokenUsage;
  /** `stop`, `length` (cut at maxTokens), `content_filter`, ... when the endpoint says. */
  readonly finishReason?: string;
}

export interface ChatClient {
  complete(messages: readonly ChatMessage[], opts: ChatOptions): Promise<ChatResult>;
}

/** Embeds texts with the model it was created for; one vector per text, in order. */
export interface Embedder {
  embed(texts: readonly string[]): Promise<number[][]>;
}

export interface OpenAiSettings {
  /** e.g. `https://api.openai.com/v1`, `https://models.github.ai/inference`, `http://127.0.0.1:8080/v1`. */
  readonly baseURL: string;
  readonly apiKey: string;
  /** Retries of transport errors, 429 and 5xx (by the SDK, with backoff). */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
  /** Extra headers on every request (Azure OpenAI also accepts the key as `api-key`). */
  readonly headers?: Readonly<Record<string, string>>;
}

function sdk(settings: OpenAiSettings): OpenAI {
  return new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    maxRetries: settings.maxRetries ?? 2,
    timeout: settings.timeoutMs ?? 120_000,
    ...(settings.headers && { defaultHeaders: { ...settings.headers } }),
  });
}

/** A ChatClient over any OpenAI-compatible chat completions endpoint. Creates no connection until called. */
export function createOpenAiChatClient(settings: OpenAiSettings): ChatClient {
  const client = sdk(settings);
  return {
    async complete(messages, opts) {
      const timeout = opts.timeoutMs ?? settings.timeoutMs ?? 120_000;
      const started = Date.now();
      const response = await client.chat.completions
        .create(
          {
            model: opts.model,
            messages: messages.map((m) => ({ role: m.role, content: m.content })),
            temperature: opts.temperature,
            max_tokens: opts.maxTokens,
            ...(opts.responseFormat && { response_format: toResponseFormat(opts.responseFormat) }),
          },
          opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : undefined,
        )
        .catch((error: unknown) => {
          // Where the abort's DOMException is not an Error of this realm (jest's vm modules), the SDK reports
          // its own timeout as a plain connection error; the clock tells them apart.
          if (error instanceof OpenAI.APIConnectionError && !(error instanceof OpenAI.APIConnectionTimeoutError) && Date.now() - started >= timeout * 0.95) {
            throw new OpenAI.APIConnectionTimeoutError();
          }
          throw error;
        });
      const choice = response.choices?.[0];
      return {
        text: choice?.message?.content ?? '',
        usage: {
          promptTokens: response.usage?.prompt_tokens ?? 0,
          completionTokens: response.usage?.completion_tokens ?? 0,
        },
        ...(choice?.finish_reason && { finishReason: choice.finish_reason }),
      };
    },
  };
}

function toResponseFormat(f: ResponseFormat): OpenAI.ChatCompletionCreateParams['response_format'] {
  if (f.type === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: f.name, schema: { ...f.schema }, strict: f.strict ?? true } };
}

export function createOpenAiEmbedder(settings: OpenAiSettings & { readonly model: string }): Embedder {
  const client = sdk(settings);
  return {
    async embed(texts) {
      if (texts.length === 0) return [];
      const response = await client.embeddings.create({ model: settings.model, input: [...texts], encoding_format: 'float' });
      // The API may return rows out of order; `index` is authoritative.
      return [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}
