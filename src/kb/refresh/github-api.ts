import type { GitHubClient } from '../../github/octokit.js';
import type { FixFile } from './function-pairs.js';

/** The fields of a global security advisory (GET /advisories) that the refresh uses. */
export interface Advisory {
  readonly ghsaId: string;
  readonly summary: string;
  readonly htmlUrl?: string;
  readonly updatedAt: string;
  readonly withdrawnAt?: string;
  /** `CWE-79`, in the advisory's order. */
  readonly cwes: readonly string[];
  /** Reference URLs. */
  readonly references: readonly string[];
  /** The ecosystems of the affected packages (`pip`, `npm`, `maven`, `go`, `other`, ...). */
  readonly ecosystems: readonly string[];
}

export interface FixCommit {
  readonly sha: string;
  /** The first parent: the vulnerable version. Absent for a root commit. */
  readonly parentSha?: string;
  readonly files: readonly FixFile[];
}

/** The I/O edge of `kb refresh`: advisories, commits and file contents. */
export interface AdvisorySource {
  /** GitHub-reviewed advisories modified (published or updated) at or after `since`, oldest update first. */
  advisories(since: string): AsyncIterable<Advisory>;
  /** Undefined when the commit or its repository is gone (404, 422). */
  commit(owner: string, repo: string, sha: string): Promise<FixCommit | undefined>;
  /** A file's text at a commit; undefined when absent there or too large for the contents API. */
  fileAt(owner: string, repo: string, path: string, ref: string): Promise<string | undefined>;
}

interface RawAdvisory {
  ghsa_id: string;
  summary?: string | null;
  html_url?: string | null;
  updated_at: string;
  withdrawn_at?: string | null;
  cwes?: { cwe_id: string }[] | null;
  references?: (string | { url: string })[] | null;
  vulnerabilities?: { package?: { ecosystem?: string | null } | null }[] | null;
}

export function toAdvisory(raw: RawAdvisory): Advisory {
  return {
    ghsaId: raw.ghsa_id,
    summary: raw.summary ?? '',
    ...(raw.html_url && { htmlUrl: raw.html_url }),
    updatedAt: raw.updated_at,
    ...(raw.withdrawn_at && { withdrawnAt: raw.withdrawn_at }),
    cwes: (raw.cwes ?? []).map((c) => c.cwe_id).filter((id) => /^CWE-\d+$/.test(id)),
    references: (raw.references ?? []).map((r) => (typeof r === 'string' ? r : r.url)),
    ecosystems: [...new Set((raw.vulnerabilities ?? []).map((v) => v.package?.ecosystem ?? '').filter(Boolean))],
  };
}

function isGone(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === 404 || status === 422 || status === 409;
}

/** The AdvisorySource over the REST API, through the shared client (retries, rate limits). */
export function githubAdvisorySource(client: GitHubClient, opts: { perPage?: number } = {}): AdvisorySource {
  return {
    async *advisories(since) {
      const iterator = client.paginate.iterator('GET /advisories', {
        type: 'reviewed',
        modified: `>=${searchDate(since)}`,
        sort: 'updated',
        direction: 'asc',
        per_page: opts.perPage ?? 100,
      });
      for await (const page of iterator) for (const raw of page.data as unknown as RawAdvisory[]) yield toAdvisory(raw);
    },
    async commit(owner, repo, sha) {
      try {
        const { data } = await client.rest.repos.getCommit({ owner, repo, ref: sha });
        return {
          sha: data.sha,
          ...(data.parents[0] && { parentSha: data.parents[0].sha }),
          files: (data.files ?? []).map((f) => ({
            filename: f.filename,
            status: f.status,
            ...(f.patch !== undefined && { patch: f.patch }),
            ...(f.previous_filename && { previousFilename: f.previous_filename }),
          })),
        };
      } catch (error) {
        if (isGone(error)) return undefined;
        throw error;
      }
    },
    fileAt: (owner, repo, path, ref) => readText(client, owner, repo, path, ref),
  };
}

export async function readText(client: GitHubClient, owner: string, repo: string, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({ owner, repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || data.encoding !== 'base64') return undefined;
    if (data.content === '' && data.size > 0) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}

/** The search syntax's date-time form (`2024-05-01T10:00:00+00:00`). */
export function searchDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  return `${d.toISOString().slice(0, 19)}+00:00`;
}

/** A fix commit named by a reference URL. */
export interface CommitRef {
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
}

const COMMIT_URL = /^https?:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(?:commit|commits|pull\/\d+\/commits)\/([0-9a-f]{7,40})(?:[/?#.].*)?$/i;

/** The GitHub commits among an advisory's references, deduplicated, in reference order. */
export function commitReferences(references: readonly string[]): CommitRef[] {
  const out: CommitRef[] = [];
  const seen = new Set<string>();
  for (const url of references) {
    const m = COMMIT_URL.exec(url.trim());
    if (!m) continue;
    const ref = { owner: m[1]!, repo: m[2]!.replace(/\.git$/, ''), sha: m[3]!.toLowerCase() };
    const key = `${ref.owner}/${ref.repo}@${ref.sha}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}
