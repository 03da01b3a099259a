import type { Options } from 'minisearch';
import { processCodeTerm, tokenizeCode, TOKENIZER_VERSION } from './code-tokenizer.js';
import { COMPACT_INDEX_FORMAT } from './compact-index.js';
import { sha256, stableStringify } from './stable-json.js';

/**
 * The one definition of both MiniSearch indexes, shared by the builder and the loader. MiniSearch cannot
 * serialize its tokenizer, so an index must be loaded with exactly the options it was built with; the
 * manifest records INDEX_OPTIONS_HASH and the loader refuses a mismatch. Change anything here (fields,
 * tokenizer, term processing) and bump INDEX_OPTIONS_VERSION so the hash changes.
 */
export const INDEX_OPTIONS_VERSION = 2;

/** A CWE node as indexed: the paper's CWE level (cause text, API set, guideline text). */
export interface CweIndexDoc {
  readonly id: string;
  readonly name: string;
  readonly cause: string;
  readonly guidelines: string;
  readonly apis: string;
}

/** An example as indexed: the paper's example level (APIs, code tokens of the sliced versions). */
export interface ExampleIndexDoc {
  readonly id: string;
  readonly apis: string;
  readonly code: string;
}

export const CWE_TEXT_FIELDS = ['name', 'cause', 'guidelines'] as const;
export const CWE_INDEX_FIELDS = [...CWE_TEXT_FIELDS, 'apis'] as const;
export const EXAMPLE_INDEX_FIELDS = ['apis', 'code'] as const;

const common = {
  idField: 'id',
  tokenize: tokenizeCode,
  processTerm: processCodeTerm,
  // Exact terms only: prefix and fuzzy matches would make `load` hit `loads` and blur the API facet.
  searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' as const },
};

export const CWE_INDEX_OPTIONS: Options<CweIndexDoc> = { ...common, fields: [...CWE_INDEX_FIELDS], storeFields: [] };
export const EXAMPLE_INDEX_OPTIONS: Options<ExampleIndexDoc> = { ...common, fields: [...EXAMPLE_INDEX_FIELDS], storeFields: [] };

/** What the hash covers: every option that changes the serialized index or how it must be read. */
export const INDEX_OPTIONS_DESCRIPTION = {
  version: INDEX_OPTIONS_VERSION,
  tokenizer: TOKENIZER_VERSION,
  processTerm: 'lowercase, drop terms shorter than 2',
  cwes: { idField: 'id', fields: CWE_INDEX_FIELDS, storeFields: [], serialization: COMPACT_INDEX_FORMAT },
  examples: { idField: 'id', fields: EXAMPLE_INDEX_FIELDS, storeFields: [], serialization: COMPACT_INDEX_FORMAT },
};

export const INDEX_OPTIONS_HASH = sha256(stableStringify(INDEX_OPTIONS_DESCRIPTION));
