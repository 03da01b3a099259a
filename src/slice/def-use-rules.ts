import type { Profile } from './profiles.js';
import { type FlatTree, childByField } from './syntax.js';

/**
 * What each syntax construct means for definitions and uses (def-use.ts walks the tree with these): how
 * the children of assignments, declarations, parameters, loop headers and calls are read or written,
 * which nodes are member and element accesses, which C calls write a buffer argument, where a variable
 * is read whole; and the small tree-shape helpers the walk shares with statements.ts.
 */

/** `declare`: a declaration without an initializer: a new variable, but no value (see Occurrence.kill, def-use.ts). */
export type Mode = 'use' | 'def' | 'defuse' | 'declare' | 'skip';
type ChildMode = Mode | 'inherit';

type Rule = Readonly<Record<string, ChildMode>>;

/** Children of these nodes get modes by field name; `*` is every other child, default `inherit`. */
const RULE_TABLE: Readonly<Record<string, Rule>> = {
  // Assignments (an operator other than `=` / `:=` makes the target read as well; see DefUseAnalyzer.assignmentTargetMode).
  assignment: { left: 'def', right: 'use', type: 'skip' },
  augmented_assignment: { left: 'defuse', right: 'use' },
  named_expression: { name: 'def', value: 'use' },
  assignment_expression: { left: 'def', right: 'use' },
  augmented_assignment_expression: { left: 'defuse', right: 'use' },
  assignment_statement: { left: 'def', right: 'use' },
  short_var_declaration: { left: 'def', right: 'use' },
  update_expression: { '*': 'defuse' },
  inc_statement: { '*': 'defuse' },
  dec_statement: { '*': 'defuse' },
  delete_statement: { '*': 'defuse' },
  // Declarations.
  variable_declarator: { name: 'def', value: 'use', dimensions: 'skip', type: 'skip' },
  init_declarator: { declarator: 'def', value: 'use' },
  declaration: { type: 'skip', declarator: 'def' },
  field_declaration: { type: 'skip', declarator: 'skip' },
  local_variable_declaration: { type: 'skip', '*': 'use' },
  var_spec: { name: 'def', value: 'use', type: 'skip' },
  const_spec: { name: 'def', value: 'use', type: 'skip' },
  pointer_declarator: { declarator: 'inherit' },
  array_declarator: { declarator: 'inherit', size: 'use' },
  reference_declarator: { '*': 'inherit' },
  structured_binding_declarator: { '*': 'inherit' },
  // Parameters.
  parameters: { '*': 'def' },
  formal_parameters: { '*': 'def' },
  parameter_list: { '*': 'def' },
  lambda_parameters: { '*': 'skip' },
  default_parameter: { name: 'def', value: 'use' },
  typed_parameter: { type: 'skip', '*': 'def' },
  typed_default_parameter: { name: 'def', type: 'skip', value: 'use' },
  formal_parameter: { name: 'def', type: 'skip', dimensions: 'skip', '*': 'skip' },
  spread_parameter: { '*': 'def' },
  catch_formal_parameter: { name: 'def', '*': 'skip' },
  parameter_declaration: { declarator: 'def', name: 'def', type: 'skip' },
  optional_parameter_declaration: { declarator: 'def', default_value: 'use', type: 'skip' },
  variadic_parameter_declaration: { name: 'def', type: 'skip' },
  required_parameter: { pattern: 'def', value: 'use', type: 'skip', '*': 'skip' },
  optional_parameter: { pattern: 'def', value: 'use', type: 'skip', '*': 'skip' },
  assignment_pattern: { left: 'inherit', right: 'use' },
  object_assignment_pattern: { left: 'inherit', right: 'use' },
  pair_pattern: { key: 'skip', value: 'inherit' },
  // Loop variables and other bindings in headers.
  for_statement: { left: 'def', right: 'use' },
  for_in_statement: { left: 'def', right: 'use', kind: 'skip' },
  enhanced_for_statement: { name: 'def', value: 'use', type: 'skip', '*': 'skip' },
  for_range_loop: { declarator: 'def', right: 'use', type: 'skip' },
  range_clause: { left: 'def', right: 'use' },
  receive_statement: { left: 'def', right: 'use' },
  type_switch_statement: { alias: 'def', value: 'use' },
  catch_clause: { parameter: 'def', parameters: 'inherit', type: 'skip' },
  as_pattern: { alias: 'def', '*': 'use' },
  resource: { name: 'def', value: 'use', type: 'skip' },
  for_in_clause: { left: 'skip', right: 'use' },
  // Calls, keys and names that are not variables.
  keyword_argument: { name: 'skip', value: 'use' },
  pair: { key: 'skip', value: 'use' },
  method_invocation: { name: 'skip', type_arguments: 'skip' },
  object_creation_expression: { type: 'skip', type_arguments: 'skip' },
  new_expression: { type: 'skip' },
  cast_expression: { type: 'skip', value: 'use' },
  sizeof_expression: { type: 'skip' },
  lambda: { parameters: 'skip', body: 'use' },
  function_declarator: { declarator: 'skip', parameters: 'def' },
  function_definition: { name: 'def', type: 'skip', return_type: 'skip', declarator: 'inherit' },
  function_declaration: { name: 'def', result: 'def', return_type: 'skip', type_parameters: 'skip' },
  method_declaration: { name: 'skip', type: 'skip', receiver: 'def', result: 'def', type_parameters: 'skip' },
  method_definition: { name: 'skip', return_type: 'skip' },
  function_expression: { name: 'skip', return_type: 'skip' },
  func_literal: { result: 'def' },
  class_definition: { name: 'def', body: 'skip' },
  class_declaration: { name: 'def', body: 'skip' },
  labeled_statement: { label: 'skip' },
  goto_statement: { '*': 'skip' },
  // Type syntax.
  type_annotation: { '*': 'skip' },
  type_arguments: { '*': 'skip' },
  type_parameters: { '*': 'skip' },
  template_argument_list: { '*': 'skip' },
  generic_type: { '*': 'skip' },
  qualified_identifier: { '*': 'skip' },
  scoped_identifier: { '*': 'skip' },
  annotation: { '*': 'skip' },
  marker_annotation: { '*': 'skip' },
  modifiers: { '*': 'skip' },
  as_expression: { '*': 'use', type: 'skip' },
};

