import type MiniSearch from 'minisearch';
import { processCodeTerm, tokenizeCode } from '../kb/code-tokenizer.js';
import type { ScoredItem } from './fusion.js';

/** Length normalization treats shorter queries as this long (see bm25Scores). */
export const MIN_QUERY_TERMS = 8;

/**
 * A query as the index's tokenizer and term processing see it, each term once: searched with an identity
 * tokenizer, so a query searched in several indexes is tokenized once, and a term repeated in a long unit
 * counts once (the unit's length is not evidence).
 */
export interface PreparedQuery {
  readonly terms: readonly string[];
}

export function prepareQuery(text: string): PreparedQuery {
  const terms = new Set<string>();
  for (const t of tokenizeCode(text)) {
    const p = processCodeTerm(t);
    if (p) terms.add(p);
  }
  return { terms: [...terms] };
}

const SPACE = (s: string): string[] => s.split(' ');
const SAME = (t: string): string => t;

/**
 * Every document a MiniSearch index scores for a query on some fields: BM25+ scores as MiniSearch computes
 * them (summed over matched terms, then multiplied by the number of distinct query terms matched; see
 * TOOLCHAIN §7). Ranking and cut-offs are fusion's business.
 *
 * `lengthNormalized`: for the long prose and code queries (cause, code) the raw score grows about with the
 * square of the query's length (more terms matched, times more terms matched), so one threshold cannot fit
 * a three-line and an eighty-line function. Dividing by the square of the number of distinct query terms
 * keeps the ranking of a query and makes its scores comparable across queries. The short API query is left
 * raw: one security API among many calls is the signal. A query shorter than MIN_QUERY_TERMS counts as that
 * long, so a two-line unit whose one word happens to occur in a CWE's cause does not score like a paragraph
 * that matches throughout.
 */
export function bm25Scores<T>(
  index: MiniSearch<T>,
  query: string | PreparedQuery,
  fields: readonly string[],
  keep?: (id: string) => boolean,
  lengthNormalized = false,
  boost?: Readonly<Record<string, number>>,
): ScoredItem[] {
  const { terms } = typeof query === 'string' ? prepareQuery(query) : query;
  if (terms.length === 0) return [];
  const results = index.search(terms.join(' '), {
    fields: [...fields],
    tokenize: SPACE,
    processTerm: SAME,
    ...(boost && { boost: { ...boost } }),
    ...(keep && { filter: (r) => keep(String(r.id)) }),
  });
  const q = lengthNormalized ? Math.max(MIN_QUERY_TERMS, terms.length) : 1;
  const scale = 1 / (q * q);
  return results.map((r) => ({ id: String(r.id), score: r.score * scale }));
}

/** Distinct query terms as the index's tokenizer and term processing see them. */
export function distinctTerms(query: string): number {
  return prepareQuery(query).terms.length;
}
