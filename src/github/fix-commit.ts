import type { Finding } from '../assess/finding.js';
import type { Logger } from '../logging/logger.js';
import type { ChangedText } from '../review/apply-fixes.js';
import type { GitHubClient } from './octokit.js';

/** Credited on every fix commit; GitHub shows it as a co-author. */
export const CO_AUTHOR = 'Co-authored-by: rescue-action[bot] <rescue-action[bot]@users.noreply.github.com>';

export interface FixTarget {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** The commit the fixes were computed against. */
  readonly headSha: string;
  /** The pull request's head branch (same repository). */
  readonly headRef: string;
  readonly fromFork: boolean;
}

export type FixMode = 'commit' | 'pull-request';

export type FixOutcome =
  | { readonly status: 'committed'; readonly sha: string; readonly url: string; readonly branch: string }
  | { readonly status: 'pull-request'; readonly sha: string; readonly url: string; readonly branch: string; readonly number: number }
  | { readonly status: 'refused' | 'nothing-to-do' | 'failed'; readonly reason: string };

/** The commit message: what was fixed, one line per finding, and the co-author trailer. */
export function fixCommitMessage(findings: readonly Finding[], pr: number): string {
  const n = findings.length;
  const lines = findings.map((f) => `- ${f.path}:${f.fix!.startLine} ${f.cwe}${f.ruleId ? ` (${f.ruleId})` : ''}: ${oneLine(f.fix!.description ?? f.message)}`);
  return [`RESCUE: apply ${n} verified security fix${n === 1 ? '' : 'es'} to #${pr}`, '', ...lines, '', CO_AUTHOR].join('\n');
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

/** The branch of a fix pull request: one per pull request and head commit, so a re-run finds it. */
export function fixBranchName(pr: number, headSha: string): string {
  return `rescue/fixes-${pr}-${headSha.slice(0, 7)}`;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : 0;
}

/**
 * Puts the fixed files in one commit on top of the reviewed head, through the Git Data API (nothing is
 * checked out): blobs, a tree on the head's tree, a commit whose parent is the head; then either moves the
 * pull request's branch to it (`commit`, only when the branch is still at the reviewed head) or creates a
 * branch and a pull request into the pull request's branch (`pull-request`). Forks are refused: the token
 * cannot write there, and pushing to someone else's branch is not ours to do.
 */
export async function publishFixes(client: GitHubClient, target: FixTarget, mode: FixMode, files: readonly ChangedText[], logger: Logger): Promise<FixOutcome> {
  if (target.fromFork) {
    return { status: 'refused', reason: `mode "${mode}" is refused for pull requests from forks: RESCUE cannot and will not push to a fork's branch. The fixes are offered as suggestions instead.` };
  }
  const changed = files.filter((f) => f.after !== f.before);
  if (changed.length === 0) return { status: 'nothing-to-do', reason: 'no verified fix to apply' };
  const repo = { owner: target.owner, repo: target.repo };
  const findings = changed.flatMap((f) => f.findings);
  try {
    if (mode === 'commit') {
      const { data: ref } = await client.rest.git.getRef({ ...repo, ref: `heads/${target.headRef}` });
      if (ref.object.sha !== target.headSha) {
        return { status: 'refused', reason: `the branch ${target.headRef} moved to ${ref.object.sha.slice(0, 12)} since the reviewed commit ${target.headSha.slice(0, 12)}; not committing fixes computed for an older state (the next run reviews the new one)` };
      }
    }
    if (mode === 'pull-request') {
      // A re-run at the same head finds its branch: report its pull request instead of making another commit.
      const existing = await openFixPullRequest(client, repo, target);
      if (existing) return existing;
    }
    const { data: head } = await client.rest.git.getCommit({ ...repo, commit_sha: target.headSha });
    const modes = await fileModes(client, repo, head.tree.sha, changed.map((f) => f.path));
    const tree = [];
    for (const f of changed) {
      const { data: blob } = await client.rest.git.createBlob({ ...repo, content: Buffer.from(f.after, 'utf8').toString('base64'), encoding: 'base64' });
      tree.push({ path: f.path, mode: modes.get(f.path) ?? ('100644' as const), type: 'blob' as const, sha: blob.sha });
    }
    const { data: newTree } = await client.rest.git.createTree({ ...repo, base_tree: head.tree.sha, tree });
    const { data: commit } = await client.rest.git.createCommit({ ...repo, message: fixCommitMessage(findings, target.number), tree: newTree.sha, parents: [target.headSha] });
    if (mode === 'commit') {
      await client.rest.git.updateRef({ ...repo, ref: `heads/${target.headRef}`, sha: commit.sha, force: false });
      logger.info(`Committed ${findings.length} fix(es) to ${target.headRef}: ${commit.sha}`);
      return { status: 'committed', sha: commit.sha, url: commit.html_url, branch: target.headRef };
    }
    const branch = fixBranchName(target.number, target.headSha);
    try {
      await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      const { data: open } = await client.rest.pulls.list({ ...repo, head: `${target.owner}:${branch}`, state: 'open' });
      if (open[0]) return { status: 'pull-request', sha: commit.sha, url: open[0].html_url, branch, number: open[0].number };
      return { status: 'refused', reason: `the branch ${branch} already exists without an open pull request; delete it to let RESCUE open a new one` };
    }
    const { data: created } = await client.rest.pulls.create({
      ...repo,
      head: branch,
      base: target.headRef,
      title: `RESCUE: security fixes for #${target.number}`,
      body: fixPullRequestBody(findings, target.number),
    });
    logger.info(`Opened ${created.html_url} with ${findings.length} fix(es) into ${target.headRef}`);
    return { status: 'pull-request', sha: commit.sha, url: created.html_url, branch, number: created.number };
  } catch (error) {
    const status = statusOf(error);
    const why = status === 403 || status === 404 ? ' (the token needs "contents: write"' + (mode === 'pull-request' ? ' and "pull-requests: write")' : ')') : '';
    return { status: 'failed', reason: `GitHub refused the fix ${mode === 'commit' ? 'commit' : 'pull request'}: ${(error as Error).message}${why}` };
  }
}

async function openFixPullRequest(client: GitHubClient, repo: { owner: string; repo: string }, target: FixTarget): Promise<FixOutcome | undefined> {
  const branch = fixBranchName(target.number, target.headSha);
  let sha: string;
  try {
    sha = (await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  const { data: open } = await client.rest.pulls.list({ ...repo, head: `${target.owner}:${branch}`, state: 'open' });
  if (open[0]) return { status: 'pull-request', sha, url: open[0].html_url, branch, number: open[0].number };
  return { status: 'refused', reason: `the branch ${branch} already exists without an open pull request; delete it to let RESCUE open a new one` };
}

function fixPullRequestBody(findings: readonly Finding[], pr: number): string {
  return [
    `Verified fixes for the findings RESCUE reported on #${pr}. Each replacement parses, stays inside its function, and the rule that found the weakness no longer fires.`,
    '',
    ...findings.map((f) => `- \`${f.path}\` line ${f.fix!.startLine}: ${f.cwe}${f.guidelines.length ? ` (${f.guidelines.map((g) => g.id).join(', ')})` : ''}`),
  ].join('\n');
}

/** The modes of the files to change, so an executable keeps its bit; 100644 when the tree does not say. */
async function fileModes(client: GitHubClient, repo: { owner: string; repo: string }, treeSha: string, paths: readonly string[]): Promise<Map<string, '100644' | '100755'>> {
  const out = new Map<string, '100644' | '100755'>();
  try {
    const { data } = await client.rest.git.getTree({ ...repo, tree_sha: treeSha, recursive: 'true' });
    const wanted = new Set(paths);
    for (const e of data.tree) if (e.path && wanted.has(e.path) && (e.mode === '100755' || e.mode === '100644')) out.set(e.path, e.mode);
  } catch {
    // Modes are a nicety; the default keeps the file a regular file.
  }
  return out;
}
