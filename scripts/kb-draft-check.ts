// Draft checker for KB authors until `rescue kb verify` exists: schema, query compilation, and whether each
// rule's query (standard predicates only; `where` constraints NOT evaluated) matches its positive and negative
// snippets, and whether examples parse. Usage: npx tsx scripts/kb-draft-check.ts kb/sources/CWE-89.yaml ...
import { Query } from 'web-tree-sitter';
import YAML from 'yaml';
import fs from 'node:fs';
import { parse, loadLanguage } from '../src/code/parser.js';
import { cweSourceSchema } from '../src/kb/source-schema.js';
import { attachTopLevelPredicates } from '../src/assess/rules/query-text.js';

let problems = 0;
for (const file of process.argv.slice(2)) {
  let doc;
  try {
    doc = cweSourceSchema.parse(YAML.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    console.log(`${file}: SCHEMA ${e instanceof Error ? e.message : e}`);
    problems++;
    continue;
  }
  const gids = new Set(doc.guidelines.map((g) => g.id));
  for (const r of doc.rules) {
    if (!gids.has(r.guideline)) { console.log(`${file} ${r.id}: unknown guideline ${r.guideline}`); problems++; }
    let q: Query;
    try {
      q = new Query(await loadLanguage(r.language), attachTopLevelPredicates(r.query));
    } catch (e) {
      console.log(`${file} ${r.id}: QUERY ${e instanceof Error ? e.message : e}`);
      problems++;
      continue;
    }
    if (!q.captureNames.includes(r.report)) { console.log(`${file} ${r.id}: report capture @${r.report} not in query`); problems++; }
    for (const k of ['positive', 'negative'] as const) {
      const t = await parse(r.language, r.tests[k]);
      const hits = q.matches(t.rootNode).filter((m) => m.captures.some((c) => c.name === r.report)).length;
      if (t.rootNode.hasError) console.log(`${file} ${r.id}: ${k} snippet has parse errors`);
      const where = r.where.length ? ' (where not evaluated)' : '';
      if (k === 'positive' && hits === 0) { console.log(`${file} ${r.id}: positive does NOT match`); problems++; }
      if (k === 'negative' && hits > 0) console.log(`${file} ${r.id}: negative matches query${where}`);
      t.delete();
    }
  }
  for (const [i, ex] of doc.examples.entries()) {
    for (const k of ['vulnerable', 'secure'] as const) {
      const t = await parse(ex.language, ex[k]);
      if (t.rootNode.hasError) { console.log(`${file} example ${i} (${ex.language}) ${k}: parse errors`); problems++; }
      t.delete();
    }
  }
  console.log(`${file}: ${doc.guidelines.length} guidelines, ${doc.rules.length} rules, ${doc.examples.length} examples`);
}
process.exit(problems ? 1 : 0);
