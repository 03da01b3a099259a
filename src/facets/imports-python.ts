import type { Node } from 'web-tree-sitter';
import type { ImportMapBuilder } from './imports.js';

/**
 * Python: `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`; `from a import b as c` binds `c` to
 * `a.b`; `from a import *` adds a wildcard. Imports anywhere count (function-local imports are common).
 */
/** Every node type pythonImports reads (with their subtrees): see importNodeTypes. */
export const PYTHON_IMPORT_NODES = ['import_statement', 'import_from_statement'];

export function pythonImports(root: Node, map: ImportMapBuilder): void {
  for (const node of root.descendantsOfType(PYTHON_IMPORT_NODES)) {
    if (!node) continue;
    if (node.type === 'import_statement') {
      for (const name of node.childrenForFieldName('name')) {
        if (!name) continue;
        if (name.type === 'aliased_import') {
          const alias = name.childForFieldName('alias')?.text;
          const target = name.childForFieldName('name')?.text;
          if (alias && target) map.bindings.set(alias, target);
        } else {
          const head = name.text.split('.')[0]!;
          map.bindings.set(head, head);
        }
      }
      continue;
    }
    const module = node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
    if (!module) continue;
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      map.wildcards.push(module);
      continue;
    }
    const sep = module.endsWith('.') ? '' : '.'; // `from . import x` -> `.x`
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const alias = name.childForFieldName('alias')?.text;
        const target = name.childForFieldName('name')?.text;
        if (alias && target) map.bindings.set(alias, `${module}${sep}${target}`);
      } else {
        map.bindings.set(name.text, `${module}${sep}${name.text}`);
      }
    }
  }
}