/** Maps, not objects: field names such as `constructor` must not hit Object.prototype. */
export const RULES: ReadonlyMap<string, ReadonlyMap<string, ChildMode>> = new Map(
  Object.entries(RULE_TABLE).map(([type, rule]) => [type, new Map(Object.entries(rule))]),
);

/** Member access: the object child holds the variable, the property child never does. */
export const MEMBERS: ReadonlyMap<string, { readonly object: string; readonly property: string }> = new Map([
  ['attribute', { object: 'object', property: 'attribute' }],
  ['member_expression', { object: 'object', property: 'property' }],
  ['field_access', { object: 'object', property: 'field' }],
  ['field_expression', { object: 'argument', property: 'field' }],
  ['selector_expression', { object: 'operand', property: 'field' }],
]);

/** Element access: writing an element writes the root; the index is only read. */
export const INDEXES: ReadonlyMap<string, string> = new Map([
  ['subscript', 'value'],
  ['index_expression', 'operand'],
  ['slice_expression', 'operand'],
  ['array_access', 'array'],
]);

export const IDENTIFIERS: ReadonlySet<string> = new Set([
  'identifier',
  'shorthand_property_identifier',
  'shorthand_property_identifier_pattern',
]);
const THIS: ReadonlySet<string> = new Set(['this', 'self']);

/** Functions whose first argument is an output buffer (C/C++): the call writes it. */
export const OUT_FIRST: ReadonlySet<string> = new Set([
  'memcpy',
  'memmove',
  'memset',
  'strcpy',
  'strncpy',
  'strcat',
  'strncat',
  'strlcpy',
  'strlcat',
  'sprintf',
  'snprintf',
  'vsprintf',
  'vsnprintf',
  'fgets',
  'gets',
  'fread',
  'bzero',
  'memcpy_s',
  'strcpy_s',
]);
/** ... and those whose second argument is (`read(fd, buf, n)`). */
export const OUT_SECOND: ReadonlySet<string> = new Set(['read', 'recv', 'recvfrom', 'pread', 'readlink', 'getline']);

/** Assignments whose operator (`=` or `+=`) is a child: a compound operator reads the target too. */
export const ASSIGNMENTS: ReadonlySet<string> = new Set(['assignment_expression', 'assignment_statement']);

export const CALLS: ReadonlySet<string> = new Set(['call', 'call_expression', 'method_invocation']);
/** Parents under which a bare variable is read whole (see Occurrence.whole in def-use.ts). */
export const WHOLE_READS: ReadonlySet<string> = new Set([
  'return_statement',
  'yield_statement',
  'yield',
  'spread_element',
  'list_splat',
  'dictionary_splat',
  'expression_list',
]);
/** Assignments and initializers whose value, when it is a bare variable, copies it. */
export const COPIES: ReadonlySet<string> = new Set([
  'assignment',
  'assignment_expression',
  'init_declarator',
  'variable_declarator',
  'short_var_declaration',
  'assignment_statement',
  'pair',
]);
export const EXPRESSION_STATEMENTS: ReadonlySet<string> = new Set(['expression_statement']);

/** `subscript_expression` names its object `object` (JavaScript) or `argument` (C, C++). */
export function objectOfIndex(t: FlatTree, node: number): number {
  const field = INDEXES.get(t.type[node]!);
  if (field) return childByField(t, node, field);
  const obj = childByField(t, node, 'object');
  return obj !== -1 ? obj : childByField(t, node, 'argument');
}

export function firstNamedChild(t: FlatTree, node: number): number {
  for (let c = t.firstChild[node]!; c !== -1; c = t.nextSibling[c]!) if (t.named[c] && t.type[c] !== 'comment') return c;
  return -1;
}

export function isArgument(t: FlatTree, node: number): boolean {
  const p = t.parent[node]!;
  return p !== -1 && (t.type[p] === 'argument_list' || t.type[p] === 'arguments');
}

/** A lambda whose body is an expression (not a block): it holds no statements. */
export function isExpressionLambda(t: FlatTree, node: number, profile: Profile): boolean {
  const type = t.type[node]!;
  if (type !== 'arrow_function' && type !== 'lambda_expression' && type !== 'lambda') return false;
  const body = childByField(t, node, 'body');
  return body === -1 || !profile.blocks.has(t.type[body]!);
}
