import { describe, expect, jest, test } from '@jest/globals';
import { Parser, Tree } from 'web-tree-sitter';
import type { Language } from '../../src/code/languages.js';
import { extractUnits } from '../../src/code/units.js';

/** Source from lines, so line numbers in the tests can be read off the array. */
const src = (...lines: string[]): string => `${lines.join('\n')}\n`;

async function units(path: string, language: Language, text: string, changedLines?: number[]) {
  const result = await extractUnits({ path, language, text, changedLines });
  return result.units.map((u) => [u.name, u.kind, u.startLine, u.endLine]);
}

describe('parse errors', () => {
  const broken = src(
    'import os', //                        1
    '',
    'def ok_one(x):', //                   3
    '    return x + 1',
    '',
    '',
    'def broken(y:', //                    7  unclosed parenthesis
    '    return y *',
    '',
    '',
    'def ok_two(z):', //                   11
    '    return os.path.join(z, "a")',
    '',
    '',
    'class Box:', //                       15
    '    def get(self):',
    '        return self.v',
  );

  test('a Python function with a syntax error leaves the others', async () => {
    const result = await extractUnits({ path: 'a.py', language: 'python', text: broken });
    expect(result.parseErrors).toBe(true);
    expect(result.units.map((u) => [u.name, u.kind, u.startLine, u.endLine])).toEqual([
      ['ok_one', 'function', 3, 4],
      ['<module>', 'module', 7, 8], // what still does not parse is kept, as module-level code
      ['ok_two', 'function', 11, 12],
      ['Box.get', 'method', 16, 17],
    ]);
  });

  test('review of the lines after the error', async () => {
    expect(await units('a.py', 'python', broken, [12, 17])).toEqual([
      ['ok_two', 'function', 11, 12],
      ['Box.get', 'method', 16, 17],
    ]);
  });

  test('a missing brace in C still yields both functions', async () => {
    const text = src('int a(int x) {', '  return x + 1;', '}', '', 'int b(int y {', '  return y *;', '}');
    const result = await extractUnits({ path: 'a.c', language: 'c', text });
    expect(result.parseErrors).toBe(true);
    expect(result.units.map((u) => u.name)).toEqual(['a', 'b']);
  });

  test('MISSING nodes count as parse errors', async () => {
    const result = await extractUnits({ path: 'a.go', language: 'go', text: 'package m\nfunc f() { x := 1\n' });
    expect(result.parseErrors).toBe(true);
  });

  test('every tree is deleted, including those of re-parsed pieces', async () => {
    const parse = jest.spyOn(Parser.prototype, 'parse');
    const remove = jest.spyOn(Tree.prototype, 'delete');
    try {
      await extractUnits({ path: 'a.py', language: 'python', text: broken });
      await extractUnits({ path: 'a.js', language: 'javascript', text: 'function f() {}\n' });
      expect(parse.mock.calls.length).toBeGreaterThan(2);
      expect(remove).toHaveBeenCalledTimes(parse.mock.calls.length);
    } finally {
      parse.mockRestore();
      remove.mockRestore();
    }
  });
});

describe('JavaScript names', () => {
  const text = src(
    'export default function () {', //           1
    '  return 1;',
    '}',
    'module.exports.handler = async (event) => {', // 4
    '  return event;',
    '};',
    '(function () {', //                          7
    '  setup();',
    '})();',
    "app.use((req, res, next) => next());", //    10  one line: module-level code
    'const pick = flag ? function () {', //       11
    '  return 1;',
    '} : null;',
    'class Account {', //                         14
    '  constructor() {',
    '    this.onChange = () => {',
    '      save();',
    '    };',
    '  }',
    '  get balance() { return this.b; }', //      20
    '  set balance(v) { this.b = v; }',
    '}',
    'const api = {', //                           23
    '  users: {',
    '    list() { return []; },',
    '  },',
    '};',
    "describe('login', () => {", //               28
    "  it('rejects a bad password', () => {",
    '    expect(login()).toBe(false);',
    '  });',
    '});',
  );

  test('scan', async () => {
    expect(await units('a.js', 'javascript', text)).toEqual([
      ['default', 'function', 1, 3],
      ['module.exports.handler', 'lambda', 4, 6],
      ['<iife>', 'function', 7, 9],
      ['<module>', 'module', 10, 10],
      ['<anonymous>', 'function', 11, 13],
      ['Account.constructor', 'constructor', 15, 19],
      ['Account.constructor.onChange', 'lambda', 16, 18],
      ['Account.balance', 'method', 20, 20],
      ['Account.balance#2', 'method', 21, 21],
      ['api.users.list', 'method', 25, 25],
      ["describe('login') callback", 'lambda', 28, 32],
    ]);
  });

  test('a wrapped component takes the name of its variable; a named function expression keeps its own', async () => {
    const jsx = src(
      'export const Card = memo(({ title }) => {',
      '  return <h2>{title}</h2>;',
      '});',
      'export default connect(mapState)(function Panel(props) {',
      '  return null;',
      '});',
    );
    expect(await units('a.jsx', 'javascript', jsx)).toEqual([
      ['Card', 'lambda', 1, 3],
      ['Panel', 'function', 4, 6],
    ]);
  });

  test('a callback without a registration key stays in its enclosing unit', async () => {
    expect(await units('a.js', 'javascript', text, [30])).toEqual([["describe('login') callback", 'lambda', 28, 32]]);
  });
});

