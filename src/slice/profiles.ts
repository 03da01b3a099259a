import type { Grammar } from '../code/languages.js';

/**
 * What the slicer needs to know about one grammar: which nodes are statements, which of those are
 * control structures, how identifiers are written and read. Node type names come from the grammars'
 * node-types.json; a type a grammar does not have is simply never seen.
 */
export interface Profile {
  /** Leaf statements: one PDG node each. */
  readonly simple: ReadonlySet<string>;
  /** Statements with a header and nested statements: a PDG node for the header, control parent of the body. */
  readonly compound: ReadonlySet<string>;
  /** Function-like nodes; a statement node when their body is a block (`body` field of a block type). */
  readonly functions: ReadonlySet<string>;
  /** Block types: transparent containers. A block directly inside a block is a (non-control) compound. */
  readonly blocks: ReadonlySet<string>;
  readonly loops: ReadonlySet<string>;
  /** Targets of a plain `break` besides loops. */
  readonly switches: ReadonlySet<string>;
  /** Multi-way branches whose cases never fall through into the next (Go's switches, Python's match). */
  readonly exclusiveCases: ReadonlySet<string>;
  /** Statements that leave the enclosing function or block. */
  readonly returns: ReadonlySet<string>;
  readonly jumps: ReadonlySet<string>;
  readonly comments: ReadonlySet<string>;
  /** The first line of an elided run is replaced by `<indent><marker>`. */
  readonly marker: string;
  /** Identifier spellings that name the receiver object (`this.x` is tracked as its own variable). */
  readonly selfNames: ReadonlySet<string>;
  /**
   * A declaration without an initializer gives the variable no value (C: indeterminate), so no use
   * depends on it; it still ends the definitions before it. Not for C++ (constructors run), Go (zero
   * values), JavaScript (`undefined`).
   */
  readonly declarationsWithoutValue?: boolean;
}

/** Fields of a compound statement that belong to its header: statements found there merge into the header. */
export const HEADER_FIELDS: ReadonlySet<string> = new Set([
  'initializer',
  'init',
  'condition',
  'update',
  'increment',
  'left',
  'right',
  'value',
  'resources',
  'declarator',
  'communication',
  'alias',
  'subject',
]);

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

const COMMON_COMMENTS = set('comment', 'line_comment', 'block_comment');

const PYTHON: Profile = {
  simple: set(
    'expression_statement',
    'return_statement',
    'pass_statement',
    'break_statement',
    'continue_statement',
    'raise_statement',
    'assert_statement',
    'delete_statement',
    'global_statement',
    'nonlocal_statement',
    'import_statement',
    'import_from_statement',
    'future_import_statement',
    'print_statement',
    'exec_statement',
    'type_alias_statement',
  ),
  compound: set(
    'if_statement',
    'elif_clause',
    'for_statement',
    'while_statement',
    'try_statement',
    'except_clause',
    'except_group_clause',
    'with_statement',
    'match_statement',
    'case_clause',
    'class_definition',
  ),
  functions: set('function_definition'),
  blocks: set('block'),
  loops: set('for_statement', 'while_statement'),
  switches: set(),
  exclusiveCases: set('match_statement'),
  returns: set('return_statement', 'raise_statement'),
  jumps: set('break_statement', 'continue_statement'),
  comments: COMMON_COMMENTS,
  marker: '# ...',
  selfNames: set('self', 'cls'),
};

const JS_SIMPLE = [
  'expression_statement',
  'lexical_declaration',
  'variable_declaration',
  'using_declaration',
  'return_statement',
  'throw_statement',
  'break_statement',
  'continue_statement',
  'debugger_statement',
  'empty_statement',
  'import_statement',
  'export_statement',
  'type_alias_declaration',
  'enum_declaration',
  'interface_declaration',
  'ambient_declaration',
  'import_alias',
];
const JS_COMPOUND = [
  'if_statement',
  'for_statement',
  'for_in_statement',
  'while_statement',
  'do_statement',
  'try_statement',
  'catch_clause',
  'finally_clause',
  'switch_statement',
  'switch_case',
  'switch_default',
  'with_statement',
  'labeled_statement',
  'class_declaration',
  'abstract_class_declaration',
];
const JS_FUNCTIONS = [
  'function_declaration',
  'function_expression',
  'function',
  'generator_function_declaration',
  'generator_function',
  'arrow_function',
  'method_definition',
];

const JAVASCRIPT: Profile = {
  simple: set(...JS_SIMPLE),
  compound: set(...JS_COMPOUND),
  functions: set(...JS_FUNCTIONS),
  blocks: set('statement_block', 'class_body'),
  loops: set('for_statement', 'for_in_statement', 'while_statement', 'do_statement'),
  switches: set('switch_statement'),
  exclusiveCases: set(),
  returns: set('return_statement', 'throw_statement'),
  jumps: set('break_statement', 'continue_statement'),
  comments: COMMON_COMMENTS,
  marker: '// ...',
  selfNames: set(),
};

