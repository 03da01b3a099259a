import type { Node } from 'web-tree-sitter';
import type { Language } from '../code/languages.js';
import { parse } from '../code/parser.js';

/**
 * The callees named in a piece of code, as written (`yaml.load`, `cursor.execute`, `strcpy`), for the API
 * sets of KB nodes and examples. Import resolution is not applied here: the names are matched with the
 * code tokenizer, whose suffixes and segments bridge `y.load` and `yaml.load` well enough for BM25.
 */
const CALLS: Readonly<Record<Language, readonly (readonly [string, string])[]>> = {
  python: [['call', 'function']],
  javascript: [['call_expression', 'function'], ['new_expression', 'constructor']],
  typescript: [['call_expression', 'function'], ['new_expression', 'constructor']],
  java: [['method_invocation', 'name'], ['object_creation_expression', 'type']],
  go: [['call_expression', 'function']],
  c: [['call_expression', 'function']],
  cpp: [['call_expression', 'function']],
};

export async function callNames(language: Language, code: string): Promise<string[]> {
  const tree = await parse(language, code);
  try {
    const kinds = new Map(CALLS[language]);
    const names = new Set<string>();
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const node = stack.pop()!;
      const field = kinds.get(node.type);
      if (field) {
        const name = calleeText(language, node, field);
        if (name) names.add(name);
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
    return [...names].sort();
  } finally {
    tree.delete();
  }
}

function calleeText(language: Language, node: Node, field: string): string | undefined {
  let text = node.childForFieldName(field)?.text;
  if (!text) return undefined;
  if (language === 'java' && field === 'name') {
    const object = node.childForFieldName('object')?.text;
    if (object) text = `${object}.${text}`;
  }
  // `foo(x).bar` -> `foo().bar`; drop whitespace and generic arguments.
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, '()');
  }
  text = text.replace(/\s+/g, '').replace(/<[^<>]*>/g, '');
  return text.length > 0 && text.length <= 120 && /^[\w$.:>\-/()]+$/.test(text) ? text : undefined;
}
