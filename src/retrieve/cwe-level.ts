import { apiQueryTerms } from '../facets/api.js';
import type { UnitFacets } from '../facets/extract.js';
import { ruleScores } from '../facets/rules.js';
import { CWE_TEXT_FIELDS } from '../kb/index-options.js';
import type { KnowledgeBase } from '../kb/load.js';
import { apiScores } from './api-index.js';
import { bm25Scores } from './bm25.js';
import type { CweThresholds } from './calibration.js';
import { denseScores, type Vector } from './dense.js';
import type { FacetName } from './facet-names.js';
import { fuse, type FacetList, type FusedItem, type FusionOptions, type ScoredItem } from './fusion.js';

/** Query vectors of a unit, when an embedder and KB vectors exist. */
export interface QueryVectors {
  readonly cause?: Vector;
  readonly code?: Vector;
}

export interface LevelOptions extends FusionOptions {
  /** Facets to use (ablations); default all. */
  readonly facets?: ReadonlySet<FacetName>;
}

/** The CWE level's facet lists: cause (BM25, dense), APIs (BM25 against each CWE's API set), rules. */
export function cweFacetLists(
  kb: KnowledgeBase,
  facets: UnitFacets,
  thresholds: CweThresholds,
  vectors: QueryVectors = {},
  use?: ReadonlySet<FacetName>,
): FacetList[] {
  const on = (f: FacetName): boolean => !use || use.has(f);
  const lists: FacetList[] = [];
  if (on('cause')) lists.push({ name: 'cause', threshold: thresholds.cause, hits: bm25Scores(kb.cweIndex, facets.cause, CWE_TEXT_FIELDS, undefined, true) });
  if (on('apis')) lists.push({ name: 'apis', threshold: thresholds.apis, hits: apiScores(kb, facets.language, apiQueryTerms(facets.apis).join(' ')) });
  if (on('code')) lists.push({ name: 'code', threshold: thresholds.code, hits: codeByCwe(kb, facets.code, facets.language) });
  if (on('rules') && facets.rules.length) {
    lists.push({ name: 'rules', threshold: thresholds.rules, hits: [...ruleScores(facets.rules)].map(([id, score]) => ({ id, score })) });
  }
  if (on('cause-dense') && vectors.cause) {
    lists.push({ name: 'cause-dense', threshold: thresholds.causeDense, hits: denseScores(kb, vectors.cause, 'cwe', kb.cwes.keys()) });
  }
  return lists;
}

/**
 * The code facet at the CWE level (beyond the paper, which uses cause and APIs there): a CWE scores the
 * best BM25+ score of the unit's code against the code of its examples in the unit's language.
 */
export function codeByCwe(kb: KnowledgeBase, code: string, language: string): ScoredItem[] {
  const best = new Map<string, number>();
  const sameLanguage = (id: string): boolean => kb.examples.get(id)?.language === language;
  for (const hit of bm25Scores(kb.exampleIndex, code, ['code'], sameLanguage, true)) {
    const cwe = kb.examples.get(hit.id)?.cwe;
    if (cwe !== undefined && hit.score > (best.get(cwe) ?? 0)) best.set(cwe, hit.score);
  }
  return [...best].map(([id, score]) => ({ id, score }));
}

/** The top `k` CWEs by modified RRF; empty when no facet clears its threshold (not security-relevant). */
export function rankCwes(
  kb: KnowledgeBase,
  facets: UnitFacets,
  thresholds: CweThresholds,
  options: LevelOptions & { readonly k?: number; readonly vectors?: QueryVectors } = {},
): FusedItem[] {
  return fuse(cweFacetLists(kb, facets, thresholds, options.vectors, options.facets), options).slice(0, options.k ?? 4);
}
