import type { Language } from '../../src/code/languages.js';
import { matches, rule } from './rule-helpers.js';

// Each case: a call `f(<arg>)` in the language, and whether the argument is a constant.
const CALL: Record<Language, (arg: string) => string> = {
  python: (a) => `f(${a})\n`,
  javascript: (a) => `f(${a});\n`,
  typescript: (a) => `f(${a});\n`,
  java: (a) => `class A { void m() { f(${a}); } }\n`,
  go: (a) => `package main\nfunc m() { f(${a}) }\n`,
  c: (a) => `void m(void) { f(${a}); }\n`,
  cpp: (a) => `void m() { f(${a}); }\n`,
};

const QUERY: Record<Language, string> = {
  python: '(call function: (identifier) @fn arguments: (argument_list . (_) @arg)) @call',
  javascript: '(call_expression function: (identifier) @fn arguments: (arguments . (_) @arg)) @call',
  typescript: '(call_expression function: (identifier) @fn arguments: (arguments . (_) @arg)) @call',
  java: '(method_invocation name: (identifier) @fn arguments: (argument_list . (_) @arg)) @call',
  go: '(call_expression function: (identifier) @fn arguments: (argument_list . (_) @arg)) @call',
  c: '(call_expression function: (identifier) @fn arguments: (argument_list . (_) @arg)) @call',
  cpp: '(call_expression function: (identifier) @fn arguments: (argument_list . (_) @arg)) @call',
};

const CASES: [Language, string, boolean][] = [
  ['python', "'abc'", true],
  ['python', "f'abc'", true],
  ['python', "f'a{b}c'", false],
  ['python', "'a' 'b'", true],
  ['python', "'a' + 'b'", true],
  ['python', "'a' + b", false],
  ['python', "'a %s' % b", false],
  ['python', '-1.5', true],
  ['python', 'None', true],
  ['python', 'True', true],
  ['python', "['ls', '-l']", true],
  ['python', "['ls', x]", false],
  ['python', 'x', false],
  ['javascript', "'abc'", true],
  ['javascript', '`abc`', true],
  ['javascript', '`a${b}c`', false],
  ['javascript', "'a' + \"b\"", true],
  ['javascript', "'a' + b", false],
  ['javascript', 'null', true],
  ['javascript', 'undefined', true],
  ['javascript', '-1', true],
  ['javascript', "['a', 1]", true],
  ['typescript', "'a' as const", true],
  ['typescript', '`x${y}`', false],
  ['typescript', 'false', true],
  ['java', '"abc"', true],
  ['java', '"a" + "b"', true],
  ['java', '"a" + b', false],
  ['java', '42L', true],
  ['java', "'c'", true],
  ['java', 'null', true],
  ['java', 'b', false],
  ['go', '"abc"', true],
  ['go', '`raw`', true],
  ['go', '"a" + b', false],
  ['go', 'nil', true],
  ['go', '3.5', true],
  ['c', '"abc"', true],
  ['c', '"a" "b"', true],
  ['c', '"%" PRIu64 "\\n"', true],
  ['c', 'NULL', true], // the C grammar reads NULL as a null node
  ['c', 'buf', false],
  ['c', "'x'", true],
  ['cpp', 'nullptr', true],
  ['cpp', 'R"(raw)"', true],
  ['cpp', 'true', true],
  ['cpp', 'name.c_str()', false],
];

test.each(CASES)('%s: %s is literal: %s', async (language, arg, expected) => {
  const source = CALL[language](arg);
  const yes = rule({ language, query: QUERY[language], report: 'call', where: [{ capture: 'arg', literal: true }] });
  const no = rule({ language, query: QUERY[language], report: 'call', where: [{ capture: 'arg', literal: false }] });
  expect(await matches(yes, source)).toHaveLength(expected ? 1 : 0);
  expect(await matches(no, source)).toHaveLength(expected ? 0 : 1);
});
