import type { Logger } from '../logging/logger.js';
import { isMarkedOutdated, OUTDATED_NOTE, parseBodyMarker, parseMarker } from '../review/marker.js';
import type { Annotation, PostOutcome, ReviewDraft, ReviewPublisher } from '../review/publisher.js';
import type { ExistingComment, StaleComment } from '../review/types.js';
import type { GitHubClient } from './octokit.js';
import type { PullRequestCoordinates } from './pull-request-source.js';

/** The workflow token's user; used when GitHub does not tell us who the token is. */
export const WORKFLOW_BOT = 'github-actions[bot]';

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          comments(first: 1) { nodes { databaseId body path line url author { login } } }
        }
      }
    }
  }
}`;

const RESOLVE_MUTATION = `mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;

interface ThreadPage {
  viewer: { login: string };
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          isResolved: boolean;
          comments: { nodes: { databaseId: number; body: string; path: string; line: number | null; url: string; author: { login: string } | null }[] };
        }[];
      };
    } | null;
  } | null;
}

/** Logins compare without the `[bot]` suffix: GraphQL reports bots without it, REST with it. */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : 0;
}

function messageOf(error: unknown): string {
  const e = error as { message?: string; response?: { data?: { message?: string; errors?: unknown } } };
  const data = e.response?.data;
  const details = data?.errors ? ` ${JSON.stringify(data.errors)}` : '';
  return `${data?.message ?? e.message ?? String(error)}${details}`.slice(0, 500);
}

export interface OctokitPublisherOptions {
  readonly logger: Logger;
  /** Writes workflow annotations (core.warning / core.notice in the Action). */
  readonly annotate: (annotation: Annotation) => void;
}

/**
 * The review publisher over Octokit (with the retry and throttling plugins). Existing comments come from
 * GraphQL (threads with their ids and resolution state, and the token's login in the same call); when
 * GraphQL is not available, from REST, and then stale comments are edited rather than resolved.
 */
export function createOctokitPublisher(client: GitHubClient, pr: PullRequestCoordinates, options: OctokitPublisherOptions): ReviewPublisher {
  const { logger } = options;
  const repo = { owner: pr.owner, repo: pr.repo };

  async function viaGraphql(): Promise<{ login: string; comments: ExistingComment[] }> {
    const comments: ExistingComment[] = [];
    let cursor: string | null = null;
    let login = WORKFLOW_BOT;
    for (let page = 0; page < 50; page++) {
      const data: ThreadPage = await client.graphql<ThreadPage>(THREADS_QUERY, { ...repo, number: pr.number, cursor });
      login = data.viewer?.login || WORKFLOW_BOT;
      const threads = data.repository?.pullRequest?.reviewThreads;
      if (!threads) break;
      for (const t of threads.nodes) {
        const first = t.comments.nodes[0];
        if (!first || !sameLogin(first.author?.login, login)) continue;
        const marker = parseMarker(first.body);
        if (!marker) continue;
        comments.push({
          where: 'inline',
          id: first.databaseId,
          threadId: t.id,
          resolved: t.isResolved,
          markedOutdated: isMarkedOutdated(first.body),
          path: first.path,
          ...(first.line ? { line: first.line } : {}),
          body: first.body,
          url: first.url,
          ...marker,
        });
      }
      if (!threads.pageInfo.hasNextPage) break;
      cursor = threads.pageInfo.endCursor;
    }
    return { login, comments };
  }

  async function viaRest(login: string): Promise<ExistingComment[]> {
    const list = await client.paginate(client.rest.pulls.listReviewComments, { ...repo, pull_number: pr.number, per_page: 100 });
    const out: ExistingComment[] = [];
    for (const c of list) {
      if (c.in_reply_to_id || !sameLogin(c.user?.login, login)) continue;
      const marker = parseMarker(c.body);
      if (!marker) continue;
      out.push({
        where: 'inline',
        id: c.id,
        resolved: false,
        markedOutdated: isMarkedOutdated(c.body),
        path: c.path,
        ...(c.line ? { line: c.line } : {}),
        body: c.body,
        url: c.html_url,
        ...marker,
      });
    }
    return out;
  }

  async function reviewBodies(login: string): Promise<ExistingComment[]> {
    const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
    const out: ExistingComment[] = [];
    for (const r of reviews) {
      if (!sameLogin(r.user?.login, login) || !r.body) continue;
      const marker = parseBodyMarker(r.body);
      if (!marker) continue;
      for (const fingerprint of marker.fingerprints) {
        out.push({ where: 'review-body', id: r.id, resolved: false, markedOutdated: false, body: '', fingerprint, version: marker.version, url: r.html_url });
      }
    }
    return out;
  }

  return {
    async listExisting() {
      let login = WORKFLOW_BOT;
      let inline: ExistingComment[];
      try {
        const found = await viaGraphql();
        login = found.login;
        inline = found.comments;
      } catch (error) {
        logger.warning(`Could not list review threads through GraphQL (${messageOf(error)}); using REST, so outdated comments are edited instead of resolved`);
        inline = await viaRest(login);
      }
      const bodies = await reviewBodies(login);
      logger.debug(`existing RESCUE comments by ${login}: ${inline.length} inline, ${bodies.length} in review bodies`);
      return [...inline, ...bodies];
    },

    async postReview(draft: ReviewDraft, mode): Promise<PostOutcome> {
      const comments = draft.comments.map((c) => ({
        path: c.path,
        line: c.line,
        side: c.side,
        ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: c.side } : {}),
        body: c.body,
      }));
      try {
        const { data } = await client.rest.pulls.createReview({
          ...repo,
          pull_number: pr.number,
          commit_id: draft.commitId,
          body: draft.body,
          // No event: a pending review, visible only to its author; the probe deletes it at once.
          ...(mode === 'submit' ? { event: 'COMMENT' as const } : {}),
          comments,
        });
        if (mode === 'probe') {
          try {
            await client.rest.pulls.deletePendingReview({ ...repo, pull_number: pr.number, review_id: data.id });
          } catch (error) {
            // A pending review left behind would block the real one; report the probe as failed so the search stops.
            return { ok: false, status: statusOf(error) || 500, message: `could not delete the probe review: ${messageOf(error)}` };
          }
        }
        return { ok: true, id: data.id, url: data.html_url };
      } catch (error) {
        const status = statusOf(error);
        if (!status) throw error;
        return { ok: false, status, message: messageOf(error) };
      }
    },

    async retire(stale: StaleComment, note: string) {
      const { comment } = stale;
      if (stale.action === 'resolve' && comment.threadId) {
        try {
          await client.graphql(RESOLVE_MUTATION, { threadId: comment.threadId });
          return 'resolved';
        } catch (error) {
          logger.debug(`resolveReviewThread failed for comment ${comment.id}: ${messageOf(error)}; editing it instead`);
        }
      }
      const body = `${OUTDATED_NOTE} at ${note}: the code changed or the finding was fixed.\n\n${comment.body}`;
      await client.rest.pulls.updateReviewComment({ ...repo, comment_id: comment.id, body });
      return 'marked-outdated';
    },

    annotate(annotations) {
      for (const a of annotations) options.annotate(a);
    },
  };
}
