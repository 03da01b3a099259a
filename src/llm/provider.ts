import { ConfigurationError } from '../config/errors.js';
import { Inputs } from '../config/input-names.js';
import type { LlmProvider } from '../config/action-config.js';
import type { LlmBudget } from './budget.js';
import { createOpenAiChatClient, type ChatClient } from './openai-client.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { LlmError, toLlmError } from './errors.js';

/** GitHub Models' OpenAI-compatible inference endpoint (needs `permissions: models: read`). */
export const GITHUB_MODELS_BASE_URL = 'https://models.github.ai/inference';
/** Small, capable, JSON-schema output, 8k-input free tier on GitHub Models. Override with `llm-model` or RESCUE_MODEL. */
export const GITHUB_MODELS_DEFAULT_MODEL = 'openai/gpt-4.1-mini';
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_DEFAULT_MODEL = 'gpt-4.1-mini';
/** Per call; a call that takes longer is a timeout (retried once, then the unit is skipped with a warning). */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

/** The LLM inputs as ActionConfig holds them (the CLI builds the same from flags). */
export interface LlmSettings {
  readonly provider: LlmProvider;
  readonly baseUrl?: string;
  readonly model?: string;
  readonly apiKey?: string;
}

export type LlmEndpoint =
  | {
      readonly mode: 'online';
      readonly provider: 'github-models' | 'openai';
      readonly baseURL: string;
      readonly model: string;
      /** Never logged: use `describeEndpoint`. */
      readonly apiKey: string;
      /** Where the key came from, for the log: `llm-api-key`, `OPENAI_API_KEY`, `github-token`, `none`. */
      readonly keySource: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly mode: 'offline'; readonly reason: string };

/**
 * Which endpoint the run talks to, from the inputs and the environment; pure (no I/O).
 *
 * - `none`: offline.
 * - `github-models`: `https://models.github.ai/inference` with `llm-api-key` or the workflow token
 *   (`github-token`, or GITHUB_TOKEN); model `llm-model`, RESCUE_MODEL, else `openai/gpt-4.1-mini`.
 * - `openai` (any OpenAI-compatible endpoint: OpenAI, Azure OpenAI, Ollama, vLLM, LiteLLM ...): base URL
 *   `llm-base-url`, OPENAI_BASE_URL, else api.openai.com; key `llm-api-key`, OPENAI_API_KEY; model
 *   `llm-model`, RESCUE_MODEL, OPENAI_MODEL, else `gpt-4.1-mini`. A custom base URL may go without a key
 *   (local Ollama or vLLM); api.openai.com may not.
 * - `auto`: `openai` when a base URL or key is given (inputs or OPENAI_* variables); else GitHub Models
 *   when running in GitHub Actions with a token; else offline.
 */
export function resolveLlmEndpoint(settings: LlmSettings, env: NodeJS.ProcessEnv, githubToken?: string): LlmEndpoint {
  const model = (fallback: string, ...more: (string | undefined)[]): string =>
    [settings.model, env.RESCUE_MODEL, ...more].map((m) => m?.trim()).find((m) => m) ?? fallback;
  const token = githubToken?.trim() || env.GITHUB_TOKEN?.trim() || undefined;
  const envBase = env.OPENAI_BASE_URL?.trim() || undefined;
  const envKey = env.OPENAI_API_KEY?.trim() || undefined;
  switch (settings.provider) {
    case 'none':
      return { mode: 'offline', reason: `input "${Inputs.LlmProvider}" is none` };
    case 'github-models': {
      const key = settings.apiKey ?? token;
      if (!key) throw new ConfigurationError(`Input "${Inputs.LlmProvider}" is github-models but there is no token: pass "${Inputs.GithubToken}" (and grant permissions: models: read) or "${Inputs.LlmApiKey}"`);
      return githubModels(settings.baseUrl ?? GITHUB_MODELS_BASE_URL, model(GITHUB_MODELS_DEFAULT_MODEL), key, settings.apiKey ? Inputs.LlmApiKey : Inputs.GithubToken);
    }
    case 'openai':
      return openAiCompatible(settings, model(OPENAI_DEFAULT_MODEL, env.OPENAI_MODEL), envBase, envKey, true);
    case 'auto': {
      if (settings.baseUrl || settings.apiKey || envBase || envKey) return openAiCompatible(settings, model(OPENAI_DEFAULT_MODEL, env.OPENAI_MODEL), envBase, envKey, false);
      if (env.GITHUB_ACTIONS === 'true' && token) return githubModels(GITHUB_MODELS_BASE_URL, model(GITHUB_MODELS_DEFAULT_MODEL), token, Inputs.GithubToken);
      return {
        mode: 'offline',
        reason: env.GITHUB_ACTIONS === 'true'
          ? `no model configured and no workflow token for GitHub Models (input "${Inputs.GithubToken}")`
          : `no model configured (set "${Inputs.LlmApiKey}"/OPENAI_API_KEY, "${Inputs.LlmBaseUrl}"/OPENAI_BASE_URL, or run in GitHub Actions for GitHub Models)`,
      };
    }
  }
}

