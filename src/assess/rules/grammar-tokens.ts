import type { Language } from '../../code/languages.js';

/**
 * What the grammars guarantee about the text of a node, for prefilters (prefilter.ts). Read off each
 * grammar's grammar.json and checked against it by __tests__/perf-scan/grammar-tokens.test.ts (for
 * TypeScript, against both the TypeScript and the TSX grammar); only tokens of MIN_LITERAL characters or
 * more, two-letter keywords few files hold as words (`in`, `of`, `do`: not `if`) and pairs of punctuation
 * characters (`<=`, `->`), and not the ones nearly every file holds (`import`, `function`, `return`, ...).
 *
 * A token counts only where it is never the last token of a grammar production: tree-sitter's error
 * recovery inserts a zero-width MISSING token only where the next token can then complete a production,
 * so a token that always has a required part after it is real text whenever the node exists. A keyword
 * (a token made of word characters) is lexed through the grammar's `word` rule, an identifier, so the
 * character after it is never a letter, digit or `_`.
 *
 * NODE_TOKENS: node type -> tokens that every node of that type contains (`for_statement` holds `for`),
 * separated by `|`; `a/b`: one of `a` and `b` (a JavaScript `for_in_statement` holds `in` or `of`).
 * SAFE_TOKENS: anonymous nodes (`"sizeof"` in a query) that are never the last token of a production nor
 * an alias: a node of that type is that text.
 */
const NODE_TOKENS: Readonly<Record<Language, string>> = {
  python:
    'for_statement:for|in while_statement:while with_statement:with try_statement:try finally_clause:finally ' +
    'assert_statement:assert delete_statement:del global_statement:global nonlocal_statement:nonlocal ' +
    'exec_statement:exec print_statement:print lambda:lambda await:await list_comprehension:for|in ' +
    'dictionary_comprehension:for|in set_comprehension:for|in generator_expression:for|in for_in_clause:for|in ' +
    'conditional_expression:else elif_clause:elif else_clause:else match_statement:match case_clause:case not_operator:not',
  javascript:
    'for_statement:for for_in_statement:for|in/of while_statement:while do_statement:do|while try_statement:try ' +
    'catch_clause:catch finally_clause:finally with_statement:with switch_statement:switch switch_case:case ' +
    'throw_statement:throw else_clause:else new_expression:new await_expression:await class_heritage:extends ' +
    'debugger_statement:debugger spread_element:... rest_pattern:...',
  typescript:
    'for_statement:for for_in_statement:for|in/of while_statement:while do_statement:do|while try_statement:try ' +
    'catch_clause:catch finally_clause:finally with_statement:with switch_statement:switch switch_case:case ' +
    'throw_statement:throw else_clause:else new_expression:new await_expression:await ' +
    'debugger_statement:debugger spread_element:... rest_pattern:... satisfies_expression:satisfies ' +
    'import_require_clause:require implements_clause:implements type_query:typeof index_type_query:keyof',
  java:
    'array_creation_expression:new object_creation_expression:new instanceof_expression:instanceof ' +
    'switch_expression:switch assert_statement:assert do_statement:do|while synchronized_statement:synchronized ' +
    'throw_statement:throw try_statement:try catch_clause:catch finally_clause:finally ' +
    'try_with_resources_statement:try while_statement:while for_statement:for enhanced_for_statement:for ' +
    'yield_statement:yield static_initializer:static spread_parameter:... throws:throws',
  go:
    'defer_statement:defer for_statement:for range_clause:range goto_statement:goto select_statement:select ' +
    'expression_switch_statement:switch type_switch_statement:switch communication_case:case ' +
    'expression_case:case type_case:case default_case:default channel_type:chan map_type:map',
  c:
    'for_statement:for while_statement:while do_statement:do|while switch_statement:switch goto_statement:goto ' +
    'sizeof_expression:sizeof offsetof_expression:offsetof else_clause:else generic_expression:_Generic',
  cpp:
    'for_statement:for while_statement:while do_statement:do|while switch_statement:switch goto_statement:goto ' +
    'sizeof_expression:sizeof offsetof_expression:offsetof else_clause:else generic_expression:_Generic ' +
    'for_range_loop:for new_expression:new delete_expression:delete throw_statement:throw try_statement:try|catch ' +
    'catch_clause:catch template_declaration:template namespace_definition:namespace ' +
    'co_await_expression:co_await static_assert_declaration:static_assert',
};

const SAFE_TOKENS: Readonly<Record<Language, string>> = {
  python: '**= //= <<= >>= assert del elif else finally for global lambda nonlocal try while with ' +
    '!= %= &= ** *= += -= -> // /= := << <= <> == >= >> @= ^= |=',
  javascript: '!== &&= **= ... <<= === >>= >>> >>>= ??= ||= catch delete else extends finally for instanceof new switch throw try typeof void while with ' +
    'in != %= && &= ** *= += -= /= </ << <= == => >= >> ?? ^= |=',
  typescript: '!== &&= **= ... <<= === >>= >>> >>>= ??= ||= catch delete else extends finally for instanceof keyof satisfies switch throw try typeof while with ' +
    'in != %= && &= ** *= += -= /= </ << <= == => >= >> ?: ?? ^= {| |=',
  java: '... <<= >>= >>> >>>= assert catch else finally for instanceof switch throw throws try while ' +
    '!= %= && &= *= += -= -> /= :: << <= == >= >> \\{ ^= |= ||',
  go: '&^= <<= >>= chan defer else for goto map range select switch ' +
    '!= %= && &= &^ *= += -= /= := <- << <= == >= >> ^= |= ||',
  c: '<<= >>= _Alignof _Generic __alignof__ alignof else for offsetof sizeof switch while ' +
    '!= %= && &= *= += -= -> /= :: << <= == >= >> [[ ^= |= ||',
  cpp: '_Alignof _Generic __alignof__ alignof catch co_return co_yield decltype else for offsetof sizeof static_assert switch throw try while ' +
    '"" [[',
};

/** `type:a|b/c` -> type, [[a], [b, c]]. */
function parse(table: string): ReadonlyMap<string, readonly (readonly string[])[]> {
  return new Map(table.split(/\s+/).map((entry) => {
    const [type, tokens] = entry.split(':') as [string, string];
    return [type, tokens.split('|').map((group) => group.split('/'))] as const;
  }));
}

const nodeTokens = new Map<Language, ReadonlyMap<string, readonly (readonly string[])[]>>();
const safeTokens = new Map<Language, ReadonlySet<string>>();

/**
 * What the text of every node of this type contains (none for an unknown type or language): groups of
 * tokens, one of each group at least (most groups are one token).
 */
export function tokensOfNode(language: Language, type: string): readonly (readonly string[])[] {
  let table = nodeTokens.get(language);
  if (!table) nodeTokens.set(language, (table = parse(NODE_TOKENS[language])));
  return table.get(type) ?? [];
}

/** True when an anonymous node of this type in the language's grammar is always its text. */
export function isSafeToken(language: Language, token: string): boolean {
  let set = safeTokens.get(language);
  if (!set) safeTokens.set(language, (set = new Set(SAFE_TOKENS[language].split(/\s+/))));
  return set.has(token);
}

/** For the test that checks these tables against the grammars. */
export const GRAMMAR_TOKEN_TABLES = { NODE_TOKENS, SAFE_TOKENS } as const;
