import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { changedFileFromGithub } from '../src/diff/github-patch.js';
import { rightSideRanges } from '../src/diff/hunks.js';

/** A pull request file as the fake serves it: the list entry plus the head content. */
export interface FakeFile {
  readonly filename: string;
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  readonly patch?: string;
  readonly previous_filename?: string;
  /** Head content; absent for removed files. */
  readonly content?: string | Buffer;
}

export interface FakePullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly title?: string;
  readonly body?: string;
  readonly files: readonly FakeFile[];
  /** The head branch lives in another repository (forker/<repo>). */
  readonly fork?: boolean;
  readonly headRef?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly body: string;
}

export interface FakeReviewComment {
  id: number;
  node_id: string;
  pull_request_review_id: number;
  path: string;
  line: number;
  start_line: number | null;
  side: string;
  start_side: string | null;
  body: string;
  commit_id: string;
  user: { login: string };
  in_reply_to_id?: number;
  html_url: string;
  /** Review thread state (GraphQL). */
  threadId: string;
  resolved: boolean;
}

export interface FakeReview {
  id: number;
  body: string;
  state: 'COMMENTED' | 'PENDING';
  commit_id: string;
  user: { login: string };
  html_url: string;
}

export interface FakeGitObject {
  readonly kind: 'blob' | 'tree' | 'commit';
  readonly sha: string;
  readonly data: Record<string, unknown>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A local server on 127.0.0.1 that speaks the parts of the GitHub REST and GraphQL APIs RESCUE uses, with
 * state: reviews, review comments and threads persist across runs (and pushes, through `push`), so
 * idempotency can be tested end to end. It records every request. Review comments are validated as GitHub
 * does: each line must lie in one hunk of the file's patch on the RIGHT side, else the whole review is
 * answered 422. `respond` lets a test override any route; `readOnly` answers writes 403 as for a fork's token.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  respond?: (req: RecordedRequest) => Answer | undefined;
  /** Writes (POST/PATCH/PUT/DELETE, GraphQL mutations) answer 403 "Resource not accessible by integration". */
  readOnly = false;
  /** Extra refusal of single review comments (on top of the diff check). */
  rejectComment?: (comment: { path: string; line: number; start_line?: number; body: string }) => boolean;
  /** The token's user, as REST shows it. */
  login = 'github-actions[bot]';
  /** Files at the base commit (for the repository config). */
  baseFiles: Record<string, string> = {};

  readonly comments: FakeReviewComment[] = [];
  readonly reviews: FakeReview[] = [];
  readonly objects = new Map<string, FakeGitObject>();
  readonly refs = new Map<string, string>();
  readonly pulls: { number: number; head: string; base: string; title: string; body: string; html_url: string }[] = [];
  private nextId = 1000;
  private server?: http.Server;

  constructor(public pr: FakePullRequest) {
    this.refs.set(`heads/${this.headRef}`, pr.headSha);
  }

  get headRef(): string {
    return this.pr.headRef ?? 'feature';
  }

