import MiniSearch from 'minisearch';
import { processCodeTerm, tokenizeCode } from '../kb/code-tokenizer.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { KbExample } from '../kb/model.js';

/**
 * The example level searches only the examples of the chosen CWEs. The bundled example index covers the
 * whole KB, and MiniSearch scores every document that holds a query term before any filter applies: on a
 * KB of 50,000 examples whose code shares `request` and `execute`, one search costs hundreds of
 * milliseconds. So each CWE's examples (in one language) get a small index of their own, built on first
 * use and cached per knowledge base. It indexes what the paper compares: the example's APIs and its sliced
 * secure version. BM25 statistics are those of the small index: scores rank a CWE's examples and are
 * compared across the few chosen CWEs only through fusion's ranks.
 */
export interface SubIndexDoc {
  readonly id: string;
  readonly apis: string;
  readonly code: string;
}

const cache = new WeakMap<KnowledgeBase, Map<string, MiniSearch<SubIndexDoc>>>();

export function exampleSubIndex(kb: KnowledgeBase, cwe: string, examples: readonly KbExample[], language: string): MiniSearch<SubIndexDoc> {
  let byKey = cache.get(kb);
  if (!byKey) cache.set(kb, (byKey = new Map()));
  const key = `${cwe}\0${language}`;
  let index = byKey.get(key);
  if (!index) {
    index = new MiniSearch<SubIndexDoc>({
      idField: 'id',
      fields: ['apis', 'code'],
      storeFields: [],
      tokenize: tokenizeCode,
      processTerm: processCodeTerm,
      searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
    });
    index.addAll(examples.map((e) => ({ id: e.id, apis: e.apis.join(' '), code: e.secureSlice?.text ?? '' })));
    byKey.set(key, index);
  }
  return index;
}
