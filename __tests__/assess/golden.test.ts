// For each language, a realistic file with several weaknesses, scanned with the rules of kb/sources: the
// findings (with their verified fixes), suppressed findings and rejected fixes must equal the golden JSON
// next to it. After a deliberate change (a new or edited rule), regenerate with
//   UPDATE_GOLDEN=1 npm test -- __tests__/assess/golden
// and review the diff of the .json files: every change there is a change in what users see.
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../src/logging/logger.js';
import { scanFiles } from '../../src/pipeline/scan-files.js';
import { kbSourcesRuleBook } from './kb-book.js';

const dir = path.join(import.meta.dirname, '..', 'data', 'assess');
const samples = ['python', 'javascript', 'typescript', 'java', 'go', 'c', 'cpp'].flatMap((lang) =>
  fs
    .readdirSync(path.join(dir, lang))
    .filter((f) => !f.endsWith('.json'))
    .map((f) => ({ lang, file: path.join(lang, f), path: `${lang}/${f.replace(/\.sample$/, '')}` })),
);

test('there is a sample for every language', () => {
  expect(new Set(samples.map((s) => s.lang)).size).toBe(7);
});

test.each(samples.map((s) => [s.path, s] as const))('%s', async (_name, sample) => {
  const text = fs.readFileSync(path.join(dir, sample.file));
  const result = await scanFiles({
    paths: [sample.path],
    source: { read: async (p) => (p === sample.path ? text : undefined) },
    logger: silentLogger,
    assessment: { rules: kbSourcesRuleBook() },
  });
  const actual = { findings: result.findings, suppressed: result.suppressed, rejectedFixes: result.rejectedFixes };
  const goldenFile = path.join(dir, `${sample.file.replace(/\.sample$/, '')}.json`);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenFile, JSON.stringify(actual, null, 2) + '\n');
  expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(fs.readFileSync(goldenFile, 'utf8')));

  // What the samples are for: several weaknesses, fixes that pass verification, none rejected.
  expect(result.findings.length).toBeGreaterThanOrEqual(3);
  expect(result.findings.filter((f) => f.fix?.verified).length).toBeGreaterThanOrEqual(2);
  expect(result.rejectedFixes).toEqual([]);
  for (const f of result.findings) {
    expect(f.guidelines.length).toBeGreaterThan(0);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{20}$/);
    if (f.fix) {
      // The suggestion replaces whole lines inside the finding's unit.
      const unit = result.units.find((u) => u.name === f.unit)!;
      expect(f.fix.startLine).toBeGreaterThanOrEqual(unit.startLine);
      expect(f.fix.endLine).toBeLessThanOrEqual(unit.endLine);
    }
  }
});
