import type { GitHubClient } from '../../github/octokit.js';
import type { FixFile } from '../refresh/function-pairs.js';
import { readText } from '../refresh/github-api.js';

export interface MergedPullRequest {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly url: string;
}

export interface PullRequestVersions {
  readonly baseSha: string;
  readonly headSha: string;
}

/** The I/O edge of `kb learn`: a repository's merged pull requests, their files and contents. */
export interface PullRequestHistory {
  /** Merged pull requests of the repository matching a search query (`label:security`), newest first. */
  search(owner: string, repo: string, query: string, max: number): Promise<MergedPullRequest[]>;
  versions(owner: string, repo: string, number: number): Promise<PullRequestVersions>;
  files(owner: string, repo: string, number: number): Promise<FixFile[]>;
  fileAt(owner: string, repo: string, path: string, ref: string): Promise<string | undefined>;
}

/** The search query: the user's terms, limited to the repository's merged pull requests. */
export function mergedPullRequestQuery(owner: string, repo: string, query: string): string {
  return [`repo:${owner}/${repo}`, 'is:pr', 'is:merged', query.trim()].filter(Boolean).join(' ');
}

export function githubPullRequestHistory(client: GitHubClient): PullRequestHistory {
  return {
    async search(owner, repo, query, max) {
      const out: MergedPullRequest[] = [];
      const iterator = client.paginate.iterator(client.rest.search.issuesAndPullRequests, {
        q: mergedPullRequestQuery(owner, repo, query),
        sort: 'updated',
        order: 'desc',
        per_page: Math.min(100, max),
      });
      for await (const page of iterator) {
        for (const item of page.data) {
          if (!item.pull_request) continue;
          out.push({
            number: item.number,
            title: item.title,
            body: item.body ?? '',
            labels: item.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
            url: item.html_url,
          });
          if (out.length >= max) return out;
        }
      }
      return out;
    },
    async versions(owner, repo, number) {
      const { data } = await client.rest.pulls.get({ owner, repo, pull_number: number });
      return { baseSha: data.base.sha, headSha: data.head.sha };
    },
    async files(owner, repo, number) {
      const entries = await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 });
      return entries.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...(f.patch !== undefined && { patch: f.patch }),
        ...(f.previous_filename && { previousFilename: f.previous_filename }),
      }));
    },
    fileAt: (owner, repo, path, ref) => readText(client, owner, repo, path, ref),
  };
}
