import type { Node } from 'web-tree-sitter';
import type { Language } from '../code/languages.js';

/** A callee as name segments: `y.load` -> ['y', 'load']; C++ `std::system` stays one segment. */
export type Path = string[];

/** Call node types per language, with the field that holds the callee. */
const CALLS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  python: { call: 'function' },
  javascript: { call_expression: 'function', new_expression: 'constructor' },
  typescript: { call_expression: 'function', new_expression: 'constructor' },
  java: { method_invocation: '', object_creation_expression: 'type' },
  go: { call_expression: 'function' },
  c: { call_expression: 'function' },
  cpp: { call_expression: 'function', new_expression: 'type' },
};

export function isCall(language: Language, node: Node): boolean {
  return node.type in CALLS[language];
}

/** The callee of a call node, or undefined for other nodes. Java's method_invocation is its own callee. */
export function calleeOf(language: Language, node: Node): Node | undefined {
  const field = CALLS[language][node.type];
  if (field === undefined) return undefined;
  if (field === '') return node;
  return node.childForFieldName(field) ?? undefined;
}

/** The name segments of a callee, or of a call's callee. */
export function calleePath(language: Language, node: Node): Path | undefined {
  const callee = calleeOf(language, node) ?? node;
  switch (language) {
    case 'python': return pyPath(callee);
    case 'javascript': case 'typescript': return jsPath(callee);
    case 'java': return javaPath(callee, false);
    case 'go': return goPath(callee);
    case 'c': case 'cpp': return cPath(callee);
  }
}

const join = (a: Path | undefined, b: Node | null): Path | undefined => (a && b ? [...a, b.text] : undefined);

function pyPath(n: Node): Path | undefined {
  switch (n.type) {
    case 'identifier': return [n.text];
    case 'attribute': return join(pyPath(n.childForFieldName('object')!), n.childForFieldName('attribute'));
    // `requests.Session().get`: treat the call's result as an instance named by its callee.
    case 'call': return pyPath(n.childForFieldName('function')!);
    case 'parenthesized_expression': return n.namedChild(0) ? pyPath(n.namedChild(0)!) : undefined;
    default: return undefined;
  }
}

/** `require('node:x')` -> 'x'; undefined for any other node. */
export function requiredModule(n: Node): string | undefined {
  if (n.type !== 'call_expression') return undefined;
  const fn = n.childForFieldName('function');
  const arg = n.childForFieldName('arguments')?.namedChild(0);
  if (fn?.text !== 'require' || !arg || arg.type !== 'string') return undefined;
  return stripNode(arg.text.slice(1, -1));
}

export const stripNode = (m: string): string => (m.startsWith('node:') ? m.slice(5) : m);

function jsPath(n: Node): Path | undefined {
  switch (n.type) {
    case 'identifier': case 'this': case 'property_identifier': return [n.text];
    case 'member_expression': return join(jsPath(n.childForFieldName('object')!), n.childForFieldName('property'));
    case 'call_expression': {
      const mod = requiredModule(n);
      return mod !== undefined ? [mod] : jsPath(n.childForFieldName('function')!);
    }
    case 'new_expression': return jsPath(n.childForFieldName('constructor')!);
    case 'parenthesized_expression': case 'non_null_expression': case 'as_expression':
    case 'satisfies_expression': case 'await_expression':
      return n.namedChild(0) ? jsPath(n.namedChild(0)!) : undefined;
    default: return undefined;
  }
}

const classLike = (p: Path | undefined): boolean => !!p && p.length > 0 && /^[A-Z]/.test(p[p.length - 1]!);

function javaPath(n: Node, asObject: boolean): Path | undefined {
  switch (n.type) {
    case 'identifier': case 'type_identifier': case 'this': return [n.text];
    case 'field_access': return join(javaPath(n.childForFieldName('object')!, true), n.childForFieldName('field'));
    case 'scoped_identifier': case 'scoped_type_identifier': return n.text.replace(/\s+/g, '').split('.');
    case 'generic_type': return n.namedChild(0) ? javaPath(n.namedChild(0)!, asObject) : undefined;
    case 'object_creation_expression': return javaPath(n.childForFieldName('type')!, true);
    case 'method_invocation': {
      const obj = n.childForFieldName('object');
      const objPath = obj ? javaPath(obj, true) : [];
      // `Runtime.getRuntime().exec(...)`: a static factory on a class yields that class's instance.
      if (asObject && obj && classLike(objPath)) return objPath;
      return join(objPath, n.childForFieldName('name'));
    }
    case 'parenthesized_expression': return n.namedChild(0) ? javaPath(n.namedChild(0)!, asObject) : undefined;
    default: return undefined;
  }
}

function goPath(n: Node): Path | undefined {
  switch (n.type) {
    case 'identifier': case 'package_identifier': case 'type_identifier': case 'field_identifier': return [n.text];
    case 'selector_expression': return join(goPath(n.childForFieldName('operand')!), n.childForFieldName('field'));
    case 'qualified_type': return [n.childForFieldName('package')!.text, n.childForFieldName('name')!.text];
    case 'call_expression': return goPath(n.childForFieldName('function')!);
    case 'parenthesized_expression': return n.namedChild(0) ? goPath(n.namedChild(0)!) : undefined;
    default: return undefined;
  }
}

function cPath(n: Node): Path | undefined {
  switch (n.type) {
    case 'identifier': case 'field_identifier': case 'type_identifier': return [n.text];
    case 'qualified_identifier': case 'namespace_identifier': return [n.text.replace(/\s+/g, '')];
    case 'template_function': return n.childForFieldName('name') ? cPath(n.childForFieldName('name')!) : undefined;
    case 'field_expression': return join(cPath(n.childForFieldName('argument')!), n.childForFieldName('field'));
    case 'parenthesized_expression': return n.namedChild(0) ? cPath(n.namedChild(0)!) : undefined;
    default: return undefined;
  }
}