describe('C and C++ names', () => {
  test('C: names through nested declarators', async () => {
    const text = src(
      'int (*get_fn(int kind))(const char *) {',
      '  return 0;',
      '}',
      'char **split(char *s, int *n) { return 0; }',
      'static const char *name(void) { return "x"; }',
      '#ifdef DEBUG',
      'void trace(const char *m) { puts(m); }',
      '#endif',
    );
    expect(await units('a.c', 'c', text)).toEqual([
      ['get_fn', 'function', 1, 3],
      ['split', 'function', 4, 4],
      ['name', 'function', 5, 5],
      ['trace', 'function', 7, 7],
    ]);
  });

  test('C++: operators, out-of-line destructors, anonymous and nested namespaces', async () => {
    const text = src(
      'namespace {',
      'int helper() { return 1; }',
      '}',
      'namespace a::b {',
      'struct P { bool operator==(const P&) const { return true; } };',
      'P::~P() {}',
      'template <typename T>',
      'template <typename U>',
      'void P::f(T t, U u) {}',
      '}',
      'int main() {',
      '  server.Get("/hi", [](const Request& req, Response& res) {',
      '    res.set_content("hi", "text/plain");',
      '  });',
      '}',
    );
    expect(await units('a.cpp', 'cpp', text)).toEqual([
      ['helper', 'function', 2, 2],
      ['a::b::P::operator==', 'method', 5, 5],
      ['a::b::P::~P', 'method', 6, 6],
      ['a::b::P::f', 'method', 7, 9],
      ['main', 'function', 11, 15],
      ['main::server.Get("/hi") callback', 'lambda', 12, 14],
    ]);
  });
});

describe('other languages', () => {
  test('Go: generic receivers drop the pointer and the type parameters', async () => {
    const text = src('package m', 'func (b *Box[T]) Get() T { return b.v }', 'var h = func() {}');
    expect(await units('a.go', 'go', text)).toEqual([
      ['Box.Get', 'method', 2, 2],
      ['h', 'lambda', 3, 3],
    ]);
  });

  test('Java: a route lambda inside main is a unit; a lambda passed to map is not', async () => {
    const text = src(
      'public class App {',
      '  public static void main(String[] args) {',
      '    get("/hello", (req, res) -> {',
      '      return "hi " + req.queryParams("name");',
      '    });',
      '    list.stream().map(x -> {',
      '      return x + 1;',
      '    });',
      '  }',
      '}',
    );
    expect(await units('App.java', 'java', text)).toEqual([
      ['App.main', 'method', 2, 9],
      ['App.main.get("/hello") callback', 'lambda', 3, 5],
    ]);
  });

  test('Python: classes inside functions and self-assigned lambdas qualify names', async () => {
    const text = src(
      'def factory():',
      '    class Handler:',
      '        def __init__(self):',
      '            self.check = lambda v: v > 0',
      '    return Handler',
    );
    expect(await units('a.py', 'python', text)).toEqual([
      ['factory', 'function', 1, 5],
      ['factory.Handler.__init__', 'constructor', 3, 4],
      ['factory.Handler.__init__.check', 'lambda', 4, 4],
    ]);
  });
});

describe('review mode input', () => {
  const text = src('def f():', '    return 1', '', 'def g():', '    return 2');

  test('changed lines may be unsorted, repeated or outside the file', async () => {
    const result = await extractUnits({ path: 'a.py', language: 'python', text, changedLines: [5, 2, 2, 0, -1, 99, 1.5] });
    expect(result.units.map((u) => [u.name, u.changedLines])).toEqual([
      ['f', [2]],
      ['g', [5]],
    ]);
  });

  test('no changed lines: no units', async () => {
    expect(await units('a.py', 'python', text, [])).toEqual([]);
  });

  test('an empty file has no units', async () => {
    expect(await extractUnits({ path: 'a.py', language: 'python', text: '' })).toEqual({ units: [], parseErrors: false });
  });
});

describe('performance', () => {
  test('5,000 lines with 500 functions', async () => {
    let text = '';
    for (let i = 0; i < 500; i++) {
      text += `// helper ${i}\nfunction f${i}(a, b) {\n  const x = a + b * ${i};\n  if (x > 10) {\n`;
      text += `    return items.filter((k) => k % 2).map((k) => k * x);\n  }\n`;
      text += `  return db.query('SELECT * FROM t WHERE id = ' + a);\n}\n\n\n`;
    }
    await extractUnits({ path: 'warm.js', language: 'javascript', text: 'function f() {}\n' }); // load the grammar
    const started = performance.now();
    const result = await extractUnits({ path: 'big.js', language: 'javascript', text });
    const ms = performance.now() - started;
    expect(result.units).toHaveLength(500);
    // Typically 25-40 ms here; the bound only catches a per-line or quadratic regression on a busy CI runner.
    expect(ms).toBeLessThan(1000);
  });
});
