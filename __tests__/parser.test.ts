import { parse } from '../src/code/parser.js';
import { languageOf, grammarOf } from '../src/code/languages.js';

test.each([
  ['a.py', 'def f(x):\n    return x\n', 'function_definition'],
  ['a.js', 'function f(x) { return x; }\n', 'function_declaration'],
  ['a.tsx', 'function C(): JSX.Element { return <div />; }\n', 'function_declaration'],
  ['a.ts', 'function f(x: number): number { return x; }\n', 'function_declaration'],
  ['A.java', 'class A { int f() { return 1; } }\n', 'class_declaration'],
  ['a.go', 'package main\nfunc F() int { return 1 }\n', 'package_clause'],
  ['a.c', 'int f(void) { return 1; }\n', 'function_definition'],
  ['a.cpp', 'int f() { return 1; }\n', 'function_definition'],
])('parses %s', async (file, source, firstType) => {
  const lang = languageOf(file)!;
  const tree = await parse(grammarOf(file, lang), source);
  expect(tree.rootNode.namedChild(0)?.type).toBe(firstType);
  expect(tree.rootNode.hasError).toBe(false);
  tree.delete();
});
