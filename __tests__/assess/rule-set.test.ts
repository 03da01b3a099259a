// The anchor shortcut of rule sets never changes results: on every sample, runRuleSet equals runRules.
import fs from 'node:fs';
import path from 'node:path';
import { compileRuleSet, liveRules, runRuleSet } from '../../src/assess/rules/rule-set.js';
import { runRules } from '../../src/assess/rules/run.js';
import { grammarOf, languageOf } from '../../src/code/languages.js';
import { parse } from '../../src/code/parser.js';
import { kbSourcesRuleBook } from './kb-book.js';
import { rule } from './rule-helpers.js';
import { compileRule } from '../../src/assess/rules/engine.js';

const dir = path.join(import.meta.dirname, '..', 'data', 'assess');
const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.endsWith('.json') && !f.endsWith('.md') && f.includes('/'));

test.each(files)('%s: same matches with and without anchors', async (file) => {
  const name = file.replace(/\.sample$/, '');
  const language = languageOf(name)!;
  const grammar = grammarOf(name, language);
  const source = fs.readFileSync(path.join(dir, file), 'utf8');
  const rules = await kbSourcesRuleBook().rulesFor(language);
  const set = compileRuleSet(rules, grammar);
  expect(liveRules(set, source).length).toBeLessThan(rules.length);
  const tree = await parse(grammar, source);
  try {
    expect(runRuleSet(set, { grammar, tree, source })).toEqual(runRules(rules, { grammar, tree, source }));
  } finally {
    tree.delete();
  }
});

test('anchors come from #eq? and #any-of? of every pattern; a pattern without one leaves the rule always live', async () => {
  const anchored = await compileRule(rule({ language: 'python', report: 'c', query: '((call function: (identifier) @f) @c (#any-of? @f "evil" "vile"))\n((call function: (attribute attribute: (identifier) @m)) @c (#eq? @m "run"))' }));
  const open = await compileRule(rule({ language: 'python', report: 'c', query: '((call function: (identifier) @f) @c (#match? @f "^ev"))' }));
  const set = compileRuleSet([anchored, open], 'python');
  expect(set.anchors.get(anchored)).toEqual(['evil', 'vile', 'run']);
  expect(set.anchors.get(open)).toBeUndefined();
  expect(liveRules(set, 'x = runner(1)')).toEqual([open]);
  expect(liveRules(set, 'subprocess.run(x)')).toEqual([anchored, open]);
});
