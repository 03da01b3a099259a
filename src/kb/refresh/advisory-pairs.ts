import type { Logger } from '../../logging/logger.js';
import { commitReferences, type Advisory, type AdvisorySource } from './github-api.js';
import { fixFileProblem, functionPairs } from './function-pairs.js';
import type { SourcedPair } from './fix-pairs.js';

/** Ecosystems whose packages are written in no language RESCUE reviews. */
const OTHER_LANGUAGE_ECOSYSTEMS = new Set(['rubygems', 'composer', 'nuget', 'rust', 'pub', 'swift', 'erlang', 'hex', 'packagist', 'cargo']);

export interface AdvisoryLimits {
  readonly maxCommitsPerAdvisory: number;
  readonly maxFilesPerCommit: number;
}

export const DEFAULT_ADVISORY_LIMITS: AdvisoryLimits = { maxCommitsPerAdvisory: 3, maxFilesPerCommit: 20 };

export type AdvisoryOutcome = { readonly pairs: SourcedPair[] } | { readonly skipped: string };

/** Why an advisory cannot give pairs without reading any commit, or undefined when it may. */
export function advisoryProblem(a: Advisory): string | undefined {
  if (a.withdrawnAt) return 'withdrawn';
  if (!a.cwes.length) return 'no CWE';
  if (a.ecosystems.length && a.ecosystems.every((e) => OTHER_LANGUAGE_ECOSYSTEMS.has(e.toLowerCase()))) {
    return `ecosystem ${a.ecosystems.join(', ')}: no language RESCUE reviews`;
  }
  if (!commitReferences(a.references).length) return 'no fix commit in a GitHub repository among the references';
  return undefined;
}

/**
 * The function-level pairs of one advisory: for each referenced fix commit (at most a few), each changed
 * source file of a reviewed language is read at the commit and at its first parent, and the functions
 * the patch touches are paired by name. The pairs take the advisory's first CWE.
 */
export async function advisoryPairs(a: Advisory, api: AdvisorySource, limits: AdvisoryLimits, logger: Logger): Promise<AdvisoryOutcome> {
  const problem = advisoryProblem(a);
  if (problem) return { skipped: problem };
  const cwe = a.cwes[0]!;
  const pairs: SourcedPair[] = [];
  const reasons: string[] = [];
  for (const ref of commitReferences(a.references).slice(0, limits.maxCommitsPerAdvisory)) {
    const where = `${ref.owner}/${ref.repo}@${ref.sha.slice(0, 12)}`;
    const commit = await api.commit(ref.owner, ref.repo, ref.sha);
    if (!commit) {
      reasons.push(`${where}: the commit is not readable (deleted, private or not a commit)`);
      continue;
    }
    if (!commit.parentSha) {
      reasons.push(`${where}: a root commit has no vulnerable version`);
      continue;
    }
    const usable = commit.files.filter((f) => !fixFileProblem(f));
    if (!usable.length) {
      const why = [...new Set(commit.files.map((f) => fixFileProblem(f)!))];
      reasons.push(`${where}: no changed source file in a reviewed language${why.length ? ` (${why.join('; ')})` : ''}`);
      continue;
    }
    let fromCommit = 0;
    for (const file of usable.slice(0, limits.maxFilesPerCommit)) {
      const [before, after] = await Promise.all([
        api.fileAt(ref.owner, ref.repo, file.previousFilename ?? file.filename, commit.parentSha),
        api.fileAt(ref.owner, ref.repo, file.filename, commit.sha),
      ]);
      if (before === undefined || after === undefined) {
        reasons.push(`${where} ${file.filename}: not readable at both versions`);
        continue;
      }
      const found = await functionPairs(file, before, after);
      for (const s of found.skipped) logger.debug(`${a.ghsaId} ${where} ${s.path}${s.name ? ` ${s.name}` : ''}: ${s.reason}`);
      for (const p of found.pairs) {
        fromCommit++;
        pairs.push({
          id: `${a.ghsaId}/${ref.owner}/${ref.repo}@${commit.sha.slice(0, 12)}/${p.path}#${p.name}`,
          cwe,
          pair: p,
          link: `github.com/${ref.owner}/${ref.repo}/commit/${commit.sha}`,
          title: `${p.name} in ${ref.owner}/${ref.repo} (${a.ghsaId}${a.summary ? `: ${a.summary}` : ''})`,
        });
      }
    }
    if (!fromCommit) reasons.push(`${where}: no function changed in both versions`);
  }
  return pairs.length ? { pairs } : { skipped: reasons.join('; ') || 'no usable fix commit' };
}