const JAVA: Profile = {
  simple: set(
    'expression_statement',
    'local_variable_declaration',
    'return_statement',
    'throw_statement',
    'break_statement',
    'continue_statement',
    'yield_statement',
    'assert_statement',
    'explicit_constructor_invocation',
  ),
  compound: set(
    'if_statement',
    'for_statement',
    'enhanced_for_statement',
    'while_statement',
    'do_statement',
    'try_statement',
    'try_with_resources_statement',
    'catch_clause',
    'finally_clause',
    'switch_expression',
    'switch_statement',
    'switch_block_statement_group',
    'switch_rule',
    'synchronized_statement',
    'labeled_statement',
    'class_declaration',
    'local_class_declaration',
  ),
  functions: set('method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'lambda_expression'),
  blocks: set('block', 'constructor_body', 'class_body'),
  loops: set('for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement'),
  switches: set('switch_expression', 'switch_statement'),
  exclusiveCases: set(),
  returns: set('return_statement', 'throw_statement', 'yield_statement'),
  jumps: set('break_statement', 'continue_statement'),
  comments: COMMON_COMMENTS,
  marker: '// ...',
  selfNames: set(),
};

const GO: Profile = {
  simple: set(
    'expression_statement',
    'assignment_statement',
    'short_var_declaration',
    'inc_statement',
    'dec_statement',
    'send_statement',
    'return_statement',
    'go_statement',
    'defer_statement',
    'break_statement',
    'continue_statement',
    'goto_statement',
    'fallthrough_statement',
    'var_declaration',
    'const_declaration',
    'type_declaration',
    'empty_statement',
  ),
  compound: set(
    'if_statement',
    'for_statement',
    'expression_switch_statement',
    'type_switch_statement',
    'select_statement',
    'expression_case',
    'type_case',
    'default_case',
    'communication_case',
    'labeled_statement',
  ),
  functions: set('function_declaration', 'method_declaration', 'func_literal'),
  blocks: set('block'),
  loops: set('for_statement'),
  switches: set('expression_switch_statement', 'type_switch_statement', 'select_statement'),
  exclusiveCases: set('expression_switch_statement', 'type_switch_statement', 'select_statement'),
  returns: set('return_statement', 'goto_statement'),
  jumps: set('break_statement', 'continue_statement'),
  comments: COMMON_COMMENTS,
  marker: '// ...',
  selfNames: set(),
};

const C_SIMPLE = [
  'expression_statement',
  'declaration',
  'return_statement',
  'break_statement',
  'continue_statement',
  'goto_statement',
  'type_definition',
  'preproc_def',
  'preproc_function_def',
  'preproc_call',
  'preproc_include',
  'seh_leave_statement',
];
const C_COMPOUND = [
  'if_statement',
  'for_statement',
  'while_statement',
  'do_statement',
  'switch_statement',
  'case_statement',
  'labeled_statement',
  'attributed_statement',
  'preproc_if',
  'preproc_ifdef',
  'preproc_elif',
  'preproc_elifdef',
  'preproc_else',
  'seh_try_statement',
  'seh_except_clause',
  'seh_finally_clause',
];

const C: Profile = {
  simple: set(...C_SIMPLE),
  compound: set(...C_COMPOUND),
  functions: set('function_definition'),
  blocks: set('compound_statement'),
  loops: set('for_statement', 'while_statement', 'do_statement'),
  switches: set('switch_statement'),
  exclusiveCases: set(),
  returns: set('return_statement', 'goto_statement'),
  jumps: set('break_statement', 'continue_statement'),
  comments: COMMON_COMMENTS,
  marker: '// ...',
  selfNames: set(),
  declarationsWithoutValue: true,
};

const CPP: Profile = {
  ...C,
  declarationsWithoutValue: false,
  simple: set(...C_SIMPLE, 'throw_statement', 'co_return_statement', 'co_yield_statement', 'alias_declaration', 'using_declaration', 'static_assert_declaration'),
  compound: set(...C_COMPOUND, 'for_range_loop', 'try_statement', 'catch_clause'),
  functions: set('function_definition', 'lambda_expression'),
  loops: set('for_statement', 'while_statement', 'do_statement', 'for_range_loop'),
  returns: set('return_statement', 'goto_statement', 'throw_statement', 'co_return_statement'),
};

const PROFILES: Readonly<Record<Grammar, Profile>> = {
  python: PYTHON,
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
  tsx: JAVASCRIPT,
  java: JAVA,
  go: GO,
  c: C,
  cpp: CPP,
};

export function profileOf(grammar: Grammar): Profile {
  return PROFILES[grammar];
}
