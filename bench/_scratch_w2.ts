// Throwaway authoring helper (never committed).
import YAML from 'yaml';
import fs from 'node:fs';
import { parse } from '../src/code/parser.js';
import { cweSourceSchema } from '../src/kb/source-schema.js';
import { compileRule } from '../src/assess/rules/compile.js';
import { runRules } from '../src/assess/rules/run.js';

const [mode, ...args] = process.argv.slice(2);

function lcsDiff(a: string[], b: string[]): [number[], number[]] {
  const n = a.length, m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
    dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const da: number[] = [], db: number[] = [];
  let i = 0, j = 0; const ins: number[] = [];
  while (i < n && j < m) {
    if (a[i] === b[j]) { i++; j++; }
    else if (dp[i + 1][j] >= dp[i][j + 1]) { da.push(i + 1); i++; }
    else { db.push(j + 1); ins.push(i + 1); j++; }
  }
  while (i < n) da.push(++i);
  while (j < m) { db.push(++j); ins.push(n); }
  if (da.length === 0) da.push(...new Set(ins.map((x) => Math.min(Math.max(x, 1), n))));
  return [da, db];
}

if (mode === 'tree') {
  const src = fs.readFileSync(args[1]!, 'utf8');
  const t = await parse(args[0] as any, src);
  console.log(t.rootNode.toString());
} else {
  let fixLines = mode === 'fixlines';
  let fixMod: any;
  try { fixMod = await import('../src/assess/rules/fix.js'); } catch { fixMod = undefined; }
  for (const file of args) {
    const raw = fs.readFileSync(file, 'utf8');
    const doc = cweSourceSchema.parse(YAML.parse(raw));
    const counts: Record<string, number> = {};
    let fixes = 0;
    for (const r of doc.rules) {
      counts[r.language] = (counts[r.language] ?? 0) + 1;
      if (r.fix) fixes++;
      let cr;
      try { cr = await compileRule(r); } catch (e) { console.log(`  ${r.id}: COMPILE ${(e as Error).message}`); continue; }
      for (const g of cr.queries.keys()) {
        for (const k of ['positive', 'negative'] as const) {
          const src = r.tests[k];
          const tree = await parse(g, src);
          if (tree.rootNode.hasError) console.log(`  ${r.id} [${g}] ${k}: PARSE ERROR`);
          const ms = runRules([cr], { grammar: g, tree, source: src });
          if (k === 'positive' && ms.length === 0) console.log(`  ${r.id} [${g}] positive: NO MATCH`);
          if (k === 'negative' && ms.length > 0) console.log(`  ${r.id} [${g}] negative: MATCHES line ${ms[0]!.startLine}`);
          if (k === 'positive' && r.fix && ms.length > 0) {
            if (!fixMod) { console.log(`  ${r.id}: fix module unavailable`); }
            else {
              const res = fixMod.applyFix(cr, ms[0], src);
              if ('error' in res) console.log(`  ${r.id} [${g}] FIX ERROR ${res.error}`);
              else {
                if (res.text !== r.tests.fixed) console.log(`  ${r.id} [${g}] FIXED DIFFERS:\n----got----\n${res.text}----want----\n${r.tests.fixed}`);
                const t2 = await parse(g, res.text);
                if (t2.rootNode.hasError) console.log(`  ${r.id} [${g}] fixed: PARSE ERROR`);
                if (runRules([cr], { grammar: g, tree: t2, source: res.text }).length) console.log(`  ${r.id} [${g}] fixed: STILL FIRES`);
              }
            }
          }
          if (k === 'positive' && r.fix && !r.tests.fixed) console.log(`  ${r.id}: fix without tests.fixed`);
          tree.delete();
        }
      }
    }
    const gids = new Set(doc.guidelines.map((g) => g.id));
    for (const r of doc.rules) if (!gids.has(r.guideline)) console.log(`  ${r.id}: unknown guideline`);
    const ruleIds = doc.rules.map((r) => r.id); if (new Set(ruleIds).size !== ruleIds.length) console.log('  DUP rule ids');
    const exCount: Record<string, number> = {};
    const computed: [number[], number[]][] = [];
    for (const [i, ex] of doc.examples.entries()) {
      exCount[ex.language] = (exCount[ex.language] ?? 0) + 1;
      for (const k of ['vulnerable', 'secure'] as const) {
        const t = await parse(ex.language, ex[k]);
        if (t.rootNode.hasError) console.log(`  example ${i} (${ex.language}) ${k}: PARSE ERROR\n${t.rootNode.toString().slice(0, 3000)}`);
        const n = ex[k].replace(/\n$/, '').split('\n').length;
        if (n > 25) console.log(`  example ${i} ${k}: ${n} lines > 25`);
        t.delete();
      }
      for (const gid of ex.guidelines) if (!gids.has(gid)) console.log(`  example ${i}: unknown guideline ${gid}`);
      const a = ex.vulnerable.replace(/\n$/, '').split('\n'), b = ex.secure.replace(/\n$/, '').split('\n');
      const [da, db] = lcsDiff(a, b);
      computed.push([da, db]);
      if (JSON.stringify(da) !== JSON.stringify(ex.vulnerableLines) || JSON.stringify(db) !== JSON.stringify(ex.secureLines))
        console.log(`  example ${i} (${ex.language}) lines: declared ${JSON.stringify(ex.vulnerableLines)} / ${JSON.stringify(ex.secureLines)} computed ${JSON.stringify(da)} / ${JSON.stringify(db)}`);
    }
    if (fixLines) {
      let idx = 0, idx2 = 0;
      let out = raw.replace(/^(\s*)vulnerableLines: \[.*\]$/gm, (_m, sp) => `${sp}vulnerableLines: [${computed[idx++]![0].join(', ')}]`);
      out = out.replace(/^(\s*)secureLines: \[.*\]$/gm, (_m, sp) => `${sp}secureLines: [${computed[idx2++]![1].join(', ')}]`);
      if (idx === computed.length && idx2 === computed.length) fs.writeFileSync(file, out); else console.log('  fixlines: count mismatch, not written');
    }
    const causeWords = doc.cause.split(/\s+/).filter(Boolean).length;
    console.log(`${file}: guidelines ${doc.guidelines.length}, cause ${causeWords} words, rules ${doc.rules.length} ${JSON.stringify(counts)}, fixes ${fixes}, examples ${doc.examples.length} ${JSON.stringify(exCount)}`);
  }
}
