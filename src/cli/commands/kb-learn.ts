import path from 'node:path';
import { ConfigurationError } from '../../config/errors.js';
import { githubPullRequestHistory } from '../../kb/learn/pull-requests.js';
import { formatLearnReport, learnFromPullRequests } from '../../kb/learn/learn.js';
import { DEFAULT_OVERLAY_DIR } from '../../kb/overlay.js';
import { DEFAULT_CACHE_DIR, directoryCache } from '../../kb/summarize/cache.js';
import { createProgress } from '../../kb/summarize/progress.js';
import { createOpenAiChatClient, createOpenAiEmbedder } from '../../llm/openai-client.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../command.js';
import { countingLogger, gitHubClientFor, llmEndpoint, MINING_OPTIONS, parseKbArgs, positiveInt } from './kb-refresh.js';

export async function kbLearn(args: readonly string[], io: CliIo): Promise<number> {
  const v = parseKbArgs(
    args,
    {
      'from-prs': { type: 'string' },
      repo: { type: 'string' },
      out: { type: 'string' },
      cwe: { type: 'string' },
      'max-prs': { type: 'string' },
      ...MINING_OPTIONS,
    },
    'learn',
  );
  const query = v['from-prs'];
  if (!query) throw new ConfigurationError('kb learn needs --from-prs QUERY, e.g. --from-prs "label:security"');
  const full = v.repo ?? io.env.GITHUB_REPOSITORY;
  const m = full ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full) : null;
  if (!m) throw new ConfigurationError(`kb learn needs --repo OWNER/NAME (or GITHUB_REPOSITORY)${full ? `, not ${full}` : ''}`);
  if (v.cwe !== undefined && !/^CWE-\d+$/.test(v.cwe)) throw new ConfigurationError(`kb learn: --cwe must look like CWE-89, not ${v.cwe}`);
  const model = v.model ?? io.env.RESCUE_MODEL;
  if (!model) throw new ConfigurationError('kb learn needs a chat model for the summaries: pass --model M or set RESCUE_MODEL');
  const endpoint = llmEndpoint(v['base-url'], io, 'learn');
  const at = (p: string) => path.resolve(io.cwd, p);
  const embeddingsModel = v['embeddings-model'];
  const logger = countingLogger(io.logger);
  const report = await learnFromPullRequests({
    history: githubPullRequestHistory(gitHubClientFor(io, v['api-url'], logger)),
    owner: m[1]!,
    repo: m[2]!,
    query,
    overlayDir: at(v.out ?? DEFAULT_OVERLAY_DIR),
    ...(v.cwe && { defaultCwe: v.cwe }),
    ...(v['max-prs'] && { maxPullRequests: positiveInt(v['max-prs'], '--max-prs') }),
    summarize: {
      client: createOpenAiChatClient(endpoint),
      model,
      cache: directoryCache(at(v['cache-dir'] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize: positiveInt(v['batch-size'], '--batch-size', 2),
    },
    ...(embeddingsModel && { embeddings: { model: embeddingsModel, embedder: createOpenAiEmbedder({ ...endpoint, model: embeddingsModel }) } }),
    logger,
  });
  io.stdout.write(formatLearnReport(report));
  if (report.changed) io.stdout.write(`wrote the overlay to ${path.relative(io.cwd, at(v.out ?? DEFAULT_OVERLAY_DIR)) || '.'}; commit it so reviews load it\n`);
  return report.summary.failures.length ? EXIT_FINDINGS : EXIT_OK;
}
