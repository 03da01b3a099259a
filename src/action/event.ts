import fs from 'node:fs';
import { ConfigurationError } from '../config/errors.js';

/** The pull request a run reviews, as far as the event tells it. */
export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** Known from pull_request events; for workflow_dispatch it is fetched from the API. */
  readonly headSha?: string;
  readonly baseSha?: string;
  readonly title?: string;
  readonly body?: string;
  /** The head branch lives in another repository: the token is read-only there. */
  readonly fromFork?: boolean;
}

interface PullRequestPayload {
  number: number;
  title?: string;
  body?: string | null;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { sha?: string; repo?: { full_name?: string } };
}

/** Reads the triggering event from the runner's environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY). */
export function readPullRequestEvent(env: NodeJS.ProcessEnv, pullRequestInput?: number): PullRequestRef {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new ConfigurationError('GITHUB_REPOSITORY is not set: run this inside GitHub Actions, or use the rescue CLI locally');
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pr = payload?.pull_request as PullRequestPayload | undefined;
  if ((name === 'pull_request' || name === 'pull_request_target') && pr && Number.isInteger(pr.number)) {
    const baseRepo = pr.base?.repo?.full_name;
    const headRepo = pr.head?.repo?.full_name;
    return {
      owner,
      repo,
      number: pr.number,
      headSha: pr.head?.sha,
      baseSha: pr.base?.sha,
      title: pr.title ?? '',
      body: pr.body ?? '',
      // A deleted fork has no head repo; it is still not ours to write to.
      fromFork: headRepo === undefined || (baseRepo !== undefined && headRepo !== baseRepo),
    };
  }
  const dispatched = pullRequestInput ?? numberFrom((payload?.inputs as Record<string, unknown> | undefined)?.['pull-request']);
  if (dispatched !== undefined) return { owner, repo, number: dispatched };
  throw new ConfigurationError(
    `RESCUE reviews pull requests: run it on pull_request (or pull_request_target), or give the input "pull-request" with a number; this run was triggered by "${name || 'an unknown event'}"`,
  );
}

function readPayload(file: string | undefined): Record<string, unknown> | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(`cannot read the event payload at GITHUB_EVENT_PATH (${file}): ${(error as Error).message}`);
  }
}

function numberFrom(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
