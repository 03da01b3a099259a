import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../logging/logger.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * The one Octokit factory: retries transient failures and waits out primary and secondary rate limits
 * (honouring retry-after), so no call site handles them itself.
 */
export function createGitHubClient(
  token: string,
  logger: Logger,
  options: {
    baseUrl?: string;
    maxRetries?: number;
    /** false: no pacing of writes (GitHub asks for about one per second); for tests against a local fake only. */
    throttle?: boolean;
  } = {},
): GitHubClient {
  const maxRetries = options.maxRetries ?? 3;
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      retry: { retries: maxRetries, doNotRetry: [400, 401, 403, 404, 422, 451] },
      throttle: {
        enabled: options.throttle ?? true,
        onRateLimit: (retryAfter: number, opts: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          logger.warning(`GitHub rate limit on ${opts.method} ${opts.url}; retrying in ${retryAfter} s`);
          return retryCount < maxRetries;
        },
        onSecondaryRateLimit: (retryAfter: number, opts: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          logger.warning(`GitHub secondary rate limit on ${opts.method} ${opts.url}; retrying in ${retryAfter} s`);
          return retryCount < maxRetries;
        },
      },
    },
    retry,
    throttling,
  );
}
