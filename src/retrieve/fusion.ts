/**
 * The paper's modified reciprocal rank fusion:
 *   RRF(d) = sum over facets i of V_i(d) / (r_i(d) + alpha),
 * where V_i(d) = 1 only if facet i's score for d clears the facet's threshold and d ranks in the facet's
 * top `topN`; otherwise 0. Ranks are competition ranks ("1224"): items with equal scores share the best
 * rank, so a tie never depends on input order. An item no facet counts for gets 0 and is dropped.
 */
export interface ScoredItem {
  readonly id: string;
  readonly score: number;
}

export interface FacetList {
  readonly name: string;
  /** Any order; every scored item (ranks are computed here). */
  readonly hits: readonly ScoredItem[];
  /** The facet counts for an item only if its score is >= this. */
  readonly threshold: number;
}

export interface FacetScore {
  readonly score: number;
  readonly rank: number;
  /** The facet counted for the item: the score cleared the threshold and the rank the cut-off. */
  readonly counted: boolean;
}

export interface FusedItem {
  readonly id: string;
  readonly score: number;
  /** Every facet that scored the item, counted or not. */
  readonly facets: Readonly<Record<string, FacetScore>>;
}

export interface FusionOptions {
  /** The constant of reciprocal rank fusion; the paper's 60. */
  readonly alpha?: number;
  /** Only the top this many of a facet count; the paper's 10. */
  readonly topN?: number;
}

export const RRF_ALPHA = 60;
export const RRF_TOP_N = 10;

/** Competition ranks of a facet's hits, best (highest score) first. */
export function rankHits(hits: readonly ScoredItem[]): { id: string; score: number; rank: number }[] {
  const sorted = [...hits].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rank = 0;
  return sorted.map((h, i) => {
    if (i === 0 || h.score !== sorted[i - 1]!.score) rank = i + 1;
    return { id: h.id, score: h.score, rank };
  });
}

/**
 * Fuses facet lists. Only items with a positive fused score are returned, best first. Ties (common: two
 * items each ranked first by one facet) are broken by the number of facets that counted, then by the same
 * sum over every facet that scored the item, counted or not (the evidence below the thresholds), then by
 * id, so the order is deterministic.
 */
export function fuse(lists: readonly FacetList[], options: FusionOptions = {}): FusedItem[] {
  const alpha = options.alpha ?? RRF_ALPHA;
  const topN = options.topN ?? RRF_TOP_N;
  const items = new Map<string, { score: number; counted: number; evidence: number; facets: Record<string, FacetScore> }>();
  for (const list of lists) {
    for (const hit of rankHits(list.hits)) {
      const counted = hit.score >= list.threshold && hit.rank <= topN;
      let item = items.get(hit.id);
      if (!item) items.set(hit.id, (item = { score: 0, counted: 0, evidence: 0, facets: {} }));
      item.facets[list.name] = { score: hit.score, rank: hit.rank, counted };
      item.evidence += 1 / (hit.rank + alpha);
      if (counted) {
        item.score += 1 / (hit.rank + alpha);
        item.counted += 1;
      }
    }
  }
  return [...items]
    .filter(([, v]) => v.counted > 0)
    .sort(([a, x], [b, y]) => y.score - x.score || y.counted - x.counted || y.evidence - x.evidence || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, v]) => ({ id, score: v.score, facets: v.facets }));
}
