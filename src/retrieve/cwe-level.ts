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
import { fuse, rankHits, RRF_TOP_N, type FacetList, type FusedItem, type FusionOptions, type ScoredItem } from './fusion.js';

/** Query vectors of a unit, when an embedder and KB vectors exist. */
export interface QueryVectors {
  readonly cause?: Vector;
  readonly code?: Vector;
}

export interface LevelOptions extends FusionOptions {
  /** Facets to use (ablations); default all but the CWE-level code facet. */
  readonly facets?: ReadonlySet<FacetName>;
}

/**
 * The CWE level's facets when none are named: the paper's cause and APIs, and the KB rules. The code facet
 * at the CWE level searches every example of the KB (tens of milliseconds on a large KB) and added nothing
 * in the evaluation (bench/eval-retrieval.ts), so it runs only when named.
 */
export const DEFAULT_CWE_FACETS: ReadonlySet<FacetName> = new Set(['cause', 'apis', 'rules', 'cause-dense']);

/**
 * Field boosts of the cause facet's BM25+: the CWE's name says in a few words what the weakness is about
 * (command, permission, certificate, resources), so a query word found there counts double.
 */
export const CAUSE_FIELD_BOOST: Readonly<Record<string, number>> = { name: 2, cause: 1, guidelines: 1 };

/** The CWE level's facet lists: cause (BM25, dense), APIs (BM25 against each CWE's API set), rules. */
export function cweFacetLists(
  kb: KnowledgeBase,
  facets: UnitFacets,
  thresholds: CweThresholds,
  vectors: QueryVectors = {},
  use?: ReadonlySet<FacetName>,
): FacetList[] {
  const on = (f: FacetName): boolean => (use ?? DEFAULT_CWE_FACETS).has(f);
  const lists: FacetList[] = [];
  if (on('cause')) lists.push({ name: 'cause', threshold: thresholds.cause, hits: bm25Scores(kb.cweIndex, facets.cause, CWE_TEXT_FIELDS, undefined, true, CAUSE_FIELD_BOOST) });
  if (on('apis')) lists.push({ name: 'apis', threshold: thresholds.apis, hits: apiScores(kb, facets.language, apiQueryTerms(facets.apis)) });
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

/**
 * The gate: some facet has an item whose score clears the gate's threshold for that facet and that ranks
 * in the facet's top `topN`.
 */
export function passesGate(lists: readonly FacetList[], gate: Readonly<Record<string, number>>, topN = RRF_TOP_N): boolean {
  return lists.some((list) => {
    const threshold = gate[list.name] ?? list.threshold;
    return rankHits(list.hits).some((h) => h.rank <= topN && h.score >= threshold);
  });
}

/** Facet name -> its threshold in a CweThresholds. */
export function byFacet(t: CweThresholds): Record<string, number> {
  return { cause: t.cause, apis: t.apis, code: t.code, rules: t.rules, 'cause-dense': t.causeDense };
}

/**
 * The top `k` CWEs by modified RRF (empty when no facet clears its fusion threshold), and whether the unit
 * is security-relevant. The ranking and the relevance are separate questions: the ranking says which
 * weakness the unit is most like; the gate (stricter thresholds, calibrated against benign code) says
 * whether it is worth a model call. Without a gate, relevant means "the ranking is not empty", as in the
 * paper.
 */
export function rankCwes(
  kb: KnowledgeBase,
  facets: UnitFacets,
  thresholds: CweThresholds,
  options: LevelOptions & { readonly k?: number; readonly vectors?: QueryVectors; readonly gate?: CweThresholds } = {},
): { readonly items: FusedItem[]; readonly relevant: boolean } {
  const fusion = options.gate ? minThresholds(thresholds, options.gate) : thresholds;
  const lists = cweFacetLists(kb, facets, fusion, options.vectors, options.facets);
  const items = fuse(lists, options).slice(0, options.k ?? 4);
  const relevant = items.length > 0 && (!options.gate || passesGate(lists, byFacet(options.gate), options.topN));
  return { items, relevant };
}

function minThresholds(a: CweThresholds, b: CweThresholds): CweThresholds {
  return { cause: Math.min(a.cause, b.cause), apis: Math.min(a.apis, b.apis), code: Math.min(a.code, b.code), rules: Math.min(a.rules, b.rules), causeDense: Math.min(a.causeDense, b.causeDense) };
}
