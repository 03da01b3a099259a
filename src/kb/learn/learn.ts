import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logging/logger.js';
import { silentLogger } from '../../logging/logger.js';
import { buildKnowledgeBase, writeBuild, type BuildOptions } from '../build.js';
import type { MineOptions } from '../mine.js';
import { overlayLayout } from '../overlay.js';
import type { PairSlicer } from '../pair-slicer.js';
import { pdgSlicer } from '../pdg-slicer.js';
import type { SummaryReport } from '../summarize/driver.js';
import { toFixPairs, type SourcedPair } from '../refresh/fix-pairs.js';
import { fixFileProblem, functionPairs } from '../refresh/function-pairs.js';
import { mineIntoDirectory } from '../refresh/mine-into.js';
import type { MergedPullRequest, PullRequestHistory } from './pull-requests.js';

export interface LearnOptions {
  readonly history: PullRequestHistory;
  readonly owner: string;
  readonly repo: string;
  /** Search terms for the merged pull requests to learn from, e.g. `label:security`. */
  readonly query: string;
  /** The overlay directory (default `.github/rescue/kb` of the repository). */
  readonly overlayDir: string;
  /** For pull requests that name no CWE in a label, the title or the body. */
  readonly defaultCwe?: string;
  readonly maxPullRequests?: number;
  readonly maxFilesPerPullRequest?: number;
  readonly summarize: Pick<MineOptions, 'client' | 'model' | 'cache' | 'progress' | 'batchSize'>;
  readonly slicer?: PairSlicer;
  readonly callNames?: MineOptions['callNames'];
  readonly embeddings?: BuildOptions['embeddings'];
  readonly logger?: Logger;
}

export interface LearnReport {
  readonly pullRequestsRead: number;
  readonly used: readonly { readonly number: number; readonly cwe: string; readonly pairs: number }[];
  readonly skipped: readonly { readonly number: number; readonly reason: string }[];
  readonly pairsMined: number;
  readonly cwesTouched: readonly string[];
  readonly summary: SummaryReport;
  readonly changed: boolean;
  readonly counts?: { readonly cwes: number; readonly guidelines: number; readonly rules: number; readonly examples: number };
}

const SOURCES_README = `# Hand-written overlay sources

CWE files here (\`CWE-<n>.yaml\`, the format of kb/sources in rescue-action, rules included) are built
into the overlay with what \`rescue kb learn\` mined. Rebuild with:

    npx rescue-action kb build --sources .github/rescue/kb/sources --mined .github/rescue/kb/mined --out .github/rescue/kb/build
`;

/** The CWE a pull request names: a label `CWE-89` / `cwe-89`, else the first `CWE-<n>` in its title or body. */
export function cweOfPullRequest(pr: MergedPullRequest): string | undefined {
  for (const label of pr.labels) {
    const m = /^cwe[-_ ]?(\d+)$/i.exec(label.trim());
    if (m) return `CWE-${Number(m[1])}`;
  }
  const m = /\bCWE[-_ ]?(\d+)\b/i.exec(`${pr.title}\n${pr.body}`);
  return m ? `CWE-${Number(m[1])}` : undefined;
}

/**
 * `kb learn --from-prs`: mines a repository's own merged security fixes into its overlay. Each pull
 * request's changed source files are read at its base and head commits; the functions its patch touches
 * become before/after pairs under the CWE it names; the CWEs that gained pairs are summarized (the same
 * pipeline as `kb build --pairs`) into the overlay's mined/ and the overlay is rebuilt.
 */
