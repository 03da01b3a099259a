import type { Node } from 'web-tree-sitter';
import type { ImportMapBuilder } from './imports.js';

/** java.lang classes, which every Java file sees without an import. */
export const JAVA_LANG: ReadonlySet<string> = new Set([
  'Runtime', 'ProcessBuilder', 'Process', 'ProcessHandle', 'System', 'Class', 'ClassLoader', 'Thread', 'ThreadLocal',
  'String', 'StringBuilder', 'StringBuffer', 'Math', 'StrictMath', 'Object', 'Integer', 'Long', 'Short', 'Byte',
  'Double', 'Float', 'Boolean', 'Character', 'Number', 'Exception', 'RuntimeException', 'Throwable', 'Error',
  'Enum', 'Record', 'Void', 'SecurityManager', 'Module', 'Package', 'Runnable', 'Iterable', 'Comparable',
  'CharSequence', 'AutoCloseable', 'Cloneable', 'Readable', 'Appendable', 'InheritableThreadLocal',
]);

/**
 * Java: `import a.b.C;` binds C, `import static a.b.C.m;` binds m, wildcard imports (`a.b.*`, `static a.b.C.*`)
 * are wildcards. Declared types of fields, parameters and locals are recorded (scope-insensitive), so
 * `ois.readObject()` on an `ObjectInputStream ois` reads `java.io.ObjectInputStream.readObject`.
 */
const JAVA_DECLARATIONS = ['local_variable_declaration', 'field_declaration', 'formal_parameter', 'catch_formal_parameter', 'resource'];
/** Every node type javaImports reads (with their subtrees): see importNodeTypes. */
export const JAVA_IMPORT_NODES = ['import_declaration', ...JAVA_DECLARATIONS, 'variable_declarator'];

export function javaImports(root: Node, map: ImportMapBuilder): void {
  for (const decl of root.descendantsOfType('import_declaration')) {
    const name = decl.namedChildren.find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
    if (!name) continue;
    const qualified = name.text.replace(/\s+/g, '');
    if (decl.namedChildren.some((c) => c.type === 'asterisk')) map.wildcards.push(qualified);
    else map.bindings.set(qualified.slice(qualified.lastIndexOf('.') + 1), qualified);
  }
  for (const decl of root.descendantsOfType(JAVA_DECLARATIONS)) {
    const type = typeName(decl.childForFieldName('type'));
    if (!type) continue;
    const direct = decl.childForFieldName('name');
    if (direct) map.types.set(direct.text, type);
    for (const d of decl.childrenForFieldName('declarator')) {
      const n = d.childForFieldName('name');
      if (n) map.types.set(n.text, type);
    }
  }
  // `var x = new C(...)`: the type is the constructed class.
  for (const d of root.descendantsOfType('variable_declarator')) {
    const value = d.childForFieldName('value');
    const n = d.childForFieldName('name');
    if (n && value?.type === 'object_creation_expression' && !map.types.has(n.text)) {
      const type = typeName(value.childForFieldName('type'));
      if (type) map.types.set(n.text, type);
    }
  }
}

function typeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  if (type.type === 'generic_type') return typeName(type.namedChild(0));
  if (type.type === 'type_identifier' && type.text === 'var') return undefined; // inferred: see the second pass
  if (type.type === 'type_identifier' || type.type === 'scoped_type_identifier') return type.text.replace(/\s+/g, '');
  return undefined; // primitives, arrays, `var`
}
