import type { Node } from 'web-tree-sitter';
import { anonymousUnit, compactText, same, type CallbackShape, type UnitSpec } from '../unit-spec.js';

const TYPE_DECLARATIONS = [
  'class_declaration',
  'interface_declaration',
  'enum_declaration',
  'record_declaration',
  'annotation_type_declaration',
];

const INERT = new Set([
  ...TYPE_DECLARATIONS,
  'package_declaration',
  'import_declaration',
  'module_declaration',
  'method_declaration',
  'constructor_declaration',
  'compact_constructor_declaration',
  'annotation_type_element_declaration',
  'enum_constant',
]);

const CONTAINERS = new Set([
  'program',
  'class_body',
  'interface_body',
  'enum_body',
  'enum_body_declarations',
  'annotation_type_body',
]);

const shape: CallbackShape = {
  argumentsType: 'argument_list',
  stringTypes: new Set(['string_literal']),
  functionTypes: new Set(['lambda_expression']),
  callee(call) {
    if (call.type === 'method_invocation') {
      const name = call.childForFieldName('name')?.text;
      const object = call.childForFieldName('object');
      return name && (object ? `${compactText(object)}.${name}` : name);
    }
    if (call.type === 'object_creation_expression') {
      const type = call.childForFieldName('type');
      return type ? `new ${compactText(type)}` : undefined;
    }
    return undefined;
  },
  isCallee: () => false,
};

/** `Foo<Bar>` is `Foo`. */
function typeName(type: Node | null): string {
  if (!type) return '';
  return compactText(type).replace(/<.*>$/s, '');
}

/** The variable a lambda is assigned to (`Runnable r = () -> ...`, `this.onClose = () -> ...`) and its span. */
function assignedTo(node: Node): { name: string; span: Node } | undefined {
  const parent = node.parent;
  if (parent?.type === 'variable_declarator' && same(parent.childForFieldName('value'), node)) {
    const name = parent.childForFieldName('name')?.text;
    if (!name) return undefined;
    const declaration = parent.parent;
    const single =
      declaration && declaration.namedChildren.filter((c) => c?.type === 'variable_declarator').length === 1;
    return { name, span: single ? declaration : parent };
  }
  if (parent?.type === 'assignment_expression' && same(parent.childForFieldName('right'), node)) {
    const left = parent.childForFieldName('left');
    if (!left) return undefined;
    const statement = parent.parent?.type === 'expression_statement' ? parent.parent : parent;
    return { name: compactText(left).replace(/^this\./, ''), span: statement };
  }
  return undefined;
}

export const java: UnitSpec = {
  separator: '.',
  commentTypes: new Set(['line_comment', 'block_comment', 'comment']),
  unitTypes: new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'lambda_expression']),
  scopeTypes: new Set([...TYPE_DECLARATIONS, 'class_body']),
  containerTypes: CONTAINERS,

  unit(node, context) {
    switch (node.type) {
      case 'method_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (!name || !node.childForFieldName('body')) return undefined; // abstract and interface methods
        return { name, kind: 'method', first: node, last: node };
      }
      case 'constructor_declaration':
      case 'compact_constructor_declaration': {
        const name = node.childForFieldName('name')?.text ?? context.nearestName ?? '<init>';
        return { name, kind: 'constructor', first: node, last: node };
      }
      default: {
        const site = assignedTo(node);
        if (site) return { name: site.name, kind: 'lambda', first: site.span, last: site.span };
        return anonymousUnit(node, context, shape, 'lambda');
      }
    }
  },

  scope(node) {
    if (node.type === 'class_body') {
      // Only the body of an anonymous class is a scope of its own: `new Runnable() { ... }`.
      const parent = node.parent;
      if (parent?.type !== 'object_creation_expression') return undefined;
      return { name: `<anonymous ${typeName(parent.childForFieldName('type'))}>`, kind: 'class' };
    }
    return { name: node.childForFieldName('name')?.text, kind: 'class' };
  },

  isInert(node) {
    if (INERT.has(node.type)) return true;
    if (node.type === 'field_declaration' || node.type === 'constant_declaration') {
      return !node.namedChildren.some((d) => d?.type === 'variable_declarator' && d.childForFieldName('value'));
    }
    return node.type === ';';
  },
};
