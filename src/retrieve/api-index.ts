import MiniSearch from 'minisearch';
import type { Language } from '../code/languages.js';
import { processCodeTerm, tokenizeCode } from '../kb/code-tokenizer.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { ScoredItem } from './fusion.js';
import { bm25Scores } from './bm25.js';

/**
 * The API facet at the CWE level, per language: a Python unit's calls are matched against each CWE's
 * Python API set, not against C names that share a segment (`malloc`, `get`). The bundled index has one
 * API field over all languages, so a small index per language is built here on first use (a few
 * milliseconds; cached per knowledge base). Only the classified names (insecure and safe) are indexed: the
 * `seen` names of the examples hold `len` and `ValueError`, whose rarity in the KB makes BM25 rate them
 * highly. A language for which no CWE has an API set falls back to the bundled all-language field.
 */
interface ApiDoc {
  readonly id: string;
  readonly apis: string;
}

const cache = new WeakMap<KnowledgeBase, Map<Language, MiniSearch<ApiDoc> | null>>();

export function languageApiIndex(kb: KnowledgeBase, language: Language): MiniSearch<ApiDoc> | null {
  let byLanguage = cache.get(kb);
  if (!byLanguage) cache.set(kb, (byLanguage = new Map()));
  if (byLanguage.has(language)) return byLanguage.get(language)!;
  const docs: ApiDoc[] = [];
  for (const cwe of kb.cwes.values()) {
    const set = cwe.apis[language];
    if (!set) continue;
    const names = [...new Set([...set.insecure, ...set.safe])];
    if (names.length) docs.push({ id: cwe.id, apis: names.join(' ') });
  }
  let index: MiniSearch<ApiDoc> | null = null;
  if (docs.length) {
    index = new MiniSearch<ApiDoc>({
      idField: 'id',
      fields: ['apis'],
      storeFields: [],
      tokenize: tokenizeCode,
      processTerm: processCodeTerm,
      searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
    });
    index.addAll(docs);
  }
  byLanguage.set(language, index);
  return index;
}

/** BM25+ of the API query against each CWE's API set in `language` (all languages when none has one). */
export function apiScores(kb: KnowledgeBase, language: Language, query: string): ScoredItem[] {
  const index = languageApiIndex(kb, language);
  return index ? bm25Scores(index, query, ['apis']) : bm25Scores(kb.cweIndex, query, ['apis']);
}
