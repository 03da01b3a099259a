// A scan with rules does not parse a file that no rule of its grammar could match: the file is counted
// as scanned, has no units, and the stats say how many such files there were; the reports say that the
// units counted are those of the other files. Without rules every file is parsed, as before.
import { silentLogger } from '../../src/logging/logger.js';
import type { FileSource } from '../../src/pipeline/file-source.js';
import { scanFiles } from '../../src/pipeline/scan-files.js';
import { renderJson } from '../../src/report/findings-json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { fixtureRuleBook } from '../assess/kb-book.js';
import { rule } from '../assess/rule-helpers.js';

/** Fires on calls to `evil(...)`: only files that hold the word `evil` can match. */
const evilQuery = '((call function: (identifier) @f arguments: (argument_list) @args) @call (#eq? @f "evil"))';

const files: Record<string, string> = {
  'a/bad.py': 'def handler(request):\n    return evil(request.args["q"])\n',
  'a/clean.py': 'def one():\n    return 1\n\n\ndef two(:\n    return 2\n',
  'b/also-clean.py': 'def three():\n    return 3\n',
  'c/app.js': 'function evil(x) { return x; }\n',
};
const source: FileSource = { read: async (p) => (p in files ? Buffer.from(files[p]!) : undefined) };
const paths = Object.keys(files);

test('a file no rule could match is counted, not parsed, and has no units', async () => {
  const rules = fixtureRuleBook([rule({ language: 'python', query: evilQuery, report: 'call' })]);
  const result = await scanFiles({ paths, source, logger: silentLogger, assessment: { rules }, workers: 0 });
  expect(result.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['a/bad.py:2']);
  // The two Python files without `evil`, and the JavaScript file (no JavaScript rule at all).
  expect(result.stats).toMatchObject({ files: 4, units: 1, filesWithoutCandidateRules: 3 });
  expect(result.units.map((u) => `${u.path}:${u.name}`)).toEqual(['a/bad.py:handler']);
  // a/clean.py has a syntax error, which only a parse would have found.
  expect(result.parseErrors).toEqual([]);

  expect(JSON.parse(renderJson(result)).stats.filesWithoutCandidateRules).toBe(3);
  expect(renderText(result, { color: false })).toMatch(/1 finding in 1 unit of 4 files \(\d+ ms\); 3 of the files had nothing a rule looks for: not parsed, their units not counted\n$/);
  expect(renderMarkdown(result)).toContain('**1 finding** in 1 unit of 1 file; 0 sent to the model; 3 more files had nothing a rule looks for and were not parsed (no units counted).');
});

test('without rules every file is parsed, and the stat is absent', async () => {
  const result = await scanFiles({ paths, source, logger: silentLogger, workers: 0 });
  expect(result.stats.filesWithoutCandidateRules).toBeUndefined();
  expect(result.stats).toMatchObject({ files: 4, units: 5 });
  expect(result.parseErrors).toEqual(['a/clean.py']);
  expect(renderText(result, { color: false })).not.toContain('not parsed');
});

test('the decision does not depend on the rules compiled before: a rule that does not compile still makes its files candidates', async () => {
  const broken = rule({ language: 'python', query: '((call function: (identifier) @f) @call (#eq? @f "evil") (#eq? @nope "x"))', report: 'call' });
  const rules = fixtureRuleBook([broken]);
  const first = await scanFiles({ paths, source, logger: silentLogger, assessment: { rules }, workers: 0 });
  const again = await scanFiles({ paths, source, logger: silentLogger, assessment: { rules }, workers: 0 });
  expect(rules.broken.size).toBe(1);
  expect(again.units).toEqual(first.units);
  expect(again.stats.filesWithoutCandidateRules).toBe(first.stats.filesWithoutCandidateRules);
  expect(first.units.map((u) => u.path)).toEqual(['a/bad.py']);
});

test('the rules a file may match, worked out where it is read, are what the runner would work out itself', async () => {
  const other = '((call function: (identifier) @f) @call (#eq? @f "harmless"))';
  const rules = fixtureRuleBook([
    rule({ id: 'r.evil', language: 'python', query: evilQuery, report: 'call' }),
    rule({ id: 'r.harmless', language: 'python', query: other, report: 'call' }),
  ]);
  const texts = ['x = evil(1)\n', 'y = harmless(2)\n', 'z = evil(harmless(3))\n', 'w = 4\n', 'EVIL(5)\n'];
  expect(texts.map((t) => rules.candidates('python', t))).toEqual([[0], [1], [0, 1], [], []]);
  for (const t of texts) expect(rules.candidates('python', t).length > 0).toBe(rules.mayMatch('python', t));
  // Told them, the runner takes them for that text (here deliberately not the text's own: none).
  const runner = await rules.runnerFor('python');
  runner.remember(texts[0]!, []);
  expect(runner.mayMatch(texts[0]!)).toBe(false);
  expect(runner.mayMatch(texts[2]!)).toBe(true);
});
