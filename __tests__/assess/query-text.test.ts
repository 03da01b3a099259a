import { Query } from 'web-tree-sitter';
import { attachTopLevelPredicates } from '../../src/assess/rules/query-text.js';
import { loadLanguage, parse } from '../../src/code/parser.js';

test('a predicate after its pattern is moved into the pattern group', () => {
  expect(attachTopLevelPredicates('(call function: (identifier) @fn) @call\n(#eq? @fn "load")')).toBe(
    '((call function: (identifier) @fn) @call\n (#eq? @fn "load"))',
  );
});

test('queries already grouped, or without predicates, are unchanged', () => {
  for (const q of ['((call) @c (#eq? @c "x"))', '(call) @c', '[(a) (b)] @x', '(call arguments: (argument_list . (string)))']) {
    expect(attachTopLevelPredicates(q)).toBe(q);
  }
});

test('several patterns each keep their own predicates; strings and comments do not confuse the split', () => {
  const q = '; a comment with (#eq? inside)\n(call function: (identifier) @a) @x\n(#eq? @a "f)(")\n(#not-eq? @a "g")\n(string) @s\n(#match? @s "^\\"[(]")';
  const out = attachTopLevelPredicates(q);
  expect(out).toContain('((call function: (identifier) @a) @x\n (#eq? @a "f)(")\n (#not-eq? @a "g"))');
  expect(out).not.toContain('inside)');
  expect(out).toContain('((string) @s\n (#match? @s "^\\"[(]"))');
});

test('the attached predicate really filters matches (tree-sitter ignores it at top level)', async () => {
  const language = await loadLanguage('python');
  const tree = await parse('python', 'cur.execute(q)\nyaml.load(f)\n');
  const raw = '(call function: (attribute attribute: (identifier) @fn)) @call\n(#eq? @fn "load")';
  const hits = (q: string) => new Query(language, q).matches(tree.rootNode).filter((m) => m.captures.length).length;
  expect(hits(raw)).toBe(2);
  expect(hits(attachTopLevelPredicates(raw))).toBe(1);
  tree.delete();
});
