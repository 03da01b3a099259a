import type { Grammar } from '../../src/code/languages.js';
import { parse } from '../../src/code/parser.js';
import { rawCursorApi } from '../../src/code/raw-cursor.js';
import { flatten, flattenWithCursor, type FlatTree } from '../../src/slice/syntax.js';

/**
 * The fast tree copy (direct calls into web-tree-sitter's WebAssembly exports) must give exactly what the
 * public TreeCursor API gives, on clean code, on code with ERROR and MISSING nodes, and on text whose
 * UTF-16 offsets differ from its UTF-8 bytes.
 */
const SOURCES: [Grammar, string][] = [
  ['python', 'import os\n\ndef f(a, b=2):\n    """doc"""\n    x = [i for i in a if i]\n    with open(a) as fh:\n        return fh.read() + "é😀"\n'],
  ['python', 'def broken(:\n    x = = 1\n    return x\n'],
  ['javascript', "const { exec } = require('child_process');\nfunction f(n) {\n  // ünïcode\n  return exec(`ls ${n}`, () => {});\n}\n"],
  ['javascript', 'function g( {\n  let a = ;\n'],
  ['typescript', 'export class A<T> {\n  private x: Map<string, T> = new Map();\n  get(k: string): T | undefined { return this.x.get(k); }\n}\n'],
  ['tsx', 'export const C = () => <div className="a">{"😀"}</div>;\n'],
  ['java', 'class A {\n  int f(int n) {\n    for (int i = 0; i < n; i++) n += i;\n    return n\n  }\n}\n'],
  ['go', 'package p\n\nfunc F(a []byte) (int, error) {\n\tif len(a) > 2 {\n\t\treturn 0, nil\n\t}\n\treturn len(a), nil\n}\n'],
  ['c', '#include <string.h>\nint f(char *b, size_t n) {\n  char t[8];\n  memcpy(t, b, n)\n  return t[0];\n}\n'],
  ['cpp', 'namespace n {\ntemplate <class T> T f(const std::vector<T> &v) {\n  auto s = T{};\n  for (auto &x : v) s += x;\n  return s;\n}\n}\n'],
  ['python', ''],
];

function plain(tree: FlatTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v;
  return out;
}

test('the WebAssembly exports the fast walk needs are found', async () => {
  await parse('python', 'x = 1\n');
  expect(rawCursorApi()).toBeDefined();
});

test.each(SOURCES.map(([g, s], i) => [i, g, s] as const))('flatten #%i (%s) matches the public cursor walk', async (_i, grammar, source) => {
  const tree = await parse(grammar, source);
  try {
    const fast = flatten(tree, source);
    const slow = flattenWithCursor(tree, source);
    expect(plain(fast)).toEqual(plain(slow));
    // The tree is still usable afterwards: the cursor state was handed back.
    expect(tree.rootNode.descendantCount).toBe(fast.count);
  } finally {
    tree.delete();
  }
});

test('the error cases do hold ERROR and MISSING nodes', async () => {
  for (const i of [1, 3, 6, 8]) {
    const [grammar, source] = SOURCES[i]!;
    const tree = await parse(grammar, source);
    try {
      expect(flatten(tree, source).hasError).toBe(true);
    } finally {
      tree.delete();
    }
  }
});

test('a large generated function flattens the same both ways', async () => {
  const body = Array.from({ length: 400 }, (_, i) => `  if (a > ${i}) { b = g(a, "s${i}"); } else { a += b * ${i}; }`).join('\n');
  const source = `int f(int a, int b) {\n${body}\n  return a;\n}\n`;
  const tree = await parse('c', source);
  try {
    expect(plain(flatten(tree, source))).toEqual(plain(flattenWithCursor(tree, source)));
  } finally {
    tree.delete();
  }
});
