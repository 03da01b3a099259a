import { Query, type Language as TsLanguage, type Parser } from 'web-tree-sitter';
import { getParser, loadLanguage } from '../../code/parser.js';
import type { Grammar } from '../../code/languages.js';
import type { RuleSource } from '../../kb/source-schema.js';
import type { CompiledRule } from './types.js';
import { attachTopLevelPredicates } from './query-text.js';

/** Compiled queries by rule id, grammar and query text (the text too, so an edited rule never hits a stale entry). */
const queryCache = new Map<string, Query>();

export const TEMPLATE_REF = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** The grammars a rule runs on: TypeScript rules also run on TSX. */
export function grammarsOf(rule: RuleSource): Grammar[] {
  return rule.language === 'typescript' ? ['typescript', 'tsx'] : [rule.language];
}

/**
 * Compiles a rule, failing with an error that names the rule and says what to fix: a query that does not
 * compile (with the offset and the line:column in the query), a capture that `report`, `where` or `fix`
 * names but the query lacks, a regex that does not compile, an `inside` node type the grammar lacks.
 */
export async function compileRule(rule: RuleSource): Promise<CompiledRule> {
  const loaded = new Map<Grammar, LoadedGrammar>();
  for (const grammar of grammarsOf(rule)) loaded.set(grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) });
  return compileLoaded(rule, loaded);
}

/** A grammar ready for use: compiling a query for it is synchronous. */
export interface LoadedGrammar {
  readonly language: TsLanguage;
  readonly parser: Parser;
}

/**
 * compileRule for grammars already loaded, synchronously, for the grammars given (in order; the first one
 * checks the node types of `where`). The rule book compiles a rule for one grammar when a file first needs it.
 */
export function compileLoaded(rule: RuleSource, loaded: ReadonlyMap<Grammar, LoadedGrammar>): CompiledRule {
  const queries = new Map<Grammar, Query>();
  const parsers = new Map<Grammar, Parser>();
  for (const [grammar, { language, parser }] of loaded) {
    queries.set(grammar, compileQuery(rule, grammar, language));
    parsers.set(grammar, parser);
  }
  const first = queries.values().next().value!;
  const names = new Set(first.captureNames);
  const need = (name: string, where: string): void => {
    if (!names.has(name)) {
      const known = [...names].map((n) => `@${n}`).join(', ') || 'none';
      throw new Error(`rule ${rule.id}: ${where} names capture @${name}, which the query does not define (it defines ${known})`);
    }
  };
  need(rule.report, 'report');
  const regexes = new Map<string, RegExp>();
  const regex = (source: string, where: string): void => {
    try {
      regexes.set(source, new RegExp(source));
    } catch (e) {
      throw new Error(`rule ${rule.id}: ${where} is not a valid regular expression: ${(e as Error).message}`);
    }
  };
  const language = loaded.values().next().value!.language;
  for (const c of rule.where) {
    if ('capture' in c) need(c.capture, 'where');
    if ('unitLacks' in c) regex(c.unitLacks, 'unitLacks');
    if ('value' in c && c.value !== undefined) regex(c.value, `hasArgument ${c.hasArgument} value`);
    const types = 'inside' in c ? c.inside : 'notInside' in c ? c.notInside : [];
    for (const t of types) {
      if (language.idForNodeType(t, true) === null) throw new Error(`rule ${rule.id}: where names node type ${t}, which the ${rule.language} grammar does not have`);
    }
  }
  for (const edit of rule.fix?.edits ?? []) {
    need(edit.capture, 'fix');
    if ('replace' in edit) for (const m of edit.replace.matchAll(TEMPLATE_REF)) need(m[1]!, 'fix template');
  }
  return { id: rule.id, language: rule.language, rule, queries, parsers, regexes };
}

function compileQuery(rule: RuleSource, grammar: Grammar, language: TsLanguage): Query {
  const key = `${rule.id}\0${grammar}\0${rule.query}`;
  const cached = queryCache.get(key);
  if (cached) return cached;
  let query: Query;
  try {
    query = new Query(language, attachTopLevelPredicates(rule.query));
  } catch (e) {
    const offset = (e as { index?: unknown }).index;
    const where = typeof offset === 'number' ? ` at offset ${offset} (${lineColumn(rule.query, offset)})` : '';
    throw new Error(`rule ${rule.id}: query does not compile for the ${grammar} grammar${where}: ${(e as Error).message}`);
  }
  queryCache.set(key, query);
  return query;
}

/** 1-based line:column of a string offset, so authors find the spot in a multi-line YAML query. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
