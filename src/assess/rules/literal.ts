import type { Node } from 'web-tree-sitter';
import type { Language } from '../../code/languages.js';

interface LiteralKinds {
  /** Always constant: numbers, booleans, null-likes. */
  readonly leaf: ReadonlySet<string>;
  /** Strings: constant unless they hold one of `interpolation`. */
  readonly string: ReadonlySet<string>;
  readonly interpolation: ReadonlySet<string>;
  /** Constant when every named child is (operators, concatenation, parentheses, collections). */
  readonly compound: ReadonlySet<string>;
  /** Constant when their first named child is (`x as const`, `x!`): later children are types. */
  readonly wrapper: ReadonlySet<string>;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

const JS: LiteralKinds = {
  leaf: set('number', 'true', 'false', 'null', 'undefined'),
  string: set('string', 'template_string'),
  interpolation: set('template_substitution'),
  compound: set('binary_expression', 'unary_expression', 'parenthesized_expression', 'array'),
  wrapper: set('as_expression', 'satisfies_expression', 'non_null_expression'),
};

const C: LiteralKinds = {
  leaf: set('number_literal', 'char_literal', 'true', 'false', 'null', 'nullptr', 'user_defined_literal'),
  string: set('string_literal', 'raw_string_literal', 'system_lib_string'),
  interpolation: set(),
  compound: set('concatenated_string', 'binary_expression', 'unary_expression', 'parenthesized_expression', 'initializer_list'),
  wrapper: set(),
};

const KINDS: Readonly<Record<Language, LiteralKinds>> = {
  python: {
    leaf: set('integer', 'float', 'true', 'false', 'none', 'ellipsis'),
    // f-strings are `string` nodes too; only those with an `{expr}` interpolation are not constant.
    string: set('string'),
    interpolation: set('interpolation'),
    compound: set('concatenated_string', 'binary_operator', 'unary_operator', 'parenthesized_expression', 'list', 'tuple'),
    wrapper: set(),
  },
  javascript: JS,
  typescript: JS,
  java: {
    leaf: set('decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal',
      'decimal_floating_point_literal', 'hex_floating_point_literal', 'true', 'false', 'null_literal', 'character_literal'),
    string: set('string_literal', 'text_block'),
    interpolation: set('string_interpolation', 'template_expression'),
    compound: set('binary_expression', 'unary_expression', 'parenthesized_expression', 'array_initializer'),
    wrapper: set(),
  },
  go: {
    leaf: set('int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'true', 'false', 'nil', 'iota'),
    string: set('interpreted_string_literal', 'raw_string_literal'),
    interpolation: set(),
    compound: set('binary_expression', 'unary_expression', 'parenthesized_expression'),
    wrapper: set(),
  },
  c: C,
  cpp: C,
};

/**
 * True when the node is a compile-time constant: a string without interpolation, a number, a boolean, a
 * null-like, or an operator/concatenation/collection made only of those. `"a" + name` is not constant;
 * `"a" "b"` and `'a' + 'b'` are.
 */
export function isLiteral(language: Language, node: Node): boolean {
  const k = KINDS[language];
  if (k.leaf.has(node.type)) return true;
  if (k.string.has(node.type)) return k.interpolation.size === 0 || node.descendantsOfType([...k.interpolation]).length === 0;
  if (k.wrapper.has(node.type)) return !!node.namedChild(0) && isLiteral(language, node.namedChild(0)!);
  if (k.compound.has(node.type)) {
    const parts = node.namedChildren.filter((c) => c.type !== 'comment');
    return parts.every((c) => isLiteral(language, c) || cStringMacro(language, node, c));
  }
  return false;
}

/** `"%" PRIu64 "\n"`: in C and C++ an upper-case name inside adjacent string literals is a string macro. */
function cStringMacro(language: Language, parent: Node, child: Node): boolean {
  return (language === 'c' || language === 'cpp') && parent.type === 'concatenated_string' &&
    child.type === 'identifier' && /^[A-Z][A-Za-z0-9_]*$/.test(child.text);
}
