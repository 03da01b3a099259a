// The fast scan path gives the results of the plain one: the rule book's runner (prefilters, lazy
// compilation, combined queries) equals every rule run one by one, and scanFiles (one parse per file)
// equals unit extraction followed by assessUnits (over the files some rule could match: the scan does not
// parse the others), on a mixed corpus and on the assessment samples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assessUnits, type AssessFile } from '../../src/assess/assess.js';
import { runRules } from '../../src/assess/rules/run.js';
import { grammarOf, languageOf } from '../../src/code/languages.js';
import { parse } from '../../src/code/parser.js';
import type { Unit } from '../../src/code/unit.js';
import { extractUnits } from '../../src/code/units.js';
import { silentLogger } from '../../src/logging/logger.js';
import { localFileSource } from '../../src/pipeline/local-source.js';
import { scanFiles } from '../../src/pipeline/scan-files.js';
import { walkFiles } from '../../src/pipeline/walk-files.js';
import { createRuleBook } from '../../src/assess/rule-book.js';
import { writeCorpus } from '../../bench/scenarios/scan-vs-bandit.js';
import { kbSourcesRuleBook } from '../assess/kb-book.js';

const samples = path.join(import.meta.dirname, '..', 'data', 'assess');

function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-scan-eq-'));
  writeCorpus(dir, 84);
  for (const f of fs.readdirSync(samples, { recursive: true, encoding: 'utf8' })) {
    const name = f.replace(/\.sample$/, '');
    if (!f.includes('/') || !languageOf(name)) continue;
    fs.mkdirSync(path.join(dir, 'samples', path.dirname(name)), { recursive: true });
    fs.copyFileSync(path.join(samples, f), path.join(dir, 'samples', name));
  }
  return dir;
}

let dir: string;
beforeAll(() => {
  dir = corpus();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the runner equals every rule run one by one, file after file', async () => {
  const book = kbSourcesRuleBook();
  const { files } = await walkFiles(dir, ['.']);
  expect(files.length).toBeGreaterThan(84);
  for (const round of [1, 2]) {
    for (const file of files) {
      const language = languageOf(file)!;
      const grammar = grammarOf(file, language);
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const all = (await book.rulesFor(language)).filter((r) => r.queries.has(grammar));
      const runner = await book.runnerFor(grammar);
      const tree = await parse(grammar, source);
      try {
        const expected = runRules(all, { grammar, tree, source });
        expect({ round, file, matches: runner.run({ grammar, tree, source }) }).toEqual({ round, file, matches: expected });
        if (expected.length === 0) continue;
        const range = { startLine: expected[0]!.startLine, endLine: expected[0]!.endLine + 3 };
        expect(runner.run({ grammar, tree, source, range })).toEqual(runRules(all, { grammar, tree, source, range }));
      } finally {
        tree.delete();
      }
    }
  }
});

test('scanFiles equals extracting units, then assessing them', async () => {
  const book = kbSourcesRuleBook();
  const fresh = createRuleBook(book.document!);
  const { files } = await walkFiles(dir, ['.']);
  const scanned = await scanFiles({ paths: files, source: localFileSource(dir), logger: silentLogger, assessment: { rules: fresh }, workers: 0 });

  const units: Unit[] = [];
  const texts = new Map<string, AssessFile>();
  let withoutCandidates = 0;
  for (const file of files) {
    const language = languageOf(file)!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // A file no rule could match is not parsed by the scan: it has no units there.
    if (!(await book.runnerFor(grammarOf(file, language))).mayMatch(text)) {
      withoutCandidates++;
      continue;
    }
    const extraction = await extractUnits({ path: file, language, text });
    units.push(...extraction.units);
    if (extraction.units.length) texts.set(file, { text, language });
  }
  units.sort((a, b) => (a.path === b.path ? a.startLine - b.startLine : a.path < b.path ? -1 : 1));
  const assessed = await assessUnits({ units, files: texts, rules: book, mode: 'scan' });
  expect(scanned.units).toEqual(units);
  expect(scanned.stats.filesWithoutCandidateRules).toBe(withoutCandidates);
  expect(scanned.findings.length).toBeGreaterThan(20);
  expect(scanned.findings).toEqual(assessed.findings);
  expect(scanned.suppressed).toEqual(assessed.suppressed);
  expect(scanned.rejectedFixes).toEqual(assessed.rejectedFixes);
  expect(scanned.belowThreshold).toBe(assessed.belowThreshold);
});
