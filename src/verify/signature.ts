import type { Node, Tree } from 'web-tree-sitter';
import type { Language } from '../code/languages.js';
import { UNIT_SPECS } from '../code/unit-kinds.js';

/**
 * The signature of the function that makes a unit: the text of its outermost function-like node from its
 * start to its body (name, parameters, return type, modifiers), whitespace collapsed. Decorators and
 * annotations on lines of their own are not part of it. Undefined for module units and when no function
 * node starts inside the lines.
 */
export function signatureOf(tree: Tree, language: Language, startLine: number, endLine: number): string | undefined {
  const types = UNIT_SPECS[language].unitTypes;
  let best: Node | undefined;
  const visit = (node: Node): void => {
    const start = node.startPosition.row + 1;
    const end = node.endPosition.row + 1;
    if (end < startLine || start > endLine) return;
    if (types.has(node.type) && start >= startLine && end <= endLine) {
      best = node;
      return;
    }
    for (const child of node.namedChildren) {
      if (best) return;
      if (child) visit(child);
    }
  };
  visit(tree.rootNode);
  if (!best) return undefined;
  const body = best.childForFieldName('body');
  const text = body ? best.text.slice(0, body.startIndex - best.startIndex) : best.text.split('\n')[0]!;
  return text.replace(/\s+/g, ' ').trim();
}
