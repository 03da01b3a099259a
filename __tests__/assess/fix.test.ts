import { parse } from '../../src/code/parser.js';
import { applyFix, compileRule, runRules } from '../../src/assess/rules/engine.js';
import type { FixSource } from '../../src/kb/source-schema.js';
import { fixed, fixedText, matches, rule } from './rule-helpers.js';

const fix = (f: Partial<FixSource>): FixSource => ({ description: 'a test fix', edits: [], imports: [], ...f });

describe('replace', () => {
  const yamlLoad = rule({
    language: 'python',
    query: '(call function: (attribute object: (identifier) @mod attribute: (identifier) @fn) (#eq? @fn "load")) @call',
    report: 'call',
    fix: fix({ edits: [{ capture: 'call', replace: '{{mod}}.safe_load({{ args }})' }] }),
  });
  test('a template inserts other captures', async () => {
    const r = rule({ ...yamlLoad, query: `${yamlLoad.query.replace(') @call', ' arguments: (argument_list (_) @args)) @call')}` });
    expect(await fixedText(r, 'import yaml\nx = yaml.load(f)\n')).toBe('import yaml\nx = yaml.safe_load(f)\n');
  });
  test('an unbound template capture is an error, not an empty string', async () => {
    const r = rule({ ...yamlLoad, query: yamlLoad.query.replace(') @call', ' arguments: (argument_list (_)? @args)) @call') });
    const result = await fixed(r, 'import yaml\nx = yaml.load()\n');
    expect(result).toEqual({ error: expect.stringMatching(/template capture @args is not bound/) });
  });
  test('indices are UTF-16: non-ASCII text before the match does not shift the edit', async () => {
    const r = rule({ ...yamlLoad, fix: fix({ edits: [{ capture: 'fn', replace: 'safe_load' }] }) });
    const src = '# café ☕ 😀 — naïve\nimport yaml\n\ndef f(s):  # ünïcode 🎉\n    return yaml.load("é😀", s)\n';
    const [m] = await matches(r, src);
    expect(m!.captures.fn!.startIndex).toBe(src.indexOf('load('));
    expect(await fixedText(r, src)).toBe(src.replace('yaml.load(', 'yaml.safe_load('));
  });
  test('the edits are reported with their lines', async () => {
    const r = rule({ ...yamlLoad, fix: fix({ edits: [{ capture: 'fn', replace: 'safe_load' }] }) });
    const result = await fixed(r, 'import yaml\n\nyaml.load(f)\n');
    expect(result).toEqual({ text: 'import yaml\n\nyaml.safe_load(f)\n', edits: [{ startIndex: 18, endIndex: 22, text: 'safe_load', startLine: 3, endLine: 3 }] });
  });
  test('a source other than the matched one is refused', async () => {
    const r = rule({ ...yamlLoad, fix: fix({ edits: [{ capture: 'fn', replace: 'safe_load' }] }) });
    const compiled = await compileRule(r);
    const [m] = await matches(r, 'yaml.load(f)\n');
    expect(applyFix(compiled, m!, 'xyaml.load(f)\n')).toEqual({ error: expect.stringMatching(/source differs/) });
  });
});

describe('delete', () => {
  const verify = rule({
    language: 'python',
    query: '(call arguments: (argument_list (keyword_argument name: (identifier) @k (#eq? @k "verify")) @arg)) @call',
    report: 'call',
    fix: fix({ edits: [{ capture: 'arg', delete: true }] }),
  });
  test.each([
    ['f(a, verify=False)\n', 'f(a)\n'],
    ['f(verify=False, a)\n', 'f(a)\n'],
    ['f(verify=False)\n', 'f()\n'],
    ['f(a, verify=False, b)\n', 'f(a, b)\n'],
    ['f(a, verify=False,)\n', 'f(a)\n'],
    ['f(\n    a,\n    verify=False,\n)\n', 'f(\n    a,\n)\n'],
    ['f(\n    a,\n    verify=False\n)\n', 'f(\n    a\n)\n'],
    ['f(\n    verify=False,\n    a,\n)\n', 'f(\n    a,\n)\n'],
  ])('python %j', async (src, out) => {
    expect(await fixedText(verify, src)).toBe(out);
  });
  test.each([
    ['request(u, { rejectUnauthorized: false });\n', 'request(u, {});\n'],
    ['request(u, { a: 1, rejectUnauthorized: false });\n', 'request(u, { a: 1 });\n'],
    ['request(u, { rejectUnauthorized: false, a: 1 });\n', 'request(u, { a: 1 });\n'],
  ])('javascript %j', async (src, out) => {
    const r = rule({
      language: 'javascript',
      query: '(pair key: (property_identifier) @k (#eq? @k "rejectUnauthorized")) @pair',
      report: 'pair',
      fix: fix({ edits: [{ capture: 'pair', delete: true }] }),
    });
    expect(await fixedText(r, src)).toBe(out);
  });
  test('a statement alone on its line goes with its line', async () => {
    const r = rule({ language: 'go', query: '(expression_statement (call_expression function: (identifier) @f (#eq? @f "debug"))) @s', report: 's', fix: fix({ edits: [{ capture: 's', delete: true }] }) });
    expect(await fixedText(r, 'package main\nfunc f() {\n\tdebug(x)\n\tg()\n}\n')).toBe('package main\nfunc f() {\n\tg()\n}\n');
  });
  test('go and java argument lists', async () => {
    const r = rule({ language: 'java', query: '(argument_list (null_literal) @n) @args', report: 'args', fix: fix({ edits: [{ capture: 'n', delete: true }] }) });
    expect(await fixedText(r, 'class A { void m() { f(a, null); } }\n')).toBe('class A { void m() { f(a); } }\n');
  });
  test('edits that overlap are an error', async () => {
    const r = rule({ ...verify, fix: fix({ edits: [{ capture: 'arg', delete: true }, { capture: 'call', replace: 'g()' }] }) });
    expect(await fixed(r, 'f(a, verify=False)\n')).toEqual({ error: expect.stringMatching(/overlapping edits/) });
  });
});

test('a fixed file no longer matches and parses (several edits in one fix)', async () => {
  const r = rule({
    language: 'python',
    query: '(call function: (attribute object: (identifier) @m attribute: (identifier) @fn) arguments: (argument_list (keyword_argument name: (identifier) @k value: (true)) @kw) (#eq? @m "subprocess") (#eq? @k "shell")) @call',
    report: 'call',
    fix: fix({ edits: [{ capture: 'kw', delete: true }, { capture: 'fn', replace: 'run' }], imports: ['import shlex'] }),
  });
  const src = 'import subprocess\n\ndef f(c):\n    subprocess.call(c, shell=True)\n';
  const out = await fixedText(r, src);
  expect(out).toBe('import subprocess\nimport shlex\n\ndef f(c):\n    subprocess.run(c)\n');
  const compiled = await compileRule(r);
  const tree = await parse('python', out);
  expect(runRules([compiled], { grammar: 'python', tree, source: out })).toEqual([]);
  expect(tree.rootNode.hasError).toBe(false);
  tree.delete();
});
