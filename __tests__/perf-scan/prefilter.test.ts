// Prefilters never drop a rule that could match: the literals of a regex are in every string it matches,
// every KB rule is live on its own positive snippet, and a scan with prefilters, lazy compilation and
// combined queries gives what running every rule one by one gives.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { Query } from 'web-tree-sitter';
import { cweSourceSchema, type RuleSource } from '../../src/kb/source-schema.js';
import { requiredLiterals } from '../../src/assess/rules/regex-literals.js';
import { NeedleIndex, rulePrefilter, unescapeQueryString } from '../../src/assess/rules/prefilter.js';
import { attachTopLevelPredicates } from '../../src/assess/rules/query-text.js';
import { grammarsOf } from '../../src/assess/rules/compile.js';
import { loadLanguage } from '../../src/code/parser.js';

const dir = path.join(process.cwd(), 'kb', 'sources');
const rules: RuleSource[] = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const parsed = cweSourceSchema.safeParse(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (parsed.success) rules.push(...parsed.data.rules);
}

/** Every `#match?` regex of the KB's queries and every `where` value regex. */
function kbRegexes(): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    for (const m of r.query.matchAll(/\(#(?:not-)?(?:any-)?match\?\s+@[\w.-]+\s+("(?:[^"\\]|\\.)*")/g)) out.add(unescapeQueryString(m[1]!));
    for (const c of r.where) if ('value' in c && c.value !== undefined) out.add(c.value);
  }
  return [...out];
}

test('the literals of a regex: conservative on hand-picked cases', () => {
  expect(requiredLiterals('^(exec|system)$')).toEqual(['exec', 'system']);
  expect(requiredLiterals('password|secret')).toEqual(['password', 'secret']);
  expect(requiredLiterals('^request\\.(args|form)')).toEqual(['request.args', 'request.form']);
  expect(requiredLiterals('[Pp]assword')).toEqual(['Password', 'password']);
  expect(requiredLiterals('^ev')).toBeUndefined(); // too short to filter anything
  expect(requiredLiterals('a.*b|c')).toBeUndefined();
  expect(requiredLiterals('(foo)?bar')).toEqual(['foobar', 'bar']);
  expect(requiredLiterals('x\\u{41}')).toEqual(['x' + 'u'.repeat(41)]); // no `u` flag: `u` 41 times
  expect(requiredLiterals('(?=secret)\\w+')).toBeUndefined();
  expect(requiredLiterals('[')).toBeUndefined();
});

test.each(kbRegexes())('every string %j matches contains one of its literals', (source) => {
  const literals = requiredLiterals(source);
  if (!literals) return;
  const re = new RegExp(source);
  // fast-check generates from a subset of regex syntax: without `\b` it covers the KB's; else no samples.
  let matching: fc.Arbitrary<string>;
  try {
    matching = fc.stringMatching(new RegExp(source.replace(/\\b/g, '')));
  } catch {
    return;
  }
  fc.assert(
    fc.property(matching, fc.string(), fc.string(), (s, before, after) => {
      const text = before + s + after;
      if (!re.test(text)) return true;
      return literals.some((l) => text.includes(l));
    }),
    { numRuns: 200 },
  );
});

test.each(rules.map((r) => [r.id, r] as const))('%s is live on its positive snippet, and its patterns are what tree-sitter counts', async (_id, rule) => {
  const prefilter = rulePrefilter(rule);
  expect(new NeedleIndex(rule.tests.positive).passes(prefilter)).toBe(true);
  if (rule.tests.fixed !== undefined) new NeedleIndex(rule.tests.fixed).passes(prefilter); // must not throw
  if (prefilter) {
    const language = await loadLanguage(grammarsOf(rule)[0]!);
    expect(prefilter.length).toBe(new Query(language, attachTopLevelPredicates(rule.query)).patternCount());
  }
});

test('needles: words as whole words, others as substrings', () => {
  const pf = rulePrefilter({ query: '((call function: (identifier) @f) @c (#eq? @f "run") (#match? @c "shell=True"))', where: [] })!;
  expect(new NeedleIndex('run(x, shell=True)').passes(pf)).toBe(true);
  expect(new NeedleIndex('runner(x, shell=True)').passes(pf)).toBe(false);
  expect(new NeedleIndex('run(x, shell=False)').passes(pf)).toBe(false);
  // #eq? on a capture that may be unbound passes in web-tree-sitter: it gives no needle.
  expect(rulePrefilter({ query: '((call function: (identifier)? @f) @c (#eq? @f "run"))', where: [] })).toBeUndefined();
  expect(rulePrefilter({ query: '((call function: [(identifier) @f (attribute)]) @c (#eq? @f "run"))', where: [] })).toBeUndefined();
  // resolvesTo: the last segment of the name, as a substring.
  const resolved = rulePrefilter({ query: '(call function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['subprocess.check_output'] }] })!;
  expect(new NeedleIndex('from subprocess import check_output as co\nco(x)').passes(resolved)).toBe(true);
  expect(new NeedleIndex('import subprocess\nsubprocess.run(x)').passes(resolved)).toBe(false);
  expect(rulePrefilter({ query: '(call function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['java.lang.*'] }] })).toBeUndefined();
});
