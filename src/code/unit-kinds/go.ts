import type { Node } from 'web-tree-sitter';
import { anonymousUnit, compactText, same, type CallbackShape, type UnitSpec } from '../unit-spec.js';

const INERT = new Set(['package_clause', 'import_declaration', 'function_declaration', 'method_declaration', 'type_declaration']);

const shape: CallbackShape = {
  argumentsType: 'argument_list',
  stringTypes: new Set(['interpreted_string_literal', 'raw_string_literal']),
  functionTypes: new Set(['func_literal']),
  callee(call) {
    const fn = call.type === 'call_expression' ? call.childForFieldName('function') : null;
    return fn ? compactText(fn) : undefined;
  },
  isCallee: (call, child) => call.type === 'call_expression' && same(call.childForFieldName('function'), child),
};

/** `func (s *Store[T]) Get()` has the receiver type `Store`. */
function receiverType(receiver: Node | null): string | undefined {
  const parameter = receiver?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  let type = parameter?.childForFieldName('type') ?? null;
  while (type && type.type !== 'type_identifier') {
    type =
      type.type === 'pointer_type' || type.type === 'parenthesized_type'
        ? type.namedChild(0)
        : type.type === 'generic_type'
          ? type.childForFieldName('type')
          : null;
  }
  return type?.text;
}

/** The name a func literal is assigned to: `h := func...`, `var h = func...`, `h = func...`. */
function assignedTo(node: Node): { name: string; span: Node } | undefined {
  const list = node.parent;
  if (list?.type !== 'expression_list') return undefined;
  const statement = list.parent;
  if (!statement) return undefined;
  const index = list.namedChildren.findIndex((c) => same(c, node));
  let names: (Node | null)[];
  let span: Node = statement;
  if (statement.type === 'var_spec' || statement.type === 'const_spec') {
    if (!same(statement.childForFieldName('value'), list)) return undefined;
    names = statement.childrenForFieldName('name');
    const declaration = statement.parent;
    if (declaration && declaration.namedChildCount === 1) span = declaration;
  } else if (statement.type === 'short_var_declaration' || statement.type === 'assignment_statement') {
    if (!same(statement.childForFieldName('right'), list)) return undefined;
    names = statement.childForFieldName('left')?.namedChildren ?? [];
  } else {
    return undefined;
  }
  const name = names[index];
  return name ? { name: compactText(name), span } : undefined;
}

export const go: UnitSpec = {
  separator: '.',
  commentTypes: new Set(['comment']),
  unitTypes: new Set(['function_declaration', 'method_declaration', 'func_literal']),
  scopeTypes: new Set(),
  containerTypes: new Set(['source_file']),

  unit(node, context) {
    switch (node.type) {
      case 'function_declaration': {
        const name = node.childForFieldName('name')?.text;
        return name ? { name, kind: 'function', first: node, last: node } : undefined;
      }
      case 'method_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (!name) return undefined;
        const type = receiverType(node.childForFieldName('receiver'));
        return { name: type ? `${type}.${name}` : name, kind: 'method', first: node, last: node };
      }
      default: {
        const site = assignedTo(node);
        if (site) return { name: site.name, kind: 'lambda', first: site.span, last: site.span };
        return anonymousUnit(node, context, shape, 'lambda');
      }
    }
  },

  scope: () => undefined,
  recoveryLine: /^func\s/,

  isInert(node) {
    if (INERT.has(node.type)) return true;
    if (node.type === 'var_declaration' || node.type === 'const_declaration') {
      // `var mu sync.Mutex` declares; `var key = "..."` computes (and may hold a secret).
      return !node.descendantsOfType(['var_spec', 'const_spec']).some((s) => s?.childForFieldName('value'));
    }
    return false;
  },
};
