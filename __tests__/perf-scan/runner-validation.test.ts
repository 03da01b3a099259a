// The runner checks rules from the combined query that holds them instead of compiling each rule's own
// query: it must find the same broken rules, with the same reasons, as compiling each rule alone, and run
// the others as their own queries would. Broken rules of every kind sit between good ones, including
// texts that compile only in company (a predicate naming another rule's capture, a bracket the next rule
// closes), and every KB rule is checked that way against its own query.
import type { KbRule } from '../../src/kb/model.js';
import type { Grammar } from '../../src/code/languages.js';
import { getParser, loadLanguage, parse } from '../../src/code/parser.js';
import { lazyRuleRunner } from '../../src/assess/rule-runner.js';
import { PrefilterSet } from '../../src/assess/rules/prefilter-set.js';
import { prefilterOf } from '../../src/assess/rules/prefilter-store.js';
import { compileLoaded, type LoadedGrammar } from '../../src/assess/rules/compile.js';
import { runRules } from '../../src/assess/rules/run.js';
import type { CompiledRule } from '../../src/assess/rules/types.js';
import { kbSourcesRuleBook } from '../assess/kb-book.js';

async function loadedOf(grammar: Grammar): Promise<Map<Grammar, LoadedGrammar>> {
  return new Map([[grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) }]]);
}

function rule(id: string, query: string, extra: Partial<KbRule> = {}): KbRule {
  return {
    id,
    cwe: 'CWE-1',
    language: 'python',
    guideline: 'g',
    message: 'm',
    severity: 'low',
    confidence: 'low',
    query,
    report: 'c',
    where: [],
    tests: { positive: '', negative: '' },
    ...extra,
  } as KbRule;
}

const SOURCE = 'import os\nos.system("ls " + name)\nx = eval(data)\nprint("hi")\n';

const RULES: KbRule[] = [
    rule('good-call', '(call function: (identifier) @f) @c'),
    rule('bad-node', '(call function: (no_such_node) @f) @c'),
    rule('good-attr', '(call function: (attribute) @f) @c', { where: [{ capture: 'f', notInside: ['lambda'] } as never] }),
    rule('bad-report', '(string) @s'),
    rule('borrowed-capture', '((identifier) @c (#eq? @f "os"))'),
    rule('opens', '((call) @c'),
    rule('closes', '(string) @c)'),
    rule('bad-regex', '(call) @c', { where: [{ unitLacks: '(' } as never] }),
    rule('bad-where-type', '(call) @c', { where: [{ capture: 'c', inside: ['no_such_type'] } as never] }),
    rule('fix-capture', '(call) @c', { fix: { description: 'd', edits: [{ capture: 'nope', replace: 'x' }], imports: [] } as never }),
    rule('good-two', '(string) @c\n; a comment\n(integer) @c'),
    rule('good-last', '((identifier) @c (#eq? @c "eval"))'),
];

// Without bad-node the combined query compiles and checks the others; without opens and closes too, its
// patterns line up with the rules.
test.each([
  ['every rule', []],
  ['all but the one that does not compile', ['bad-node']],
  ['rules whose patterns line up', ['bad-node', 'opens', 'closes']],
])('broken rules among good ones (%s): the same as compiling each alone', async (_name, without) => {
  const rules = RULES.filter((r) => !without.includes(r.id));
  const loaded = await loadedOf('python');
  const expected = new Map<string, string>();
  const alone: CompiledRule[] = [];
  for (const r of rules) {
    try {
      alone.push(compileLoaded(r, loaded));
    } catch (e) {
      expected.set(r.id, (e as Error).message);
    }
  }
  const bad = ['bad-node', 'bad-regex', 'bad-report', 'bad-where-type', 'borrowed-capture', 'closes', 'fix-capture', 'opens'];
  expect([...expected.keys()].sort()).toEqual(bad.filter((id) => !without.includes(id)).sort());

  const broken = new Map<string, string>();
  const runner = lazyRuleRunner(rules, 'python', loaded, broken, new PrefilterSet(rules.map(prefilterOf)));
  const tree = await parse('python', SOURCE);
  try {
    for (const round of [1, 2]) {
      const matches = runner.run({ grammar: 'python', tree, source: SOURCE });
      expect({ round, broken: new Map([...broken].sort()) }).toEqual({ round, broken: new Map([...expected].sort()) });
      expect(matches).toEqual(runRules(alone, { grammar: 'python', tree, source: SOURCE }));
      expect(matches.length).toBeGreaterThan(3);
    }
    expect(runner.rules.map((r) => r.id).sort()).toEqual(alone.map((r) => r.id).sort());
  } finally {
    tree.delete();
  }
});

test.each(['python', 'javascript', 'typescript', 'tsx', 'java', 'go', 'c', 'cpp'] as Grammar[])(
  'every KB rule of %s checked from one combined query runs as its own query does',
  async (grammar) => {
    const book = kbSourcesRuleBook();
    const language = grammar === 'tsx' ? 'typescript' : grammar;
    const sources = book.document!.cwes.flatMap((c) => c.rules).filter((r) => r.language === language);
    // All positive snippets in one text: every rule is live, so one combined query holds them all.
    const source = sources.map((r) => r.tests.positive).join('\n');
    const loaded = await loadedOf(grammar);
    const broken = new Map<string, string>();
    const runner = lazyRuleRunner(sources, grammar, loaded, broken, new PrefilterSet(sources.map(prefilterOf)));
    const tree = await parse(grammar, source);
    try {
      const matches = runner.run({ grammar, tree, source });
      expect(broken).toEqual(new Map());
      expect(runner.rules.length).toBe(sources.length);
      const alone = sources.map((r) => compileLoaded(r, loaded));
      expect(matches).toEqual(runRules(alone, { grammar, tree, source }));
      expect(new Set(matches.map((m) => m.ruleId)).size).toBeGreaterThan(sources.length / 2);
    } finally {
      tree.delete();
    }
  },
);
