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
  return checkedRule(rule, loaded.values().next().value!.language, new Set(first.captureNames), queries, parsers);
}

/**
 * compileLoaded for one grammar when a combined query holding the rule's patterns has compiled: `captures`
 * are the capture names of those patterns (what the rule's own query would define), and the rule's own
 * query is compiled only if something asks for it. Throws what compileLoaded throws for the checks that
 * do not need the query; the caller makes sure the rule's own query would compile (see rule-runner.ts).
 */
export function checkedWithoutQuery(rule: RuleSource, grammar: Grammar, loaded: LoadedGrammar, captures: ReadonlySet<string>): CompiledRule {
  return checkedRule(rule, loaded.language, captures, new LazyQueries(rule, grammar, loaded.language), new Map([[grammar, loaded.parser]]));
}

/** The checks of compileLoaded that come after the query: captures, regexes, node types. */
function checkedRule(
  rule: RuleSource,
  language: TsLanguage,
  names: ReadonlySet<string>,
  queries: ReadonlyMap<Grammar, Query>,
  parsers: ReadonlyMap<Grammar, Parser>,
): CompiledRule {
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

/** A rule's queries when its own query is compiled on first use: one grammar, like the runner's rules. */
class LazyQueries implements ReadonlyMap<Grammar, Query> {
  private query: Query | undefined;
  constructor(
    private readonly rule: RuleSource,
    private readonly grammar: Grammar,
    private readonly language: TsLanguage,
  ) {}

  get size(): number {
    return 1;
  }

  has(grammar: Grammar): boolean {
    return grammar === this.grammar;
  }

  get(grammar: Grammar): Query | undefined {
    return grammar === this.grammar ? (this.query ??= compileQuery(this.rule, this.grammar, this.language)) : undefined;
  }

  *entries(): MapIterator<[Grammar, Query]> {
    yield [this.grammar, this.get(this.grammar)!];
  }

  *keys(): MapIterator<Grammar> {
    yield this.grammar;
  }

  *values(): MapIterator<Query> {
    yield this.get(this.grammar)!;
  }

  [Symbol.iterator](): MapIterator<[Grammar, Query]> {
    return this.entries();
  }

  forEach(fn: (value: Query, key: Grammar, map: ReadonlyMap<Grammar, Query>) => void, thisArg?: unknown): void {
    fn.call(thisArg, this.get(this.grammar)!, this.grammar, this);
  }
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
