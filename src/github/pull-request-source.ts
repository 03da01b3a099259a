import type { ChangeSet, ChangedFile, Skipped } from '../diff/change-set.js';
import { changedFileFromGithub } from '../diff/github-patch.js';
import { FileSkip, type FileSource } from '../pipeline/file-source.js';
import type { GitHubClient } from './octokit.js';

/** GitHub lists at most this many files of a pull request. */
const MAX_LISTED_FILES = 3000;

export interface PullRequestCoordinates {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

/** The pull request's head and base commits and texts, fetched when the event did not carry them. */
export async function getPullRequest(client: GitHubClient, pr: PullRequestCoordinates) {
  const { data } = await client.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return {
    headSha: data.head.sha,
    baseSha: data.base.sha,
    title: data.title,
    body: data.body ?? '',
    fromFork: data.head.repo === null || data.head.repo.full_name !== data.base.repo.full_name,
    /** The branch the pull request's commits are on (in the head repository) and the one it merges into. */
    headRef: data.head.ref,
    headRepo: data.head.repo?.full_name,
    baseRef: data.base.ref,
  };
}

/** The change of a pull request, from its paginated file list (the API's patches are hunks only). */
export async function listPullRequestChange(client: GitHubClient, pr: PullRequestCoordinates): Promise<ChangeSet> {
  const entries = await client.paginate(client.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const files: ChangedFile[] = [];
  const skipped: Skipped[] = [];
  for (const entry of entries) {
    const r = changedFileFromGithub(entry);
    if (r.file) files.push(r.file);
    if (r.skipped) skipped.push(r.skipped);
  }
  if (entries.length >= MAX_LISTED_FILES) {
    skipped.push({ reason: 'too-large', detail: `GitHub lists only the first ${MAX_LISTED_FILES} files of a pull request; later files were not reviewed` });
  }
  return { files, skipped };
}

/**
 * File contents at the head commit through the contents API: nothing from the pull request is checked
 * out or run. Files over 1 MB come back without content and are reported as too large.
 */
export function headFileSource(client: GitHubClient, pr: PullRequestCoordinates, headSha: string): FileSource {
  return {
    async read(path) {
      try {
        const { data } = await client.rest.repos.getContent({ owner: pr.owner, repo: pr.repo, path, ref: headSha });
        if (Array.isArray(data) || data.type !== 'file') throw new Error('not a file at the head commit');
        if (data.encoding !== 'base64' || (data.content === '' && data.size > 0)) {
          throw new FileSkip('too-large', `${data.size} bytes: larger than the contents API returns`);
        }
        return Buffer.from(data.content, 'base64');
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}

/** One file's text at a commit, or undefined when it does not exist there (used for the repository config). */
export async function readFileAt(client: GitHubClient, pr: PullRequestCoordinates, path: string, ref: string): Promise<string | undefined> {
  const bytes = await headFileSource(client, pr, ref).read(path);
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
}

/** A FileSource that keeps the texts it read, so fixes and diffs can use them without reading again. */
export function recordingSource(source: FileSource): FileSource & { text(path: string): string | undefined } {
  const texts = new Map<string, string>();
  return {
    async read(path) {
      const bytes = await source.read(path);
      if (bytes !== undefined) texts.set(path, Buffer.from(bytes).toString('utf8'));
      return bytes;
    },
    text: (path) => texts.get(path),
  };
}
