import type { Node, Tree } from 'web-tree-sitter';
import type { Grammar, Language } from '../code/languages.js';
import { calleePath, type Path } from './imports-callee.js';
import { goImports, GO_IMPORT_NODES } from './imports-go.js';
import { javaImports, JAVA_IMPORT_NODES, JAVA_LANG } from './imports-java.js';
import { jsImports, JS_IMPORT_NODES } from './imports-js.js';
import { pythonImports, PYTHON_IMPORT_NODES } from './imports-python.js';

/**
 * What the names of one file stand for, so that a call can be named the way the knowledge base names APIs
 * (`yaml.load`, `child_process.exec`, `java.lang.Runtime.exec`, `os/exec.Command`, `strcpy`).
 * Best effort and scope-insensitive: a name bound anywhere in the file counts everywhere.
 */
export interface ImportMap {
  readonly language: Language;
  /** Local name -> qualified name: `y` -> `yaml`, `run` -> `subprocess.run`, `exec` (Go) -> `os/exec`. */
  readonly bindings: ReadonlyMap<string, string>;
  /** Modules whose members are in scope unqualified: `from m import *`, Java `import p.*`, Go dot imports. */
  readonly wildcards: readonly string[];
  /** Java and Go: variable or field -> its declared type as written (`ObjectInputStream`, `sql.DB`). */
  readonly types: ReadonlyMap<string, string>;
}

/** A mutable ImportMap under construction; the per-language readers fill it. */
export interface ImportMapBuilder {
  readonly bindings: Map<string, string>;
  readonly wildcards: string[];
  readonly types: Map<string, string>;
}

export function languageOfGrammar(grammar: Grammar): Language {
  return grammar === 'tsx' ? 'typescript' : grammar;
}

/** Reads a file's imports (and, for Java and Go, declared variable types) from its syntax tree. */
export function resolveImports(grammar: Grammar, tree: Tree, source: string): ImportMap {
  const language = languageOfGrammar(grammar);
  const map: ImportMapBuilder = { bindings: new Map(), wildcards: [], types: new Map() };
  const root = tree.rootNode;
  switch (language) {
    case 'python': pythonImports(root, map); break;
    case 'javascript': case 'typescript': jsImports(root, map); break;
    case 'java': javaImports(root, map); break;
    case 'go': goImports(root, map); break;
    case 'c': case 'cpp': break; // no imports: names are what the code writes
  }
  void source; // node texts suffice; kept in the signature so a text-based reader can be swapped in
  return { language, bindings: map.bindings, wildcards: map.wildcards, types: map.types };
}

/**
 * The node types `resolveImports` reads for a language (each reader looks only at nodes of these types and
 * inside them): an edit whose old and new text hold no such node, nor sit inside one, leaves the import map
 * as it was.
 */
export function importNodeTypes(language: Language): readonly string[] {
  switch (language) {
    case 'python': return PYTHON_IMPORT_NODES;
    case 'javascript': case 'typescript': return JS_IMPORT_NODES;
    case 'java': return JAVA_IMPORT_NODES;
    case 'go': return GO_IMPORT_NODES;
    case 'c': case 'cpp': return [];
  }
}

/**
 * The qualified name of a callee: a dotted text (`y.load`) or a node (a call uses its callee).
 * C and C++ names come back without `std::` or a leading `::` (`std::system` -> `system`), the way the
 * knowledge base lists them; `qualifiedNames` keeps the qualified form too. Undefined when the callee is not
 * a name (a subscript, a call of a call's result without a name).
 */
export function qualify(map: ImportMap, callee: string | Node): string | undefined {
  return qualifiedNames(map, callee)[0];
}

/** Every name the callee may stand for, best first: qualify's answer, the C++ qualified form, wildcard members. */
export function qualifiedNames(map: ImportMap, callee: string | Node): string[] {
  const path = typeof callee === 'string' ? textPath(map.language, callee) : calleePath(map.language, callee);
  if (!path || path.length === 0) return [];
  if (map.language === 'c' || map.language === 'cpp') return cNames(path);
  const out: string[] = [];
  const push = (n: string | undefined): void => { if (n && !out.includes(n)) out.push(n); };
  push(qualifyPath(map, path));
  if (!isBound(map, path[0]!)) for (const w of map.wildcards) push(`${w}.${path.join('.')}`);
  return out;
}

/** True when `name` (as qualified) matches a rule's name: exact, or any member for a `prefix.*` name. */
export function nameMatches(qualified: string, name: string): boolean {
  // `node:x` is `x`; a C++ rule naming `std::system` also matches `system` under `using namespace std`.
  const n = name.replace(/^node:/, '').replace(/^::/, '').replace(/^std::(?=[A-Za-z_]\w*$)/, '');
  if (n.endsWith('.*')) return qualified.startsWith(n.slice(0, -1));
  return qualified === n;
}

function textPath(language: Language, text: string): Path | undefined {
  const t = text.replace(/\s+/g, '').replace(/\?\./g, '.');
  if (t === '') return undefined;
  if (language === 'c' || language === 'cpp') return t.split(/\.|->/);
  return t.split('.');
}

function cNames(path: Path): string[] {
  const full = path.join('.').replace(/^::/, '');
  const plain = full.replace(/^std::/, '');
  return plain === full ? [full] : [plain, full];
}

function isBound(map: ImportMap, head: string): boolean {
  return map.bindings.has(head) || map.types.has(head);
}

function qualifyPath(map: ImportMap, path: Path): string {
  let [head, ...rest] = path as [string, ...string[]];
  if (map.language === 'java' && head === 'this' && rest.length > 0) [head, ...rest] = rest as [string, ...string[]];
  const typed = map.types.get(head);
  if (typed !== undefined) return [qualifyType(map, typed), ...rest].join('.');
  const bound = map.bindings.get(head);
  if (bound !== undefined) return [bound, ...rest].join('.');
  if (map.language === 'java' && JAVA_LANG.has(head)) return ['java.lang', head, ...rest].join('.');
  return [head, ...rest].join('.');
}

/** A declared type (`ObjectInputStream`, `sql.DB`, `java.io.File`) as a qualified name. */
function qualifyType(map: ImportMap, type: string): string {
  const [head, ...rest] = type.split('.') as [string, ...string[]];
  const bound = map.bindings.get(head);
  if (bound !== undefined) return [bound, ...rest].join('.');
  if (map.language === 'java' && JAVA_LANG.has(head)) return `java.lang.${type}`;
  return type;
}
