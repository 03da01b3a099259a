import type { Node } from 'web-tree-sitter';
import { requiredModule, stripNode } from './imports-callee.js';
import type { ImportMapBuilder } from './imports.js';

/**
 * JavaScript and TypeScript: ESM imports (default, named, namespace), TypeScript `import x = require('m')`,
 * and CommonJS `require` bound to a name, destructured, or with a member (`require('m').y`). A default
 * import stands for the module itself, which is what a CommonJS module's default export is. `node:` is
 * stripped so `node:child_process` and `child_process` are the same module.
 */
/** Every node type jsImports reads (with their subtrees): see importNodeTypes. */
export const JS_IMPORT_NODES = ['import_statement', 'variable_declarator'];

export function jsImports(root: Node, map: ImportMapBuilder): void {
  for (const node of root.descendantsOfType(JS_IMPORT_NODES)) {
    if (node.type === 'import_statement') esmImport(node, map);
    else requireDeclarator(node, map);
  }
}

function esmImport(node: Node, map: ImportMapBuilder): void {
  const src = node.childForFieldName('source');
  const requireClause = node.namedChildren.find((c) => c.type === 'import_require_clause');
  if (requireClause) {
    const name = requireClause.namedChild(0)?.text;
    const from = requireClause.childForFieldName('source');
    if (name && from) map.bindings.set(name, stripNode(from.text.slice(1, -1)));
    return;
  }
  if (!src) return;
  const module = stripNode(src.text.slice(1, -1));
  const clause = node.namedChildren.find((c) => c.type === 'import_clause');
  if (!clause) return;
  for (const part of clause.namedChildren) {
    if (part.type === 'identifier') map.bindings.set(part.text, module);
    else if (part.type === 'namespace_import') {
      const id = part.namedChildren.find((c) => c.type === 'identifier');
      if (id) map.bindings.set(id.text, module);
    } else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        if (spec.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name')?.text.replace(/^['"]|['"]$/g, '');
        const alias = spec.childForFieldName('alias')?.text ?? name;
        if (!name || !alias) continue;
        map.bindings.set(alias, name === 'default' ? module : `${module}.${name}`);
      }
    }
  }
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`, `const e = require('m').exec`. */
function requireDeclarator(node: Node, map: ImportMapBuilder): void {
  const value = node.childForFieldName('value');
  const name = node.childForFieldName('name');
  if (!value || !name) return;
  const target = requiredTarget(value, map);
  if (target === undefined) return;
  if (name.type === 'identifier') {
    map.bindings.set(name.text, target);
    return;
  }
  if (name.type !== 'object_pattern') return;
  for (const p of name.namedChildren) {
    if (p.type === 'shorthand_property_identifier_pattern') map.bindings.set(p.text, `${target}.${p.text}`);
    else if (p.type === 'pair_pattern') {
      const key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
      const local = p.childForFieldName('value');
      if (key && local?.type === 'identifier') map.bindings.set(local.text, `${target}.${key}`);
    }
  }
}

/**
 * What a declarator's value stands for when it is a module or a member of one: `require('m')`,
 * `require('m').a.b`, or a member of an already-bound name (`const { exec } = cp`).
 */
function requiredTarget(value: Node, map: ImportMapBuilder): string | undefined {
  const mod = requiredModule(value);
  if (mod !== undefined) return mod;
  if (value.type === 'member_expression') {
    const obj = requiredTarget(value.childForFieldName('object')!, map);
    const prop = value.childForFieldName('property')?.text;
    return obj !== undefined && prop ? `${obj}.${prop}` : undefined;
  }
  if (value.type === 'identifier') return map.bindings.get(value.text);
  return undefined;
}
