import type { Node } from 'web-tree-sitter';
import type { UnitKind } from '../unit.js';
import {
  anonymousUnit,
  compactText,
  keyName,
  same,
  type CallbackShape,
  type UnitCandidate,
  type UnitSpec,
} from '../unit-spec.js';

/** JavaScript, TypeScript, JSX and TSX: the TypeScript grammars extend the JavaScript one. */

const FUNCTION_EXPRESSIONS = new Set(['function_expression', 'generator_function', 'arrow_function']);

const INERT = new Set([
  'import_statement',
  'function_declaration',
  'generator_function_declaration',
  'function_signature',
  'class_declaration',
  'abstract_class_declaration',
  'interface_declaration',
  'type_alias_declaration',
  'enum_declaration',
  'ambient_declaration',
  'method_definition',
  'method_signature',
  'abstract_method_signature',
  'index_signature',
  'decorator',
  'empty_statement',
]);

const shape: CallbackShape = {
  argumentsType: 'arguments',
  stringTypes: new Set(['string', 'template_string']),
  functionTypes: FUNCTION_EXPRESSIONS,
  callee(call) {
    if (call.type === 'call_expression') {
      const fn = call.childForFieldName('function');
      return fn ? compactText(fn) : undefined;
    }
    if (call.type === 'new_expression') {
      const ctor = call.childForFieldName('constructor');
      return ctor ? `new ${compactText(ctor)}` : undefined;
    }
    return undefined;
  },
  isCallee: (call, child) => call.type === 'call_expression' && same(call.childForFieldName('function'), child),
  nameOfCall: (call) => namedBySite(call, call.parent)?.name,
};

/** `export function f` and `export const f = ...` include the `export` (and a decorator before it). */
function withExport(node: Node): Node {
  return node.parent?.type === 'export_statement' ? node.parent : node;
}

/** TypeScript puts a method's decorators before it in the class body, as siblings. */
function firstDecorator(node: Node): Node {
  let first = node;
  for (let prev = node.previousNamedSibling; prev?.type === 'decorator'; prev = prev.previousNamedSibling) first = prev;
  return first;
}

function assignedName(left: Node): string | undefined {
  if (left.type === 'identifier') return left.text;
  if (left.type === 'member_expression' || left.type === 'subscript_expression') {
    return compactText(left).replace(/^this\./, '');
  }
  return undefined;
}

/** The name a function expression gets from where it is written, and the span that names it. */
function namedBySite(node: Node, parent: Node | null): { name: string; span: Node; field?: boolean } | undefined {
  if (!parent) return undefined;
  switch (parent.type) {
    case 'variable_declarator': {
      if (!same(parent.childForFieldName('value'), node)) return undefined;
      const id = parent.childForFieldName('name');
      if (id?.type !== 'identifier') return undefined;
      const declaration = parent.parent;
      const span = declaration && declaration.namedChildren.filter((c) => c?.type === 'variable_declarator').length === 1
        ? withExport(declaration)
        : parent;
      return { name: id.text, span };
    }
    case 'assignment_expression': {
      if (!same(parent.childForFieldName('right'), node)) return undefined;
      const left = parent.childForFieldName('left');
      const name = left && assignedName(left);
      if (!name) return undefined;
      const statement = parent.parent?.type === 'expression_statement' ? parent.parent : parent;
      return { name, span: statement };
    }
    case 'pair': {
      const key = parent.childForFieldName('key');
      if (!key || !same(parent.childForFieldName('value'), node)) return undefined;
      return { name: keyName(key), span: parent };
    }
    case 'field_definition':
    case 'public_field_definition': {
      const key = parent.childForFieldName('property') ?? parent.childForFieldName('name');
      if (!key) return undefined;
      return { name: keyName(key), span: parent, field: true };
    }
    case 'export_statement':
      return { name: 'default', span: parent };
    default:
      return undefined;
  }
}

