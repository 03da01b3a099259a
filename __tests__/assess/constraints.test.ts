import type { Language } from '../../src/code/languages.js';
import type { Constraint } from '../../src/kb/source-schema.js';
import { matches, rule } from './rule-helpers.js';

const PY_CALL = '(call) @call';

describe('resolvesTo', () => {
  const cases: [Language, string, string, string[], number][] = [
    ['python', PY_CALL, 'import yaml as y\ny.load(s)\n', ['yaml.load'], 1],
    ['python', PY_CALL, 'import yaml as y\ny.safe_load(s)\n', ['yaml.load'], 0],
    ['python', PY_CALL, 'from subprocess import run\nrun(c, shell=True)\n', ['subprocess.*'], 1],
    ['javascript', '(call_expression) @call', "const cp = require('child_process');\ncp.exec(c);\n", ['child_process.exec'], 1],
    ['typescript', '(call_expression) @call', "import { exec } from 'node:child_process';\nexec(c);\n", ['child_process.exec'], 1],
    ['java', '(method_invocation) @call', 'class A { void m() { Runtime.getRuntime().exec(c); } }\n', ['java.lang.Runtime.exec'], 1],
    ['java', '(object_creation_expression) @call', 'import java.io.*;\nclass A { void m() { new ObjectInputStream(in); } }\n', ['java.io.ObjectInputStream'], 1],
    ['java', '(object_creation_expression) @call', 'import java.io.ObjectInputStream;\nclass A { void m() { new ObjectInputStream(in); } }\n', ['java.io.ObjectInputStream'], 1],
    ['go', '(call_expression) @call', 'package main\nimport "os/exec"\nfunc f() { exec.Command(c) }\n', ['os/exec.Command'], 1],
    ['c', '(call_expression) @call', 'void f(char *a) { strcpy(b, a); }\n', ['strcpy'], 1],
    ['cpp', '(call_expression) @call', 'int f() { std::system(a); return 0; }\n', ['system'], 1],
    ['cpp', '(call_expression) @call', 'int f() { std::system(a); return 0; }\n', ['std::system'], 1],
    ['cpp', '(call_expression) @call', 'int f() { sys.system(a); return 0; }\n', ['system'], 0],
    ['cpp', '(call_expression) @call', 'int f() { system(a); return 0; }\n', ['std::system'], 1],
    ['cpp', '(call_expression) @call', 'int f() { ::system(a); return 0; }\n', ['system'], 1],
  ];
  test.each(cases)('%s: %s on %j resolves to %j: %d', async (language, query, source, names, n) => {
    expect(await matches(rule({ language, query, report: 'call', where: [{ capture: 'call', resolvesTo: names }] }), source)).toHaveLength(n);
  });

  test('a TypeScript rule also runs on TSX', async () => {
    const r = rule({ language: 'typescript', query: '(call_expression) @call', report: 'call', where: [{ capture: 'call', resolvesTo: ['child_process.exec'] }] });
    expect(await matches(r, "import { exec } from 'child_process';\nconst C = () => <div onClick={() => exec(c)} />;\n", 'tsx')).toHaveLength(1);
  });
});

describe('hasArgument and lacksArgument', () => {
  const py = (where: Constraint[]) => rule({ language: 'python', query: PY_CALL, report: 'call', where });
  const js = (where: Constraint[]) => rule({ language: 'javascript', query: '(call_expression) @call', report: 'call', where });
  test.each([
    ['subprocess.run(c, shell=True)\n', [{ capture: 'call', hasArgument: 'shell' }], 1],
    ['subprocess.run(c, shell=True)\n', [{ capture: 'call', hasArgument: 'shell', value: '^True$' }], 1],
    ['subprocess.run(c, shell=False)\n', [{ capture: 'call', hasArgument: 'shell', value: '^True$' }], 0],
    ['subprocess.run(c)\n', [{ capture: 'call', hasArgument: 'shell' }], 0],
    ['yaml.load(f)\n', [{ capture: 'call', lacksArgument: 'Loader' }], 1],
    ['yaml.load(f, Loader=L)\n', [{ capture: 'call', lacksArgument: 'Loader' }], 0],
    ['yaml.load(f, **opts)\n', [{ capture: 'call', lacksArgument: 'Loader' }], 0], // **opts may pass it
  ] as [string, Constraint[], number][])('python %j %j', async (source, where, n) => {
    expect(await matches(py(where), source)).toHaveLength(n);
  });
  test.each([
    ['spawn(c, [], { shell: true });\n', [{ capture: 'call', hasArgument: 'shell', value: '^true$' }], 1],
    ["spawn(c, [], { 'shell': true });\n", [{ capture: 'call', hasArgument: 'shell' }], 1],
    ['spawn(c, [], { shell });\n', [{ capture: 'call', hasArgument: 'shell' }], 1],
    ['spawn(c, [], { cwd });\n', [{ capture: 'call', hasArgument: 'shell' }], 0],
    ['jwt.verify(t, k);\n', [{ capture: 'call', lacksArgument: 'algorithms' }], 1],
    ['jwt.verify(t, k, { ...o });\n', [{ capture: 'call', lacksArgument: 'algorithms' }], 0],
  ] as [string, Constraint[], number][])('javascript %j %j', async (source, where, n) => {
    expect(await matches(js(where), source)).toHaveLength(n);
  });
  test.each([
    ['java', '(method_invocation) @call', 'class A { void m() { f(a); } }\n'],
    ['go', '(call_expression) @call', 'package main\nfunc m() { f(a) }\n'],
    ['c', '(call_expression) @call', 'void m(void) { f(a); }\n'],
    ['cpp', '(call_expression) @call', 'void m() { f(a); }\n'],
  ] as [Language, string, string][])('%s has no named arguments', async (language, query, source) => {
    expect(await matches(rule({ language, query, report: 'call', where: [{ capture: 'call', hasArgument: 'a' }] }), source)).toHaveLength(0);
    expect(await matches(rule({ language, query, report: 'call', where: [{ capture: 'call', lacksArgument: 'a' }] }), source)).toHaveLength(1);
  });
});

