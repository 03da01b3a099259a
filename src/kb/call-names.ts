import type { Node } from 'web-tree-sitter';
import type { Language } from '../code/languages.js';
import { parse } from '../code/parser.js';
import { resolveImports, qualifiedNames } from '../facets/imports.js';
import { isCall } from '../facets/imports-callee.js';

/**
 * The APIs a piece of code calls, named the way the hand-written API sets and the review's API facet name
 * them: resolved through the code's imports and aliases (`import yaml as y; y.load()` is `yaml.load`,
 * `const cp = require('child_process'); cp.exec()` is `child_process.exec`, C++ `std::system` is `system`
 * and `std::system`). A callee whose object is a local variable stays as written (`cur.execute`): the code
 * tokenizer's suffixes and segments still bridge it to the qualified names in BM25. `require` itself is not
 * an API (the review's facet leaves it out too).
 */
export async function callNames(language: Language, code: string): Promise<string[]> {
  const tree = await parse(language, code);
  try {
    const map = resolveImports(language, tree, code);
    const names = new Set<string>();
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const node = stack.pop()!;
      if (isCall(language, node) && !isRequire(language, node)) {
        for (const name of qualifiedNames(map, node)) if (isName(name)) names.add(name);
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
    return [...names].sort();
  } finally {
    tree.delete();
  }
}

function isRequire(language: Language, node: Node): boolean {
  return (language === 'javascript' || language === 'typescript') && node.childForFieldName('function')?.text === 'require';
}

/** Drops what is not a plausible API name (string callees, very long chains). */
function isName(name: string): boolean {
  return name.length > 0 && name.length <= 120 && /^[\w$.:/\->]+$/.test(name);
}
