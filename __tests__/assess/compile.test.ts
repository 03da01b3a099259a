import { compileRule } from '../../src/assess/rules/engine.js';
import { rule } from './rule-helpers.js';

test('a query that does not compile names the rule, the grammar and the offset', async () => {
  const r = rule({ language: 'python', query: '(call function: (identifer) @fn) @call', report: 'call' });
  await expect(compileRule(r)).rejects.toThrow(new RegExp(`rule ${r.id.replace(/\./g, '\\.')}: query does not compile for the python grammar at offset 17 \\(line 1, column 18\\): Bad node name 'identifer'`));
});

test('a syntax error gives its line and column in the query', async () => {
  await expect(compileRule(rule({ language: 'go', query: '(call_expression\n  function: (identifier) @fn', report: 'fn' })))
    .rejects.toThrow(/line 2, column \d+/);
});

test('a TypeScript rule compiles for both grammars', async () => {
  const c = await compileRule(rule({ language: 'typescript', query: '(call_expression) @c', report: 'c' }));
  expect([...c.queries.keys()]).toEqual(['typescript', 'tsx']);
});

test.each([
  ['report', { report: 'nope' }, /report names capture @nope, which the query does not define \(it defines @fn, @call\)/],
  ['where', { where: [{ capture: 'args', literal: true }] }, /where names capture @args/],
  ['fix', { fix: { description: 'a fix', edits: [{ capture: 'x', delete: true as const }], imports: [] } }, /fix names capture @x/],
  ['fix template', { fix: { description: 'a fix', edits: [{ capture: 'fn', replace: '{{ mod }}.safe' }], imports: [] } }, /fix template names capture @mod/],
  ['regex', { where: [{ unitLacks: 'a(' }] }, /unitLacks is not a valid regular expression/],
  ['node type', { where: [{ capture: 'call', inside: ['try_stmt'] }] }, /node type try_stmt, which the python grammar does not have/],
])('%s errors are clear', async (_what, partial, message) => {
  const r = rule({ language: 'python', query: '(call function: (identifier) @fn) @call', report: 'call', ...partial });
  await expect(compileRule(r)).rejects.toThrow(message);
});