describe('inside, notInside, unitLacks', () => {
  const src = 'def f(p):\n    try:\n        open(p)\n    except OSError:\n        pass\n\ndef g(p):\n    open(p)\n';
  const q = '(call function: (identifier) @fn (#eq? @fn "open")) @call';
  test('inside and notInside look at ancestors', async () => {
    expect((await matches(rule({ language: 'python', query: q, report: 'call', where: [{ capture: 'call', inside: ['try_statement'] }] }), src)).map((m) => m.startLine)).toEqual([3]);
    expect((await matches(rule({ language: 'python', query: q, report: 'call', where: [{ capture: 'call', notInside: ['try_statement'] }] }), src)).map((m) => m.startLine)).toEqual([8]);
  });
  test('unitLacks reads the enclosing function, or the file at module level', async () => {
    const guarded = 'def f(p):\n    p = realpath(p)\n    open(p)\n\ndef g(p):\n    open(p)\n';
    const r = rule({ language: 'python', query: q, report: 'call', where: [{ unitLacks: 'realpath|startswith' }] });
    expect((await matches(r, guarded)).map((m) => m.startLine)).toEqual([6]);
    expect(await matches(r, 'p = realpath(x)\nopen(p)\n')).toHaveLength(0);
    expect(await matches(r, 'open(p)\n')).toHaveLength(1);
  });
  test('python decorators belong to the function they decorate', async () => {
    const r = rule({ language: 'python', query: q, report: 'call', where: [{ unitLacks: 'login_required' }] });
    const src = '@app.route("/a")\n@login_required\ndef a(p):\n    open(p)\n\n@app.route("/b")\ndef b(p):\n    open(p)\n';
    expect((await matches(r, src)).map((m) => m.startLine)).toEqual([8]);
  });
  test.each([
    ['javascript', 'function f(p) { check(p); open(p); }\nconst g = (p) => open(p);\n', '(call_expression function: (identifier) @fn (#eq? @fn "open")) @call', [2]],
    ['java', 'class A { void f() { check(p); open(p); } void g() { open(p); } }\n', '(method_invocation name: (identifier) @fn (#eq? @fn "open")) @call', [1]],
    ['go', 'package main\nfunc f() { check(p); open(p) }\nfunc g() {\n\topen(p)\n}\n', '(call_expression function: (identifier) @fn (#eq? @fn "open")) @call', [4]],
    ['c', 'void f(void) { check(p); open(p); }\nvoid g(void) {\n  open(p);\n}\n', '(call_expression function: (identifier) @fn (#eq? @fn "open")) @call', [3]],
  ] as [Language, string, string, number[]][])('%s unitLacks', async (language, source, query, lines) => {
    const r = rule({ language, query, report: 'call', where: [{ unitLacks: 'check' }] });
    expect((await matches(r, source)).map((m) => m.startLine)).toEqual(lines);
  });
});

describe('matching', () => {
  test('text predicates filter matches (web-tree-sitter returns failed matches with no captures)', async () => {
    const r = rule({ language: 'python', query: '(call function: (identifier) @fn (#match? @fn "^ev")) @call', report: 'call' });
    expect((await matches(r, 'print(1)\neval(x)\nlen(y)\n')).map((m) => [m.startLine, m.captures.fn!.text])).toEqual([[2, 'eval']]);
  });
  test('only matches whose report capture lies inside the range', async () => {
    const r = rule({ language: 'python', query: PY_CALL, report: 'call' });
    const src = 'a()\nb()\nc(\n  1)\nd()\n';
    expect((await matches(r, src, 'python', { startLine: 2, endLine: 3 })).map((m) => m.captures.call!.text)).toEqual(['b()']);
    expect((await matches(r, src, 'python', { startLine: 2, endLine: 4 })).map((m) => [m.startLine, m.endLine])).toEqual([[2, 2], [3, 4]]);
  });
  test('identical (rule, range) matches are reported once', async () => {
    // Two patterns that both match the same call.
    const r = rule({ language: 'python', query: '(call function: (identifier)) @call\n(call arguments: (argument_list)) @call', report: 'call' });
    expect(await matches(r, 'f(x)\n')).toHaveLength(1);
  });
  test('a rule for another language does not run', async () => {
    expect(await matches(rule({ language: 'javascript', query: '(call_expression) @c', report: 'c' }), 'f(x)\n', 'python')).toHaveLength(0);
  });
});
