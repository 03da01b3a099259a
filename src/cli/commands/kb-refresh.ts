import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../../config/errors.js';
import { createGitHubClient, type GitHubClient } from '../../github/octokit.js';
import { githubAdvisorySource } from '../../kb/refresh/github-api.js';
import { refreshKnowledgeBase } from '../../kb/refresh/refresh.js';
import { formatRefreshReport } from '../../kb/refresh/report.js';
import { DEFAULT_CACHE_DIR, directoryCache } from '../../kb/summarize/cache.js';
import { createProgress } from '../../kb/summarize/progress.js';
import type { OpenAiSettings } from '../../llm/openai-client.js';
import type { Logger } from '../../logging/logger.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../command.js';
import { endpointSettings } from '../endpoint.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseKbArgs<const T extends Options>(args: readonly string[], options: T, sub: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new ConfigurationError(`kb ${sub}: ${(e as Error).message}`);
  }
}

/** The summarizer's endpoint: --base-url or OPENAI_BASE_URL; GitHub Models takes the GitHub token as key. */
export function llmEndpoint(flag: string | undefined, io: CliIo, sub: string): OpenAiSettings {
  return endpointSettings(flag, io, `kb ${sub} needs an OpenAI-compatible endpoint`);
}

export function positiveInt(value: string | undefined, flag: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigurationError(`${flag} must be an integer of at least ${min}, not ${value}`);
  return n;
}

/** Counts the client's rate-limit waits (it logs each one) for the report. */
export function countingLogger(logger: Logger): Logger & { readonly rateLimitWaits: number } {
  let waits = 0;
  return {
    debug: (m) => logger.debug(m),
    info: (m) => logger.info(m),
    warning: (m, l) => {
      if (/rate limit/i.test(m)) waits++;
      logger.warning(m, l);
    },
    error: (m, l) => logger.error(m, l),
    group: (name, fn) => logger.group(name, fn),
    get rateLimitWaits() {
      return waits;
    },
  };
}

export function gitHubClientFor(io: CliIo, apiUrl: string | undefined, logger: Logger): GitHubClient {
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  // Any token will do (no permission is needed to read public advisories and repositories); without
  // one the API allows 60 requests an hour, too few for a refresh.
  if (!token) throw new ConfigurationError('set GITHUB_TOKEN (or GH_TOKEN): the GitHub API is read with it');
  const baseUrl = apiUrl ?? io.env.GITHUB_API_URL;
  return createGitHubClient(token, logger, { ...(baseUrl && { baseUrl }) });
}

/** Options of every subcommand that mines knowledge: the GitHub API, and the summarizer's endpoint and cache. */
export const MINING_OPTIONS = {
  'api-url': { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'embeddings-model': { type: 'string' },
  'batch-size': { type: 'string' },
  'cache-dir': { type: 'string' },
} as const;

export async function kbRefresh(args: readonly string[], io: CliIo): Promise<number> {
  const v = parseKbArgs(
    args,
    {
      since: { type: 'string' },
      'initial-days': { type: 'string' },
      'max-advisories': { type: 'string' },
      state: { type: 'string' },
      sources: { type: 'string' },
      mined: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      ...MINING_OPTIONS,
    },
    'refresh',
  );
  const at = (p: string) => path.resolve(io.cwd, p);
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new ConfigurationError(`kb refresh: --format must be text or json, not ${format}`);
  if (v.since !== undefined && Number.isNaN(Date.parse(v.since))) throw new ConfigurationError(`kb refresh: --since must be a date (2024-05-01 or an ISO date-time), not ${v.since}`);
  const sourcesDir = at(v.sources ?? 'kb/sources');
  const dryRun = v['dry-run'] ?? false;
  const model = v.model ?? io.env.RESCUE_MODEL;
  if (!dryRun && !model) throw new ConfigurationError('kb refresh needs a chat model for the summaries: pass --model M or set RESCUE_MODEL (or --dry-run)');
  const endpoint = dryRun ? undefined : llmEndpoint(v['base-url'], io, 'refresh');
  const embeddingsModel = v['embeddings-model'];
  const logger = countingLogger(io.logger);
  // The openai SDK is loaded only when a model is called (not for --dry-run).
  const openai = endpoint && (await import('../../llm/openai-client.js'));
  const report = await refreshKnowledgeBase({
    source: githubAdvisorySource(gitHubClientFor(io, v['api-url'], logger)),
    sourcesDir,
    minedDir: at(v.mined ?? path.join(path.dirname(sourcesDir), 'mined')),
    buildDir: at(v.out ?? 'kb/build'),
    stateFile: at(v.state ?? 'kb/refresh-state.json'),
    summarize: {
      client: endpoint && openai ? openai.createOpenAiChatClient(endpoint) : { complete: () => Promise.reject(new Error('dry run')) },
      model: model ?? 'none',
      cache: directoryCache(at(v['cache-dir'] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize: positiveInt(v['batch-size'], '--batch-size', 2),
    },
    ...(embeddingsModel && endpoint && openai && { embeddings: { model: embeddingsModel, embedder: openai.createOpenAiEmbedder({ ...endpoint, model: embeddingsModel }) } }),
    ...(v.since && { since: new Date(v.since).toISOString() }),
    ...(v['initial-days'] && { initialDays: positiveInt(v['initial-days'], '--initial-days') }),
    ...(v['max-advisories'] && { maxAdvisories: positiveInt(v['max-advisories'], '--max-advisories') }),
    dryRun,
    logger,
  });
  const waits = logger.rateLimitWaits;
  if (v.report) {
    await fs.mkdir(path.dirname(at(v.report)), { recursive: true });
    await fs.writeFile(at(v.report), formatRefreshReport(report, 'markdown') + (waits ? `\nRate-limit waits: ${waits}\n` : ''));
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify({ ...report, rateLimitWaits: waits }, null, 2)}\n` : `${formatRefreshReport(report, 'text')}${waits ? `rate-limit waits: ${waits}\n` : ''}`);
  return report.summary.failures.length ? EXIT_FINDINGS : EXIT_OK;
}
