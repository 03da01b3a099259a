import { apiQueryTerms } from '../facets/api.js';
import type { UnitFacets } from '../facets/extract.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { KbExample } from '../kb/model.js';
import { bm25Scores, prepareQuery } from './bm25.js';
import type { ExampleThresholds } from './calibration.js';
import type { LevelOptions, QueryVectors } from './cwe-level.js';
import { denseScores } from './dense.js';
import { CWE_PRIOR_FACET, type FacetName } from './facet-names.js';
import { exampleSubIndex } from './example-subindex.js';
import { fuse, type FacetList, type FusedItem, type ScoredItem } from './fusion.js';

/**
 * The examples retrieval chooses from, per chosen CWE: those in the unit's language, or, when the CWE has
 * none in that language, all of its examples (an example in another language still shows the fix).
 */
export function candidateGroups(kb: KnowledgeBase, cwes: readonly string[], language: string): { cwe: string; language: string; examples: KbExample[] }[] {
  return cwes.flatMap((id) => {
    const all = kb.cwes.get(id)?.examples ?? [];
    const same = all.filter((e) => e.language === language);
    const examples = same.length ? same : [...all];
    return examples.length ? [{ cwe: id, language: same.length ? language : '*', examples }] : [];
  });
}

export function candidateExamples(kb: KnowledgeBase, cwes: readonly string[], language: string): KbExample[] {
  return candidateGroups(kb, cwes, language).flatMap((g) => g.examples);
}

/**
 * The example level: within the chosen CWEs, the paper's facets against each example (APIs against its API
 * set, code and cause against its sliced secure version with BM25, code against the same with dense
 * vectors), plus the CWE's own fused score (constant within a CWE: it keeps every candidate in the
 * fusion, so each chosen CWE yields an example), all fused the same way.
 */
export function exampleFacetLists(
  kb: KnowledgeBase,
  facets: UnitFacets,
  cwes: readonly FusedItem[],
  thresholds: ExampleThresholds,
  vectors: QueryVectors = {},
  use?: ReadonlySet<FacetName>,
): FacetList[] {
  const groups = candidateGroups(kb, cwes.map((c) => c.id), facets.language);
  if (groups.length === 0) return [];
  const on = (f: FacetName): boolean => !use || use.has(f);
  const cweScore = new Map(cwes.map((c) => [c.id, c.score]));
  const search = (text: string, field: 'apis' | 'code', normalized: boolean): ScoredItem[] => {
    const query = prepareQuery(text);
    return groups.flatMap((g) => bm25Scores(exampleSubIndex(kb, g.cwe, g.examples, g.language), query, [field], undefined, normalized));
  };
  const lists: FacetList[] = [
    { name: CWE_PRIOR_FACET, threshold: Number.MIN_VALUE, hits: groups.flatMap((g) => g.examples.map((e) => ({ id: e.id, score: cweScore.get(e.cwe) ?? 0 }))) },
  ];
  if (on('apis')) lists.push({ name: 'apis', threshold: thresholds.apis, hits: search(apiQueryTerms(facets.apis).join(' '), 'apis', false) });
  if (on('code')) lists.push({ name: 'code', threshold: thresholds.code, hits: search(facets.code, 'code', true) });
  if (on('cause')) lists.push({ name: 'cause', threshold: thresholds.cause, hits: search(facets.cause, 'code', true) });
  if (on('code-dense') && vectors.code) {
    const ids = groups.flatMap((g) => g.examples.map((e) => e.id));
    lists.push({ name: 'code-dense', threshold: thresholds.codeDense, hits: denseScores(kb, vectors.code, 'example', ids) });
  }
  return lists;
}

/**
 * Examples of the chosen CWEs: the best example of each CWE, in the CWEs' order, at most `limit`; the
 * first is the one the prompt carries. Examples are ranked within their CWE: their BM25 scores come from
 * the CWE's own small index, so they do not compare across CWEs, and letting the example level overrule
 * the CWE level put an example of the gold CWE first far less often than the CWE level put the gold CWE
 * first (bench/eval-retrieval.ts, example level). `perCwe` keeps more than one example of each CWE.
 */
export function rankExamples(
  kb: KnowledgeBase,
  facets: UnitFacets,
  cwes: readonly FusedItem[],
  thresholds: ExampleThresholds,
  options: LevelOptions & { readonly vectors?: QueryVectors; readonly limit?: number; readonly perCwe?: number } = {},
): FusedItem[] {
  if (cwes.length === 0) return [];
  const lists = exampleFacetLists(kb, facets, cwes, thresholds, options.vectors, options.facets);
  const cweOf = (id: string): string | undefined => kb.examples.get(id)?.cwe;
  const out: FusedItem[] = [];
  for (const cwe of cwes) {
    const own = lists.map((l) => ({ ...l, hits: l.hits.filter((h) => cweOf(h.id) === cwe.id) }));
    out.push(...fuse(own, options).slice(0, options.perCwe ?? 1));
  }
  return out.slice(0, options.limit ?? 3);
}
