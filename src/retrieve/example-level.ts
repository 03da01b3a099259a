import { apiQueryTerms } from '../facets/api.js';
import type { UnitFacets } from '../facets/extract.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { KbExample } from '../kb/model.js';
import { bm25Scores } from './bm25.js';
import type { ExampleThresholds } from './calibration.js';
import type { LevelOptions, QueryVectors } from './cwe-level.js';
import { denseScores } from './dense.js';
import { CWE_PRIOR_FACET, type FacetName } from './facet-names.js';
import { fuse, type FacetList, type FusedItem } from './fusion.js';

/**
 * The examples retrieval chooses from: those of the chosen CWEs in the unit's language, or, when none of
 * them has one in that language, all of their examples (an example in another language still shows the fix).
 */
export function candidateExamples(kb: KnowledgeBase, cwes: readonly string[], language: string): KbExample[] {
  const all = cwes.flatMap((id) => kb.cwes.get(id)?.examples ?? []);
  const same = all.filter((e) => e.language === language);
  return same.length ? same : all;
}

/**
 * The example level: within the chosen CWEs, the paper's facets against each example (APIs against its API
 * set, code and cause against its sliced code with BM25, code against its sliced secure version with dense
 * vectors), plus the CWE's own fused score, all fused the same way.
 */
export function exampleFacetLists(
  kb: KnowledgeBase,
  facets: UnitFacets,
  cwes: readonly FusedItem[],
  thresholds: ExampleThresholds,
  vectors: QueryVectors = {},
  use?: ReadonlySet<FacetName>,
): FacetList[] {
  const candidates = candidateExamples(kb, cwes.map((c) => c.id), facets.language);
  if (candidates.length === 0) return [];
  const ids = new Set(candidates.map((e) => e.id));
  const keep = (id: string): boolean => ids.has(id);
  const on = (f: FacetName): boolean => !use || use.has(f);
  const cweScore = new Map(cwes.map((c) => [c.id, c.score]));
  const lists: FacetList[] = [
    { name: CWE_PRIOR_FACET, threshold: Number.MIN_VALUE, hits: candidates.map((e) => ({ id: e.id, score: cweScore.get(e.cwe) ?? 0 })) },
  ];
  if (on('apis')) lists.push({ name: 'apis', threshold: thresholds.apis, hits: bm25Scores(kb.exampleIndex, apiQueryTerms(facets.apis).join(' '), ['apis'], keep) });
  if (on('code')) lists.push({ name: 'code', threshold: thresholds.code, hits: bm25Scores(kb.exampleIndex, facets.code, ['code'], keep, true) });
  if (on('cause')) lists.push({ name: 'cause', threshold: thresholds.cause, hits: bm25Scores(kb.exampleIndex, facets.cause, ['code'], keep, true) });
  if (on('code-dense') && vectors.code) {
    lists.push({ name: 'code-dense', threshold: thresholds.codeDense, hits: denseScores(kb, vectors.code, 'example', ids) });
  }
  return lists;
}

/** Examples of the chosen CWEs, best first; the first is the one the prompt carries. */
export function rankExamples(
  kb: KnowledgeBase,
  facets: UnitFacets,
  cwes: readonly FusedItem[],
  thresholds: ExampleThresholds,
  options: LevelOptions & { readonly vectors?: QueryVectors; readonly limit?: number } = {},
): FusedItem[] {
  if (cwes.length === 0) return [];
  return fuse(exampleFacetLists(kb, facets, cwes, thresholds, options.vectors, options.facets), options).slice(0, options.limit ?? 3);
}
