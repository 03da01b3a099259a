import type MiniSearch from 'minisearch';
import { CWE_TEXT_FIELDS } from './index-options.js';
import type { KnowledgeBase } from './load.js';

/** One hit of one facet: MiniSearch's raw BM25+ score and the 1-based rank within that facet. */
export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly rank: number;
}

export interface CweQuery {
  /** Prose about the code (the paper's vulnerability-cause facet), matched against cause, guidelines, name. */
  readonly text?: string;
  /** API names called by the code, matched against each CWE's API set. */
  readonly apis?: readonly string[];
}

export interface ExampleQuery {
  /** The (sliced) code under review, matched against the examples' sliced code. */
  readonly code?: string;
  readonly apis?: readonly string[];
}

/** Each facet's hits, best first; a facet absent from the query has no hits. Fusion is the caller's. */
export interface FacetHits {
  readonly text: readonly SearchHit[];
  readonly apis: readonly SearchHit[];
}

export interface SearchOptions {
  /** Hits kept per facet; default 10 (the paper's cut-off). */
  readonly limit?: number;
}

function run<T>(index: MiniSearch<T>, query: string | undefined, fields: readonly string[], limit: number, keep?: (id: string) => boolean): SearchHit[] {
  if (!query || !query.trim()) return [];
  const results = index.search(query, { fields: [...fields], ...(keep && { filter: (r) => keep(String(r.id)) }) });
  return results
    .map((r) => ({ id: String(r.id), score: r.score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((hit, i) => ({ ...hit, rank: i + 1 }));
}

export function searchCwes(kb: KnowledgeBase, query: CweQuery, opts: SearchOptions = {}): FacetHits {
  const limit = opts.limit ?? 10;
  return {
    text: run(kb.cweIndex, query.text, CWE_TEXT_FIELDS, limit),
    apis: run(kb.cweIndex, query.apis?.join(' '), ['apis'], limit),
  };
}

export function searchExamples(
  kb: KnowledgeBase,
  query: ExampleQuery,
  opts: SearchOptions & { readonly cwes?: readonly string[]; readonly language?: string } = {},
): FacetHits {
  const limit = opts.limit ?? 10;
  const cwes = opts.cwes && new Set(opts.cwes);
  const keep =
    cwes || opts.language
      ? (id: string) => {
          const ex = kb.examples.get(id);
          return !!ex && (!cwes || cwes.has(ex.cwe)) && (!opts.language || ex.language === opts.language);
        }
      : undefined;
  return {
    text: run(kb.exampleIndex, query.code, ['code'], limit, keep),
    apis: run(kb.exampleIndex, query.apis?.join(' '), ['apis'], limit, keep),
  };
}
