import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly body: string;
}

/**
 * A local server on 127.0.0.1 that speaks the parts of the GitHub REST API RESCUE uses. It records every
 * request so tests can assert what was sent. `respond` lets a test override a route (e.g. answer 403).
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  respond?: (req: RecordedRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;
  private server?: http.Server;

  constructor(readonly pr: FakePullRequest) {}

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
        const answer = this.respond?.(recorded) ?? this.route(recorded);
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private route(req: RecordedRequest): { status: number; body: unknown; headers?: Record<string, string> } {
    const { pr } = this;
    const url = new URL(req.url, 'http://fake');
    const base = `/repos/${pr.owner}/${pr.repo}`;
    if (req.method === 'GET' && url.pathname === `${base}/pulls/${pr.number}`) {
      return { status: 200, body: this.pullJson() };
    }
    if (req.method === 'GET' && url.pathname === `${base}/pulls/${pr.number}/files`) {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = pr.files.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(pr.files.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url.toString());
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next", <${this.url}${next.pathname}?per_page=${perPage}&page=${last}>; rel="last"`;
      }
      return {
        status: 200,
        headers,
        body: slice.map((f, i) => ({
          sha: `blob${i}`,
          filename: f.filename,
          status: f.status,
          additions: 0,
          deletions: 0,
          changes: 0,
          patch: f.patch,
          previous_filename: f.previous_filename,
        })),
      };
    }
    const contents = new RegExp(`^${base}/contents/(.+)$`).exec(url.pathname);
    if (req.method === 'GET' && contents) {
      const path = decodeURIComponent(contents[1]);
      const file = pr.files.find((f) => f.filename === path && f.content !== undefined);
      if (!file || url.searchParams.get('ref') !== pr.headSha) return { status: 404, body: { message: 'Not Found' } };
      const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content!, 'utf8');
      return { status: 200, body: { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').pop(), path, content: bytes.toString('base64') } };
    }
    return { status: 404, body: { message: `Not Found: ${req.method} ${url.pathname}` } };
  }

  /** The pull request JSON, also usable as the `pull_request` of an event payload. */
  pullJson(): object {
    const { pr } = this;
    const full = `${pr.owner}/${pr.repo}`;
    return {
      number: pr.number,
      title: pr.title ?? 'A change',
      body: pr.body ?? '',
      head: { sha: pr.headSha, ref: 'feature', repo: { full_name: full } },
      base: { sha: pr.baseSha, ref: 'main', repo: { full_name: full } },
    };
  }
}
