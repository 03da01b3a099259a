import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A pull request as `pulls.json` records it (search item, versions, files). */
export interface FakeMergedPull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly { name: string }[];
  readonly html_url: string;
  readonly merged_at: string;
  readonly base: { sha: string; ref: string };
  readonly head: { sha: string; ref: string };
  readonly files: readonly Record<string, unknown>[];
}

export interface FakeAdvisoryData {
  /** Items of GET /advisories, any order (served by updated_at, as `sort=updated&direction=asc` asks). */
  advisories: Record<string, unknown>[];
  /** GET /repos/{owner}/{repo}/commits/{sha} responses by `owner/repo@sha`. */
  readonly commits: Readonly<Record<string, Record<string, unknown>>>;
  /** Contents: `repos/<owner>/<repo>/<sha>/<path>` under this directory. */
  readonly reposDir: string;
  readonly pulls?: readonly FakeMergedPull[];
}

export interface RecordedApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Reads the recorded fixtures of __tests__/data/refresh (see its README). */
export function readAdvisoryFixtures(dir: string): FakeAdvisoryData {
  const json = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  return { advisories: json('advisories.json'), commits: json('commits.json'), reposDir: path.join(dir, 'repos'), pulls: json('pulls.json') };
}

/**
 * A local server on 127.0.0.1 for the GitHub endpoints of `kb refresh` and `kb learn`: global advisories
 * (the `modified` range filter, `per_page` and cursor pagination with Link headers), commits, contents at
 * a ref, issue search, pull requests and their files. Records every request. `answerOnce` queues a
 * response for the next request whose path starts with a prefix (a 403 rate limit, a 500).
 */
export async function startFakeGitHubAdvisories(data: FakeAdvisoryData) {
  const requests: RecordedApiRequest[] = [];
  /** GitHub serves at most 100 a page; a test lowers it to see pagination with a few fixtures. */
  const limits = { maxPerPage: 100 };
  const once: { prefix: string; answer: () => Answer }[] = [];

  const route = (method: string, url: URL): Answer => {
    const p = decodeURIComponent(url.pathname);
    const q = Object.fromEntries(url.searchParams);
    const queued = once.findIndex((o) => p.startsWith(o.prefix));
    if (queued >= 0) return once.splice(queued, 1)[0]!.answer();
    if (method !== 'GET') return { status: 404, body: { message: 'Not Found' } };

    if (p === '/advisories') return advisories(url, q);
    let m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(p);
    if (m) {
      const key = Object.keys(data.commits).find((k) => {
        const [repo, sha] = k.split('@') as [string, string];
        return repo === `${m![1]}/${m![2]}` && sha.startsWith(m![3]!.toLowerCase());
      });
      return key ? { status: 200, body: data.commits[key] } : { status: 404, body: { message: 'No commit found for SHA: ' + m[3] } };
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(p);
    if (m) {
      const file = path.join(data.reposDir, m[1]!, m[2]!, q.ref ?? 'main', m[3]!);
      if (!fs.existsSync(file)) return { status: 404, body: { message: 'Not Found' } };
      const bytes = fs.readFileSync(file);
      return { status: 200, body: { type: 'file', encoding: 'base64', size: bytes.length, name: path.basename(file), path: m[3], sha: 'b'.repeat(40), content: bytes.toString('base64') } };
    }
    if (p === '/search/issues') return search(q.q ?? '');
    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)(\/files)?$/.exec(p);
    if (m) {
      const pr = data.pulls?.find((x) => x.owner === m![1] && x.repo === m![2] && x.number === Number(m![3]));
      if (!pr) return { status: 404, body: { message: 'Not Found' } };
      if (m[4]) return { status: 200, body: pr.files };
      const repo = { full_name: `${pr.owner}/${pr.repo}` };
      return { status: 200, body: { number: pr.number, title: pr.title, body: pr.body, state: 'closed', merged_at: pr.merged_at, html_url: pr.html_url, base: { ...pr.base, repo }, head: { ...pr.head, repo } } };
    }
    return { status: 404, body: { message: `fake: no route for ${method} ${p}` } };
  };

  const advisories = (url: URL, q: Record<string, string>): Answer => {
    const from = /^>=(.+)$/.exec(q.modified ?? q.updated ?? '')?.[1];
    const since = from ? Date.parse(from) : -Infinity;
    const key = q.modified ? (a: Record<string, unknown>) => Math.max(Date.parse(String(a.updated_at)), Date.parse(String(a.published_at))) : (a: Record<string, unknown>) => Date.parse(String(a.updated_at));
    const matching = data.advisories
      .filter((a) => (q.type ?? 'reviewed') === a.type && key(a) >= since)
      .sort((a, b) => Date.parse(String(a.updated_at)) - Date.parse(String(b.updated_at)) || String(a.ghsa_id).localeCompare(String(b.ghsa_id)));
    if (q.direction === 'desc') matching.reverse();
    const perPage = Math.min(Number(q.per_page ?? 30), limits.maxPerPage);
    const start = q.after ? Number(Buffer.from(q.after, 'base64url').toString()) : 0;
    const page = matching.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    if (start + perPage < matching.length) {
      const next = new URL(url.toString());
      next.searchParams.set('after', Buffer.from(String(start + perPage)).toString('base64url'));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return { status: 200, body: page, headers };
  };

  const search = (query: string): Answer => {
    const terms = query.split(/\s+/).filter(Boolean);
    const repo = terms.find((t) => t.startsWith('repo:'))?.slice(5);
    const labels = terms.filter((t) => t.startsWith('label:')).map((t) => t.slice(6).replace(/^"|"$/g, ''));
    const items = (data.pulls ?? [])
      .filter((pr) => `${pr.owner}/${pr.repo}` === repo && labels.every((l) => pr.labels.some((x) => x.name === l)))
      .sort((a, b) => b.number - a.number)
      .map((pr) => ({
        number: pr.number, title: pr.title, body: pr.body, labels: pr.labels, html_url: pr.html_url, state: 'closed',
        pull_request: { url: `https://api.github.com/repos/${pr.owner}/${pr.repo}/pulls/${pr.number}`, merged_at: pr.merged_at },
      }));
    return { status: 200, body: { total_count: items.length, incomplete_results: false, items } };
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push({ method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams) });
    req.resume();
    req.on('end', () => {
      const answer = route(req.method ?? 'GET', url);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    data,
    limits,
    /** The next request whose path starts with `prefix` gets this answer (computed when it arrives). */
    answerOnce(prefix: string, answer: () => Answer) {
      once.push({ prefix, answer });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
