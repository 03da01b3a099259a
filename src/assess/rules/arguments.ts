import type { Node } from 'web-tree-sitter';
import type { Language } from '../../code/languages.js';
import { isCall } from '../../facets/imports-callee.js';

/** Whether a call passes a named argument: `unknown` when a `**kwargs` or `...spread` may pass it. */
export type ArgumentLookup = { readonly found: 'yes'; readonly value: Node } | { readonly found: 'no' | 'unknown' };

const ARGUMENT_LISTS = new Set(['argument_list', 'arguments']);

/**
 * Finds a keyword argument (Python `shell=True`) or a property of an object-literal argument (JavaScript
 * and TypeScript `{ shell: true }`, `{ shell }`). Go, Java, C and C++ have no named arguments: never found.
 * The node may be the call, its argument list, or any node inside the call (the nearest call counts).
 */
export function findArgument(language: Language, node: Node, name: string): ArgumentLookup {
  const args = argumentList(language, node);
  if (!args) return { found: 'no' };
  if (language === 'python') return pythonArgument(args, name);
  if (language === 'javascript' || language === 'typescript') return jsArgument(args, name);
  return { found: 'no' };
}

function argumentList(language: Language, node: Node): Node | undefined {
  if (ARGUMENT_LISTS.has(node.type)) return node;
  for (let n: Node | null = node; n; n = n.parent) {
    if (isCall(language, n)) return n.childForFieldName('arguments') ?? undefined;
  }
  return undefined;
}

function pythonArgument(args: Node, name: string): ArgumentLookup {
  let unknown = false;
  for (const a of args.namedChildren) {
    if (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) {
      return { found: 'yes', value: a.childForFieldName('value')! };
    }
    if (a.type === 'dictionary_splat') unknown = true;
  }
  return { found: unknown ? 'unknown' : 'no' };
}

function jsArgument(args: Node, name: string): ArgumentLookup {
  let unknown = false;
  for (const a of args.namedChildren) {
    if (a.type !== 'object') continue;
    for (const p of a.namedChildren) {
      if (p.type === 'pair') {
        const key = p.childForFieldName('key');
        const keyText = key?.type === 'string' ? key.text.slice(1, -1) : key?.text;
        if (keyText === name) return { found: 'yes', value: p.childForFieldName('value')! };
      } else if (p.type === 'shorthand_property_identifier' && p.text === name) {
        return { found: 'yes', value: p };
      } else if (p.type === 'spread_element') unknown = true;
    }
  }
  return { found: unknown ? 'unknown' : 'no' };
}