  /** A new push: new head and files; comments and reviews stay, as on GitHub. */
  push(update: Pick<FakePullRequest, 'headSha' | 'files'>): void {
    this.pr = { ...this.pr, ...update };
    this.refs.set(`heads/${this.headRef}`, update.headSha);
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeGitHub is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization, body };
        this.requests.push(recorded);
        let answer: Answer;
        try {
          answer = this.respond?.(recorded) ?? this.route(recorded);
        } catch (error) {
          answer = { status: 500, body: { message: `fake error: ${(error as Error).message}` } };
        }
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
        res.end(answer.status === 204 ? undefined : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests other than reads, for asserting that nothing was written. */
  get writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !(r.url === '/graphql' && !r.body.includes('mutation')));
  }

  private route(req: RecordedRequest): Answer {
    const { pr } = this;
    const url = new URL(req.url, 'http://fake');
    const base = `/repos/${pr.owner}/${pr.repo}`;
    const p = url.pathname;
    const isWrite = req.method !== 'GET' && !(p === '/graphql' && !req.body.includes('mutation'));
    if (this.readOnly && isWrite) return { status: 403, body: { message: 'Resource not accessible by integration' } };
    const json = () => (req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {});

    if (req.method === 'POST' && p === '/graphql') return this.graphql(json() as { query: string; variables?: Record<string, unknown> });
    if (req.method === 'GET' && p === `${base}/pulls/${pr.number}`) return { status: 200, body: this.pullJson() };
    if (req.method === 'GET' && p === `${base}/pulls/${pr.number}/files`) {
      return this.paged(url, pr.files.map((f, i) => ({ sha: `blob${i}`, filename: f.filename, status: f.status, additions: 0, deletions: 0, changes: 0, patch: f.patch, previous_filename: f.previous_filename })));
    }
    if (req.method === 'GET' && p === `${base}/pulls/${pr.number}/comments`) return this.paged(url, this.comments.map((c) => this.commentJson(c)));
    if (req.method === 'GET' && p === `${base}/pulls/${pr.number}/reviews`) return this.paged(url, this.reviews.map((r) => this.reviewJson(r)));
    if (req.method === 'POST' && p === `${base}/pulls/${pr.number}/reviews`) return this.createReview(json());
    const deleteReview = new RegExp(`^${base}/pulls/${pr.number}/reviews/(\\d+)$`).exec(p);
    if (req.method === 'DELETE' && deleteReview) {
      const i = this.reviews.findIndex((r) => r.id === Number(deleteReview[1]));
      if (i < 0 || this.reviews[i]!.state !== 'PENDING') return { status: 422, body: { message: 'Can not delete a non-pending review' } };
      const [review] = this.reviews.splice(i, 1);
      for (let j = this.comments.length - 1; j >= 0; j--) if (this.comments[j]!.pull_request_review_id === review!.id) this.comments.splice(j, 1);
      return { status: 200, body: this.reviewJson(review!) };
    }
    const editComment = new RegExp(`^${base}/pulls/comments/(\\d+)$`).exec(p);
    if (req.method === 'PATCH' && editComment) {
      const c = this.comments.find((x) => x.id === Number(editComment[1]));
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      c.body = String(json().body);
      return { status: 200, body: this.commentJson(c) };
    }
    const contents = new RegExp(`^${base}/contents/(.+)$`).exec(p);
    if (req.method === 'GET' && contents) {
      const path = decodeURIComponent(contents[1]!);
      const ref = url.searchParams.get('ref');
      let bytes: Buffer | undefined;
      if (ref === pr.headSha) {
        const file = pr.files.find((f) => f.filename === path && f.content !== undefined);
        if (file) bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content!, 'utf8');
      } else if (ref === pr.baseSha && this.baseFiles[path] !== undefined) bytes = Buffer.from(this.baseFiles[path]!, 'utf8');
      if (!bytes) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').pop(), path, content: bytes.toString('base64') } };
    }
    return this.gitData(req, p, url, base, json) ?? { status: 404, body: { message: `Not Found: ${req.method} ${p}` } };
  }

  private paged(url: URL, items: unknown[]): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next", <${this.url}${next.pathname}?per_page=${perPage}&page=${last}>; rel="last"`;
    }
    return { status: 200, headers, body: items.slice((page - 1) * perPage, page * perPage) };
  }

  /** Whether GitHub would accept a comment on these lines: inside one hunk of the file's patch, RIGHT side. */
  lineInDiff(path: string, startLine: number, line: number): boolean {
    const entry = this.pr.files.find((f) => f.filename === path);
    if (!entry?.patch) return false;
    const { file } = changedFileFromGithub({ filename: entry.filename, status: entry.status, patch: entry.patch });
    return !!file && rightSideRanges(file).some((r) => r.start <= startLine && line <= r.end);
  }

  private createReview(body: Record<string, unknown>): Answer {
    const comments = (body.comments ?? []) as { path: string; line: number; start_line?: number; side?: string; start_side?: string; body: string }[];
    const pending = body.event === undefined;
    if (this.reviews.some((r) => r.state === 'PENDING')) {
      return { status: 422, body: { message: 'Unprocessable Entity', errors: ['User can only have one pending review per pull request'] } };
    }
    for (const c of comments) {
      if (c.side !== 'RIGHT' || (c.start_line !== undefined && c.start_side !== 'RIGHT')) return { status: 422, body: { message: 'Unprocessable Entity', errors: ['side must be RIGHT'] } };
      if (!this.lineInDiff(c.path, c.start_line ?? c.line, c.line) || this.rejectComment?.(c)) {
        return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } };
      }
    }
    if (!pending && body.event !== 'COMMENT') return { status: 422, body: { message: `unexpected event ${String(body.event)}` } };
    const id = this.nextId++;
    const review: FakeReview = {
      id,
      body: String(body.body ?? ''),
      state: pending ? 'PENDING' : 'COMMENTED',
      commit_id: String(body.commit_id ?? this.pr.headSha),
      user: { login: this.login },
      html_url: `https://github.com/${this.pr.owner}/${this.pr.repo}/pull/${this.pr.number}#pullrequestreview-${id}`,
    };
    this.reviews.push(review);
    for (const c of comments) {
      const cid = this.nextId++;
      this.comments.push({
        id: cid,
        node_id: `PRRC_${cid}`,
        pull_request_review_id: id,
        path: c.path,
        line: c.line,
        start_line: c.start_line ?? null,
        side: 'RIGHT',
        start_side: c.start_line !== undefined ? 'RIGHT' : null,
        body: c.body,
        commit_id: review.commit_id,
        user: { login: this.login },
        html_url: `https://github.com/${this.pr.owner}/${this.pr.repo}/pull/${this.pr.number}#discussion_r${cid}`,
        threadId: `PRRT_${cid}`,
        resolved: false,
      });
    }
    return { status: 200, body: this.reviewJson(review) };
  }

  /** Comments posted in submitted reviews (pending probes excluded). */
  get postedComments(): FakeReviewComment[] {
    const submitted = new Set(this.reviews.filter((r) => r.state !== 'PENDING').map((r) => r.id));
    return this.comments.filter((c) => submitted.has(c.pull_request_review_id));
  }

  private graphql(body: { query: string; variables?: Record<string, unknown> }): Answer {
    const q = body.query;
    const v = body.variables ?? {};
    if (q.includes('resolveReviewThread')) {
      const c = this.comments.find((x) => x.threadId === v.threadId);
      if (!c) return { status: 200, body: { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(v.threadId)}'` }] } };
      c.resolved = true;
      return { status: 200, body: { data: { resolveReviewThread: { thread: { id: c.threadId, isResolved: true } } } } };
    }
    const viewer = { login: this.login };
    if (q.includes('reviewThreads')) {
      const roots = this.comments.filter((c) => !c.in_reply_to_id && this.reviews.find((r) => r.id === c.pull_request_review_id)?.state !== 'PENDING');
      const start = v.cursor ? Number(v.cursor) : 0;
      const page = roots.slice(start, start + 100);
      return {
        status: 200,
        body: {
          data: {
            viewer,
            repository: {
              pullRequest: {
                reviewThreads: {
                  pageInfo: { hasNextPage: start + 100 < roots.length, endCursor: String(start + 100) },
                  nodes: page.map((c) => ({
                    id: c.threadId,
                    isResolved: c.resolved,
                    comments: { nodes: [{ databaseId: c.id, body: c.body, path: c.path, line: c.line, url: c.html_url, author: { login: c.user.login.replace(/\[bot\]$/, '') } }] },
                  })),
                },
              },
            },
          },
        },
      };
    }
    if (q.includes('viewer')) return { status: 200, body: { data: { viewer } } };
    return { status: 200, body: { data: null, errors: [{ message: 'unsupported query in FakeGitHub' }] } };
  }

  private gitData(req: RecordedRequest, p: string, url: URL, base: string, json: () => Record<string, unknown>): Answer | undefined {
    const getRef = new RegExp(`^${base}/git/ref/(.+)$`).exec(p);
    if (req.method === 'GET' && getRef) {
      const ref = decodeURIComponent(getRef[1]!);
      const sha = this.refs.get(ref);
      return sha ? { status: 200, body: { ref: `refs/${ref}`, object: { sha, type: 'commit' } } } : { status: 404, body: { message: 'Not Found' } };
    }
    const getCommit = new RegExp(`^${base}/git/commits/([0-9a-f]+)$`).exec(p);
    if (req.method === 'GET' && getCommit) {
      const sha = getCommit[1]!;
      const known = this.objects.get(sha);
      if (known?.kind === 'commit') return { status: 200, body: known.data };
      if (sha === this.pr.headSha) return { status: 200, body: { sha, tree: { sha: `tree-of-${sha.slice(0, 8)}` }, parents: [{ sha: this.pr.baseSha }] } };
      return { status: 404, body: { message: 'Not Found' } };
    }
    const getTree = new RegExp(`^${base}/git/trees/(.+)$`).exec(p);
    if (req.method === 'GET' && getTree) {
      const tree = this.pr.files.filter((f) => f.content !== undefined).map((f) => ({ path: f.filename, mode: '100644', type: 'blob', sha: `blob-${f.filename}` }));
      return { status: 200, body: { sha: getTree[1], tree, truncated: false } };
    }
    if (req.method === 'POST' && p === `${base}/git/blobs`) {
      const b = json();
      return this.store('blob', { content: b.content, encoding: b.encoding });
    }
    if (req.method === 'POST' && p === `${base}/git/trees`) return this.store('tree', json());
    if (req.method === 'POST' && p === `${base}/git/commits`) {
      const b = json();
      const stored = this.store('commit', b);
      const sha = (stored.body as { sha: string }).sha;
      const data = { sha, message: b.message, tree: { sha: b.tree }, parents: (b.parents as string[]).map((s) => ({ sha: s })), html_url: `https://github.com/${this.pr.owner}/${this.pr.repo}/commit/${sha}` };
      this.objects.set(sha, { kind: 'commit', sha, data });
      return { status: 201, body: data };
    }
    const updateRef = new RegExp(`^${base}/git/refs/(.+)$`).exec(p);
    if (req.method === 'PATCH' && updateRef) {
      const ref = decodeURIComponent(updateRef[1]!);
      const b = json();
      if (!this.refs.has(ref)) return { status: 422, body: { message: 'Reference does not exist' } };
      const commit = this.objects.get(String(b.sha));
      const parents = (commit?.data.parents as { sha: string }[] | undefined)?.map((x) => x.sha) ?? [];
      if (!b.force && !parents.includes(this.refs.get(ref)!)) return { status: 422, body: { message: 'Update is not a fast forward' } };
      this.refs.set(ref, String(b.sha));
      return { status: 200, body: { ref: `refs/${ref}`, object: { sha: b.sha, type: 'commit' } } };
    }
    if (req.method === 'POST' && p === `${base}/git/refs`) {
      const b = json();
      const ref = String(b.ref).replace(/^refs\//, '');
      if (this.refs.has(ref)) return { status: 422, body: { message: 'Reference already exists' } };
      this.refs.set(ref, String(b.sha));
      return { status: 201, body: { ref: b.ref, object: { sha: b.sha, type: 'commit' } } };
    }
    if (req.method === 'GET' && p === `${base}/pulls`) {
      const head = url.searchParams.get('head');
      return { status: 200, body: this.pulls.filter((x) => !head || `${this.pr.owner}:${x.head}` === head).map((x) => ({ ...x, head: { ref: x.head }, base: { ref: x.base } })) };
    }
    if (req.method === 'POST' && p === `${base}/pulls`) {
      const b = json();
      const number = this.pr.number + 1 + this.pulls.length;
      const pull = { number, head: String(b.head), base: String(b.base), title: String(b.title), body: String(b.body ?? ''), html_url: `https://github.com/${this.pr.owner}/${this.pr.repo}/pull/${number}` };
      if (!this.refs.has(`heads/${pull.head}`)) return { status: 422, body: { message: 'head does not exist' } };
      this.pulls.push(pull);
      return { status: 201, body: { ...pull, head: { ref: pull.head }, base: { ref: pull.base } } };
    }
    return undefined;
  }

  private store(kind: FakeGitObject['kind'], data: Record<string, unknown>): Answer {
    const sha = createHash('sha1').update(`${kind}\0${JSON.stringify(data)}\0${this.nextId++}`).digest('hex');
    this.objects.set(sha, { kind, sha, data });
    return { status: 201, body: { sha, url: `${this.url}/git/${kind}s/${sha}` } };
  }

  /** The text of a blob created through the API. */
  blobText(sha: string): string | undefined {
    const o = this.objects.get(sha);
    if (o?.kind !== 'blob') return undefined;
    return o.data.encoding === 'base64' ? Buffer.from(String(o.data.content), 'base64').toString('utf8') : String(o.data.content);
  }

  private commentJson(c: FakeReviewComment): object {
    const { threadId: _t, resolved: _r, ...rest } = c;
    return rest;
  }

  private reviewJson(r: FakeReview): object {
    return { ...r };
  }

  /** The pull request JSON, also usable as the `pull_request` of an event payload. */
  pullJson(): object {
    const { pr } = this;
    const full = `${pr.owner}/${pr.repo}`;
    return {
      number: pr.number,
      title: pr.title ?? 'A change',
      body: pr.body ?? '',
      head: { sha: pr.headSha, ref: this.headRef, repo: { full_name: pr.fork ? `forker/${pr.repo}` : full } },
      base: { sha: pr.baseSha, ref: 'main', repo: { full_name: full } },
    };
  }
}
