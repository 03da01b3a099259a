import type { Node, Parser, Tree } from 'web-tree-sitter';
import type { Grammar, Language } from '../../code/languages.js';
import { JAVA_LANG } from '../../facets/imports-java.js';
import { languageOfGrammar, resolveImports, type ImportMap } from '../../facets/imports.js';
import { makeEdit } from './edits.js';
import { jsImportStatements, moduleStyle, toModuleStyle } from './fix-imports-js.js';
import type { TextEdit } from './types.js';

/**
 * Edits that add the import lines a fix needs and the file lacks, at the language's import block:
 * Python after the last top-level import (or after a shebang, comments and docstring); JavaScript and
 * TypeScript after the last import or require, in the file's own module style; Java after the last import
 * (or the package); Go into the import block; C and C++ after the last #include.
 */
export function importEdits(grammar: Grammar, tree: Tree, source: string, lines: readonly string[], parser: Parser): { edits: TextEdit[] } | { error: string } {
  const language = languageOfGrammar(grammar);
  const root = tree.rootNode;
  const fileMap = resolveImports(grammar, tree, source);
  const style = language === 'javascript' || language === 'typescript' ? moduleStyle(root) : undefined;
  const candidates = lines.flatMap((l) => (style ? toModuleStyle(l, style) : [l.trim()]));
  const wanted = candidates.filter((l, i) => candidates.indexOf(l) === i && !present(language, l, source, root, fileMap, parser));
  if (wanted.length === 0) return { edits: [] };
  if (language === 'go') return goEdits(root, source, wanted);
  const anchor = lastImport(language, root);
  if (anchor) return { edits: [insertAfterLine(source, anchor, wanted.join('\n') + '\n')] };
  const preamble = preambleEnd(language, root);
  if (preamble && language === 'java') return { edits: [insertAfterLine(source, preamble, '\n' + wanted.join('\n') + '\n')] };
  const at = preamble ? afterNode(source, preamble) : 0;
  // A new import block at the top is set apart from the code after it by a blank line.
  const nextLine = source.slice(at, source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at));
  const gap = nextLine.trim() === '' ? '' : '\n';
  return { edits: [makeEdit(source, at, at, (at === source.length && at > 0 && !source.endsWith('\n') ? '\n' : '') + wanted.join('\n') + '\n' + gap)] };
}

function present(language: Language, line: string, source: string, root: Node, fileMap: ImportMap, parser: Parser): boolean {
  if (source.split('\n').some((l) => l.trim() === line)) return true;
  if (language === 'c' || language === 'cpp') {
    const header = /#\s*include\s*([<"][^>"]+[>"])/.exec(line)?.[1];
    return !!header && root.descendantsOfType('preproc_include').some((n) => n.childForFieldName('path')?.text === header);
  }
  if (language === 'go') {
    const spec = goSpec(line);
    return !!spec && root.descendantsOfType('import_spec').some((s) => s.text.replace(/\s+/g, ' ') === spec);
  }
  const tree = parser.parse(line);
  if (!tree) return false;
  try {
    const lineMap = resolveImports(language, tree, line);
    if (lineMap.bindings.size === 0) return false;
    return [...lineMap.bindings].every(([name, target]) => {
      if (fileMap.bindings.get(name) === target) return true;
      if (language !== 'java') return false;
      const pkg = target.slice(0, target.lastIndexOf('.'));
      return fileMap.wildcards.includes(pkg) || (pkg === 'java.lang' && JAVA_LANG.has(name));
    });
  } finally {
    tree.delete();
  }
}

const TOP_IMPORTS: Partial<Record<Language, ReadonlySet<string>>> = {
  python: new Set(['import_statement', 'import_from_statement', 'future_import_statement']),
  java: new Set(['import_declaration']),
};

function lastImport(language: Language, root: Node): Node | undefined {
  let found: Node[];
  if (language === 'javascript' || language === 'typescript') found = jsImportStatements(root);
  else if (language === 'c' || language === 'cpp') found = root.descendantsOfType('preproc_include');
  else found = root.namedChildren.filter((n) => TOP_IMPORTS[language]?.has(n.type));
  return found[found.length - 1];
}

/** The last node of what must stay above imports: a shebang, leading comments, a docstring, 'use strict', a package. */
function preambleEnd(language: Language, root: Node): Node | undefined {
  let last: Node | undefined;
  for (const n of root.namedChildren) {
    const stringStatement = n.type === 'expression_statement' && n.namedChildCount === 1 && n.namedChild(0)!.type === 'string';
    if (n.type === 'comment' || n.type === 'hash_bang_line' || n.type === 'package_declaration') last = n;
    else if (stringStatement && (language === 'python' || /^['"]use strict['"]/.test(n.text))) last = n;
    else break;
  }
  // Leading comments alone (a license header) stay above; anything else means there is no preamble.
  return last;
}

/** `import "x"`, `import r "x"`, `"x"` or `r "x"` as the import spec text `"x"` / `r "x"`. */
function goSpec(line: string): string | undefined {
  const m = /^(?:import\s+)?(?:([\w.]+)\s+)?("[^"]+")\s*$/.exec(line.trim());
  return m ? (m[1] ? `${m[1]} ${m[2]}` : m[2]) : undefined;
}

function goEdits(root: Node, source: string, lines: string[]): { edits: TextEdit[] } | { error: string } {
  const specs = lines.map(goSpec);
  const bad = lines.find((_, i) => specs[i] === undefined);
  if (bad !== undefined) return { error: `cannot read Go import line: ${bad}` };
  const block = root.descendantsOfType('import_spec_list').pop();
  if (block) {
    const close = block.lastChild!;
    const at = source.lastIndexOf('\n', close.startIndex - 1) + 1;
    const onOwnLine = source.slice(at, close.startIndex).trim() === '';
    const text = specs.map((s) => `\t${s}\n`).join('');
    return { edits: [onOwnLine ? makeEdit(source, at, at, text) : makeEdit(source, close.startIndex, close.startIndex, `\n${text}`)] };
  }
  const created = `import (\n${specs.map((s) => `\t${s}\n`).join('')})\n`;
  const single = root.namedChildren.filter((n) => n.type === 'import_declaration').pop();
  if (single) return { edits: [insertAfterLine(source, single, created)] };
  const pkg = root.namedChildren.find((n) => n.type === 'package_clause');
  if (pkg) return { edits: [insertAfterLine(source, pkg, '\n' + created)] };
  return { edits: [makeEdit(source, 0, 0, created + '\n')] };
}

/** Index just past the newline that ends the line where `index` lies (or the end of the source). */
function lineEnd(source: string, index: number): number {
  const nl = source.indexOf('\n', index);
  return nl < 0 ? source.length : nl + 1;
}

/** Index of the line after the node's last line; some nodes (C #include) already end with the newline. */
function afterNode(source: string, node: Node): number {
  return lineEnd(source, Math.max(node.startIndex, node.endIndex - 1));
}

function insertAfterLine(source: string, node: Node, text: string): TextEdit {
  const at = afterNode(source, node);
  const lead = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return makeEdit(source, at, at, lead + text);
}
