// Every rule of every kb/sources/*.yaml against its own tests, with the full engine (constraints and fix).
// This is the test knowledge-base authors run: `npm test -- __tests__/assess/kb-rules`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { cweSourceSchema, type RuleSource } from '../../src/kb/source-schema.js';
import { checkRule } from '../../src/assess/rules/engine.js';

const dir = path.join(process.cwd(), 'kb', 'sources');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

interface Case { file: string; guidelines: Set<string>; rule: RuleSource }
const cases: Case[] = [];
const schemaErrors: [string, string][] = [];
for (const file of files) {
  const parsed = cweSourceSchema.safeParse(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (!parsed.success) {
    schemaErrors.push([file, parsed.error.message]);
    continue;
  }
  const guidelines = new Set(parsed.data.guidelines.map((g) => g.id));
  for (const rule of parsed.data.rules) cases.push({ file, guidelines, rule });
}

test('kb/sources has sources with rules', () => {
  expect(files.length).toBeGreaterThan(0);
  expect(cases.length).toBeGreaterThan(0);
});

test.each(files)('%s matches the source schema', (file) => {
  expect(schemaErrors.filter(([f]) => f === file).map(([, e]) => e)).toEqual([]);
});

test('rule ids are unique', () => {
  const ids = cases.map((c) => c.rule.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test.each(cases.map((c) => [c.rule.id, c] as const))('%s', async (_id, c) => {
  const problems: string[] = [];
  if (!c.guidelines.has(c.rule.guideline)) problems.push(`cites ${c.rule.guideline}, which ${c.file} does not define`);
  const check = await checkRule(c.rule);
  problems.push(...check.problems);
  expect(problems).toEqual([]);
});
