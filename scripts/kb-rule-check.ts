// Checks KB rules against their own tests with the full rule engine (where constraints and fix templates),
// for authors: npx tsx scripts/kb-rule-check.ts kb/sources/CWE-89.yaml ...   (no arguments: every source)
// Prints one line per rule: OK, or FAIL with each reason; exits 1 when any rule fails.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { cweSourceSchema } from '../src/kb/source-schema.js';
import { checkRule } from '../src/assess/rules/engine.js';

const args = process.argv.slice(2);
const files = args.length > 0
  ? args
  : fs.readdirSync('kb/sources').filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join('kb/sources', f));
let failed = 0;
for (const file of files) {
  const parsed = cweSourceSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.log(`${file}: SCHEMA ${parsed.error.message}`);
    failed++;
    continue;
  }
  const guidelines = new Set(parsed.data.guidelines.map((g) => g.id));
  for (const rule of parsed.data.rules) {
    const check = await checkRule(rule);
    const problems = [...check.problems];
    if (!guidelines.has(rule.guideline)) problems.unshift(`cites ${rule.guideline}, which this source does not define`);
    if (problems.length === 0) console.log(`OK    ${rule.id}`);
    else {
      failed++;
      console.log(`FAIL  ${rule.id}`);
      for (const p of problems) console.log(p.split('\n').map((l) => `      ${l}`).join('\n'));
    }
    for (const w of check.warnings) console.log(`      warning: ${w}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
