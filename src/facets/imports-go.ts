import type { Node } from 'web-tree-sitter';
import type { ImportMapBuilder } from './imports.js';

/**
 * Go: an import binds its package name (an alias, or the package name guessed from the path) to the import
 * path, so `exec.Command` reads `os/exec.Command`. Dot imports are wildcards; blank imports bind nothing.
 * Declared types of parameters and `var`s are recorded so `db.Query` on `db *sql.DB` reads
 * `database/sql.DB.Query`.
 */
const GO_DECLARATIONS = ['parameter_declaration', 'var_spec', 'field_declaration'];
/** Every node type goImports reads (with their subtrees): see importNodeTypes. */
export const GO_IMPORT_NODES = ['import_spec', ...GO_DECLARATIONS];

export function goImports(root: Node, map: ImportMapBuilder): void {
  for (const spec of root.descendantsOfType('import_spec')) {
    const pathNode = spec.childForFieldName('path');
    if (!pathNode) continue;
    const path = pathNode.text.slice(1, -1);
    const alias = spec.childForFieldName('name');
    if (alias?.type === 'blank_identifier') continue;
    if (alias?.type === 'dot') map.wildcards.push(path);
    else map.bindings.set(alias?.text ?? goPackageName(path), path);
  }
  for (const decl of root.descendantsOfType(GO_DECLARATIONS)) {
    const type = typeName(decl.childForFieldName('type'));
    if (!type) continue;
    for (const name of decl.childrenForFieldName('name')) if (name.type === 'identifier' || name.type === 'field_identifier') map.types.set(name.text, type);
  }
}

/** The conventional package name of an import path: `gopkg.in/yaml.v3` -> yaml, `x/go-sqlite3` -> sqlite3, `y/v2` -> y. */
export function goPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[-.]go$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

function typeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  if (type.type === 'pointer_type') return typeName(type.namedChild(0));
  if (type.type === 'qualified_type' || type.type === 'type_identifier') return type.text;
  return undefined;
}
