import type { Severity } from '../assess/finding.js';
import { ConfigurationError } from './errors.js';
import { Inputs } from './input-names.js';

export type Mode = 'review' | 'commit' | 'pull-request';
export type LlmProvider = 'auto' | 'github-models' | 'openai' | 'none';
export type FailOn = 'findings' | 'errors';

/** Every setting of the Action, parsed and validated once. Secrets are kept out of `describe()`. */
export interface ActionConfig {
  readonly githubToken: string;
  readonly mode: Mode;
  readonly pullRequest?: number;
  readonly llm: { readonly provider: LlmProvider; readonly baseUrl?: string; readonly model?: string; readonly apiKey?: string; readonly embeddingsModel?: string };
  readonly severityThreshold: Severity;
  readonly failOn: readonly FailOn[];
  readonly maxUnits: number;
  readonly maxLlmCalls: number;
  readonly maxInputTokens: number;
  readonly maxComments: number;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly configFile: string;
  readonly sarifFile?: string;
  readonly dryRun: boolean;
}

/** Reads one input; `@actions/core`'s getInput in the Action, a map in tests. */
export type InputReader = (name: string) => string;

export function readActionConfig(input: InputReader): ActionConfig {
  const get = (name: string) => input(name).trim();
  const githubToken = get(Inputs.GithubToken);
  if (!githubToken) throw new ConfigurationError(`Input "${Inputs.GithubToken}" is empty: pass \${{ github.token }} or a token with pull-requests: write`);
  return {
    githubToken,
    mode: oneOf(Inputs.Mode, get(Inputs.Mode) || 'review', ['review', 'commit', 'pull-request'] as const),
    pullRequest: optionalInt(Inputs.PullRequest, get(Inputs.PullRequest), 1),
    llm: {
      provider: oneOf(Inputs.LlmProvider, get(Inputs.LlmProvider) || 'auto', ['auto', 'github-models', 'openai', 'none'] as const),
      baseUrl: optionalUrl(Inputs.LlmBaseUrl, get(Inputs.LlmBaseUrl)),
      model: get(Inputs.LlmModel) || undefined,
      apiKey: get(Inputs.LlmApiKey) || undefined,
      embeddingsModel: get(Inputs.EmbeddingsModel) || undefined,
    },
    severityThreshold: oneOf(Inputs.SeverityThreshold, get(Inputs.SeverityThreshold) || 'medium', ['low', 'medium', 'high', 'critical'] as const),
    failOn: parseFailOn(get(Inputs.FailOn)),
    maxUnits: optionalInt(Inputs.MaxUnits, get(Inputs.MaxUnits), 0) ?? 30,
    maxLlmCalls: optionalInt(Inputs.MaxLlmCalls, get(Inputs.MaxLlmCalls), 0) ?? 40,
    maxInputTokens: optionalInt(Inputs.MaxInputTokens, get(Inputs.MaxInputTokens), 500) ?? 7000,
    maxComments: optionalInt(Inputs.MaxComments, get(Inputs.MaxComments), 0) ?? 20,
    include: list(get(Inputs.Include)),
    exclude: list(get(Inputs.Exclude)),
    configFile: get(Inputs.ConfigFile) || '.github/rescue.yml',
    sarifFile: get(Inputs.SarifFile) || undefined,
    dryRun: bool(Inputs.DryRun, get(Inputs.DryRun)),
  };
}

/** The settings as safe to log: no token, no key. */
export function describeConfig(config: ActionConfig): string {
  const { githubToken: _t, llm, ...rest } = config;
  const { apiKey, ...llmRest } = llm;
  return JSON.stringify({ ...rest, llm: { ...llmRest, apiKey: apiKey ? '***' : undefined } });
}

function oneOf<const T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(`Input "${name}" must be one of ${allowed.join(', ')}; got "${value}"`);
}

function optionalInt(name: string, value: string, min: number): number | undefined {
  if (!value) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigurationError(`Input "${name}" must be a whole number of at least ${min}; got "${value}"`);
  return Number(value);
}

function optionalUrl(name: string, value: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    return value;
  } catch {
    throw new ConfigurationError(`Input "${name}" must be an http(s) URL such as https://api.openai.com/v1; got "${value}"`);
  }
}

function bool(name: string, value: string): boolean {
  if (!value || /^(false|no|0|off)$/i.test(value)) return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  throw new ConfigurationError(`Input "${name}" must be true or false; got "${value}"`);
}

function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}

function parseFailOn(value: string): FailOn[] {
  const items = list(value || 'never');
  if (items.length === 1 && items[0] === 'never') return [];
  for (const item of items) {
    if (item !== 'findings' && item !== 'errors') throw new ConfigurationError(`Input "${Inputs.FailOn}" must be never, findings, errors, or "findings,errors"; got "${value}"`);
  }
  return items as FailOn[];
}
