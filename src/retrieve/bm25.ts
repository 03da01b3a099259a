import type MiniSearch from 'minisearch';
import { processCodeTerm, tokenizeCode } from '../kb/code-tokenizer.js';
import type { ScoredItem } from './fusion.js';

/**
 * Every document a MiniSearch index scores for a query on some fields: BM25+ scores as MiniSearch computes
 * them (summed over matched terms, then multiplied by the number of distinct query terms matched; see
 * TOOLCHAIN §7). Ranking and cut-offs are fusion's business.
 *
 * `lengthNormalized`: for the long prose and code queries (cause, code) the raw score grows about with the
 * square of the query's length (more terms matched, times more terms matched), so one threshold cannot fit
 * a three-line and an eighty-line function. Dividing by the square of the number of distinct query terms
 * keeps the ranking of a query and makes its scores comparable across queries. The short API query is left
 * raw: one security API among many calls is the signal.
 */
export function bm25Scores<T>(
  index: MiniSearch<T>,
  query: string,
  fields: readonly string[],
  keep?: (id: string) => boolean,
  lengthNormalized = false,
): ScoredItem[] {
  if (!query.trim()) return [];
  const results = index.search(query, { fields: [...fields], ...(keep && { filter: (r) => keep(String(r.id)) }) });
  const q = lengthNormalized ? distinctTerms(query) : 1;
  const scale = q > 0 ? 1 / (q * q) : 1;
  return results.map((r) => ({ id: String(r.id), score: r.score * scale }));
}

/** Distinct query terms as the index's tokenizer and term processing see them. */
export function distinctTerms(query: string): number {
  const terms = new Set<string>();
  for (const t of tokenizeCode(query)) {
    const p = processCodeTerm(t);
    if (p) terms.add(p);
  }
  return terms.size;
}
