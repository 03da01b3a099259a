import type { Grammar, Language } from '../code/languages.js';
import { parse } from '../code/parser.js';
import type { KnowledgeBase } from '../kb/load.js';
import { collectApis, type ApiFacet } from './api.js';
import { causeSources, offlineCauseQuery } from './cause.js';
import { codeFacet } from './code.js';
import { languageOfGrammar, resolveImports } from './imports.js';
import { ruleHits, type RuleHit } from './rules.js';

/** Everything retrieval needs to know about one unit: the paper's three facets and the rule facet. */
export interface UnitFacets {
  readonly language: Language;
  readonly apis: ApiFacet;
  /** The cause query: the model's cause paragraph, or the offline query built from the code and description. */
  readonly cause: string;
  /** Where the cause text came from. */
  readonly causeSource: 'llm' | 'offline';
  /** The code facet: the unit's slice (or the unit). */
  readonly code: string;
  /** KB rules that fire in the unit; empty when rules were not run. */
  readonly rules: readonly RuleHit[];
}

export interface FacetInput {
  readonly grammar: Grammar;
  /** The whole file (imports are read from it). */
  readonly source: string;
  /** The unit inside `source`, 1-based inclusive; default the whole file. */
  readonly startLine?: number;
  readonly endLine?: number;
  /** Changed lines of the unit, the slice's points of interest; absent: the whole unit. */
  readonly changedLines?: readonly number[];
  /** Pull-request title and description, or a task description. Untrusted: search terms only. */
  readonly description?: string;
  /** A cause paragraph from the cause-analysis call; replaces the offline cause query. */
  readonly causeText?: string;
  /** Slice the unit for the code facet (default true). */
  readonly slice?: boolean;
  /** Run the KB's rules for the rule facet (needs the KB; default: when `kb` is given). */
  readonly kb?: KnowledgeBase;
}

export async function extractFacets(input: FacetInput): Promise<UnitFacets> {
  const lineCount = input.source.split('\n').length;
  const startLine = Math.max(1, input.startLine ?? 1);
  const endLine = Math.min(lineCount, input.endLine ?? lineCount);
  const range = { startLine, endLine };
  const tree = await parse(input.grammar, input.source);
  let apis: ApiFacet;
  let offline: string;
  let rules: RuleHit[] = [];
  try {
    const imports = resolveImports(input.grammar, tree, input.source);
    apis = collectApis(imports, tree.rootNode, range);
    offline = input.causeText ? '' : offlineCauseQuery({ sources: causeSources(tree.rootNode, range), description: input.description });
    if (input.kb) rules = await ruleHits(input.kb, { grammar: input.grammar, tree, source: input.source, range, imports });
  } finally {
    tree.delete();
  }
  const code =
    input.slice === false
      ? { text: input.source.split('\n').slice(startLine - 1, endLine).join('\n') }
      : await codeFacet({ grammar: input.grammar, source: input.source, startLine, endLine, changedLines: input.changedLines });
  return {
    language: languageOfGrammar(input.grammar),
    apis,
    cause: input.causeText ?? offline,
    causeSource: input.causeText ? 'llm' : 'offline',
    code: code.text,
    rules,
  };
}