export const javascript: UnitSpec = {
  separator: '.',
  commentTypes: new Set(['comment', 'html_comment']),
  unitTypes: new Set([
    'function_declaration',
    'generator_function_declaration',
    'method_definition',
    ...FUNCTION_EXPRESSIONS,
  ]),
  scopeTypes: new Set(['class_declaration', 'class', 'abstract_class_declaration', 'object', 'internal_module', 'module']),
  containerTypes: new Set(['program']),
  recoveryLine: /^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function|class)\b/,
  scopeBodiesAreContainers: true, // class bodies and namespace blocks; object literals have no body field

  unit(node, context): UnitCandidate | undefined {
    switch (node.type) {
      case 'function_declaration':
      case 'generator_function_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (!name) return undefined;
        const span = withExport(node);
        return { name, kind: 'function', first: span, last: span };
      }
      case 'method_definition': {
        const key = node.childForFieldName('name');
        if (!key) return undefined;
        const name = keyName(key);
        const kind: UnitKind = name === 'constructor' && node.parent?.type === 'class_body' ? 'constructor' : 'method';
        return { name, kind, first: firstDecorator(node), last: node };
      }
      default: {
        const kind: UnitKind = node.type === 'arrow_function' ? 'lambda' : 'function';
        const site = namedBySite(node, node.parent);
        if (site) return { name: site.name, kind: site.field ? 'method' : kind, first: site.span, last: site.span };
        const ownName = node.childForFieldName('name')?.text;
        return anonymousUnit(node, context, shape, kind, ownName);
      }
    }
  },

  scope(node) {
    if (node.type === 'internal_module' || node.type === 'module') {
      const name = node.childForFieldName('name');
      return { name: name ? keyName(name) : undefined, kind: 'namespace' };
    }
    const own = node.type === 'object' ? undefined : node.childForFieldName('name')?.text;
    if (own) return { name: own, kind: 'class' };
    // Anonymous classes and object literals take the name they are given: `const api = { get() {} }`.
    const site = namedBySite(node, node.parent);
    if (node.type === 'object') return site ? { name: site.name, kind: 'object' } : undefined;
    return { name: site?.name, kind: 'class' };
  },

  isInert,
};

function isRequire(node: Node): boolean {
  const call = node.type === 'await_expression' ? node.namedChild(0) : node;
  if (call?.type !== 'call_expression') return false;
  const callee = call.childForFieldName('function');
  return (callee?.type === 'identifier' && callee.text === 'require') || callee?.type === 'import';
}

/** `{ a, b, f() {...}, g: () => ... }`: a table of functions, like a class; its own lines hold no behaviour. */
function isDeclarativeObject(node: Node): boolean {
  return (
    node.type === 'object' &&
    node.namedChildren.every(
      (member) =>
        !member ||
        member.type === 'comment' ||
        member.type === 'shorthand_property_identifier' ||
        member.type === 'method_definition' ||
        (member.type === 'pair' && isFunctionOrTable(member.childForFieldName('value'))),
    )
  );
}

function isFunctionOrTable(value: Node | null): boolean {
  return !!value && (FUNCTION_EXPRESSIONS.has(value.type) || isDeclarativeObject(value));
}

/** `module.exports = { a, b }`, `module.exports = router`, `exports.handler = handler`. */
function isExportList(assignment: Node): boolean {
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (!left || !right || !/^(module\.)?exports(\.|$)/.test(compactText(left))) return false;
  return right.type === 'identifier' || isDeclarativeObject(right);
}

function isInert(node: Node): boolean {
  if (INERT.has(node.type)) return true;
  switch (node.type) {
    case 'export_statement': {
      const declaration = node.childForFieldName('declaration');
      if (declaration) return isInert(declaration);
      return !node.childForFieldName('value'); // `export { a }`, `export * from`
    }
    case 'field_definition':
    case 'public_field_definition':
      return !node.childForFieldName('value');
    case 'lexical_declaration':
    case 'variable_declaration':
      // Without values, or CommonJS imports (`const fs = require('fs')`).
      return node.namedChildren.every((d) => {
        if (d?.type !== 'variable_declarator') return true;
        const value = d.childForFieldName('value');
        return !value || isRequire(value) || isDeclarativeObject(value);
      });
    case 'expression_statement': {
      const only = node.namedChildCount === 1 ? node.namedChild(0) : null;
      if (only?.type === 'string' || only?.type === 'internal_module') return true; // 'use strict'; namespace N {}
      return only?.type === 'assignment_expression' && isExportList(only);
    }
    default:
      return false;
  }
}