export async function learnFromPullRequests(opts: LearnOptions): Promise<LearnReport> {
  const logger = opts.logger ?? silentLogger;
  const layout = overlayLayout(opts.overlayDir);
  const prs = await opts.history.search(opts.owner, opts.repo, opts.query, opts.maxPullRequests ?? 50);
  logger.info(`${prs.length} merged pull request(s) of ${opts.owner}/${opts.repo} match "${opts.query}"`);
  const used: { number: number; cwe: string; pairs: number }[] = [];
  const skipped: { number: number; reason: string }[] = [];
  const sourced: SourcedPair[] = [];
  for (const pr of prs) {
    const cwe = cweOfPullRequest(pr) ?? opts.defaultCwe;
    if (!cwe) {
      skipped.push({ number: pr.number, reason: 'names no CWE (add a label such as cwe-89, or pass --cwe)' });
      continue;
    }
    const files = (await opts.history.files(opts.owner, opts.repo, pr.number)).filter((f) => !fixFileProblem(f));
    if (!files.length) {
      skipped.push({ number: pr.number, reason: 'changes no source file in a reviewed language' });
      continue;
    }
    const { baseSha, headSha } = await opts.history.versions(opts.owner, opts.repo, pr.number);
    let n = 0;
    for (const file of files.slice(0, opts.maxFilesPerPullRequest ?? 20)) {
      const [before, after] = await Promise.all([
        opts.history.fileAt(opts.owner, opts.repo, file.previousFilename ?? file.filename, baseSha),
        opts.history.fileAt(opts.owner, opts.repo, file.filename, headSha),
      ]);
      if (before === undefined || after === undefined) continue;
      const found = await functionPairs(file, before, after);
      for (const p of found.pairs) {
        n++;
        sourced.push({
          id: `${opts.owner}/${opts.repo}#${pr.number}/${p.path}#${p.name}`,
          cwe,
          pair: p,
          link: pr.url.replace(/^https?:\/\//, ''),
          title: `${p.name}: ${pr.title} (#${pr.number})`,
        });
      }
    }
    if (n) used.push({ number: pr.number, cwe, pairs: n });
    else skipped.push({ number: pr.number, reason: 'no function changed in both versions' });
  }

  const { pairs } = toFixPairs(sourced, 'pull-requests');
  const noSummary: SummaryReport = { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };
  const base = { pullRequestsRead: prs.length, used, skipped, pairsMined: pairs.length };
  if (!pairs.length) return { ...base, cwesTouched: [], summary: noSummary, changed: false };

  const mined = await mineIntoDirectory(layout.mined, pairs, {
    ...opts.summarize,
    slicer: opts.slicer ?? pdgSlicer,
    ...(opts.callNames && { callNames: opts.callNames }),
    sourceName: `${opts.owner}/${opts.repo} pull requests`,
  });
  await fs.mkdir(layout.sources, { recursive: true });
  const readme = path.join(layout.sources, 'README.md');
  await fs.writeFile(readme, SOURCES_README, { flag: 'wx' }).catch(() => undefined);
  const result = await buildKnowledgeBase({
    sourcesDir: layout.sources,
    minedDir: layout.mined,
    previousDir: layout.build,
    logger,
    ...(opts.slicer && { slicer: opts.slicer }),
    ...(opts.embeddings && { embeddings: opts.embeddings }),
  });
  await writeBuild(layout.build, result);
  return { ...base, cwesTouched: mined.touched, summary: mined.report, changed: true, counts: result.manifest.counts };
}

export function formatLearnReport(r: LearnReport): string {
  const lines = [
    `pull requests read: ${r.pullRequestsRead}; learned from: ${r.used.map((u) => `#${u.number} (${u.cwe}, ${u.pairs} pair(s))`).join(', ') || 'none'}`,
    ...r.skipped.map((s) => `  skipped #${s.number}: ${s.reason}`),
    `pairs mined: ${r.pairsMined}; CWEs touched: ${r.cwesTouched.join(', ') || 'none'}`,
    `summarizer: ${r.summary.calls} call(s), ${r.summary.promptTokens + r.summary.completionTokens} tokens${r.summary.failures.length ? `, ${r.summary.failures.length} failure(s)` : ''}`,
    ...(r.counts ? [`overlay: ${r.counts.cwes} CWEs, ${r.counts.guidelines} guidelines, ${r.counts.rules} rules, ${r.counts.examples} examples`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