function githubModels(baseURL: string, model: string, apiKey: string, keySource: string): LlmEndpoint {
  return { mode: 'online', provider: 'github-models', baseURL, model, apiKey, keySource };
}

function openAiCompatible(settings: LlmSettings, model: string, envBase: string | undefined, envKey: string | undefined, explicit: boolean): LlmEndpoint {
  const baseURL = settings.baseUrl ?? envBase ?? OPENAI_BASE_URL;
  const apiKey = settings.apiKey ?? envKey;
  if (!apiKey && baseURL.replace(/\/+$/, '') === OPENAI_BASE_URL) {
    throw new ConfigurationError(
      explicit
        ? `Input "${Inputs.LlmProvider}" is openai but no key was given: set "${Inputs.LlmApiKey}" or OPENAI_API_KEY, or "${Inputs.LlmBaseUrl}" for a local endpoint`
        : `A model endpoint is configured but no key was given for ${OPENAI_BASE_URL}: set "${Inputs.LlmApiKey}" or OPENAI_API_KEY`,
    );
  }
  let host = '';
  try {
    host = new URL(baseURL).hostname;
  } catch {
    throw new ConfigurationError(`Input "${Inputs.LlmBaseUrl}" (or OPENAI_BASE_URL) must be an http(s) URL; got "${baseURL}"`);
  }
  // Azure OpenAI's v1 API takes the key as a bearer token like OpenAI; older gateways want `api-key`.
  const headers = apiKey && /\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$|\.services\.ai\.azure\.com$/.test(host) ? { 'api-key': apiKey } : undefined;
  return {
    mode: 'online',
    provider: 'openai',
    baseURL,
    model,
    // The SDK refuses an empty key; local servers ignore it.
    apiKey: apiKey ?? 'none',
    keySource: settings.apiKey ? Inputs.LlmApiKey : envKey ? 'OPENAI_API_KEY' : 'none',
    ...(headers && { headers }),
  };
}

/** The endpoint as safe to log: never the key. */
export function describeEndpoint(endpoint: LlmEndpoint): string {
  if (endpoint.mode === 'offline') return `offline (${endpoint.reason})`;
  const name = endpoint.provider === 'github-models' ? 'GitHub Models' : 'OpenAI-compatible endpoint';
  return `${name} ${endpoint.baseURL}, model ${endpoint.model}, key from ${endpoint.keySource}`;
}

const announced = new WeakSet<object>();

/** Says once per logger which endpoint the run uses, or that it is offline and why. */
export function announceEndpoint(endpoint: LlmEndpoint, logger: { info(message: string): void }): void {
  if (announced.has(logger)) return;
  announced.add(logger);
  if (endpoint.mode === 'offline') logger.info(`No model: offline mode (${endpoint.reason}). Findings come from the knowledge-base rules; fixes from their templates.`);
  else logger.info(`Model: ${describeEndpoint(endpoint)}`);
}

export interface ClientOptions {
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

/**
 * The run's chat client: the SDK with its own retries off and our retries (honouring retry-after) around
 * it. Not budgeted: the judge stage puts it under the run's budget (`budget.client`), so that a call is
 * counted once however often it was retried; `budget` here only counts those transport retries. Creates no
 * connection until the first call.
 */
export function createLlmClient(endpoint: Extract<LlmEndpoint, { mode: 'online' }>, budget: LlmBudget, options: ClientOptions = {}): ChatClient {
  const sdk = createOpenAiChatClient({
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey,
    maxRetries: 0,
    timeoutMs: options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    headers: endpoint.headers,
  });
  const retrying = withRetries(sdk, {
    ...options.retry,
    onRetry: (attempt, error, wait) => {
      budget.noteRetry();
      options.retry?.onRetry?.(attempt, error, wait);
    },
  });
  if (endpoint.provider !== 'github-models') return retrying;
  return {
    complete: (messages, opts) =>
      retrying.complete(messages, opts).catch((error: unknown) => {
        const e = toLlmError(error);
        // The usual cause on GitHub Models: the workflow lacks the permission.
        if (e.kind === 'auth') throw new LlmError('auth', `${e.message} (GitHub Models needs \`permissions: models: read\` in the workflow)`, e.status);
        throw e;
      }),
  };
}
