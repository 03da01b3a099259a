// throwaway author helper (w1): never committed
import YAML from 'yaml';
import fs from 'node:fs';
import { Query } from 'web-tree-sitter';
import { parse, loadLanguage } from '../src/code/parser.js';

const mode = process.argv[2];
if (mode === 'tree') {
  const lang = process.argv[3] as any;
  const src = fs.readFileSync(process.argv[4], 'utf8');
  const t = await parse(lang, src);
  console.log(t.rootNode.toString());
  process.exit(0);
}
function lcsDiff(a: string[], b: string[]) {
  const n = a.length, m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
    dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const da: number[] = [], db: number[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { i++; j++; }
    else if (dp[i + 1][j] >= dp[i][j + 1]) { da.push(i + 1); i++; }
    else { db.push(j + 1); j++; }
  }
  while (i < n) da.push(++i);
  while (j < m) db.push(++j);
  return [da, db];
}
function isLiteral(node: any, lang: string): boolean {
  const t = node.type;
  if (['integer', 'float', 'true', 'false', 'none', 'null', 'number', 'int_literal', 'float_literal', 'decimal_integer_literal', 'number_literal', 'nil'].includes(t)) return true;
  if (t === 'string' || t === 'string_literal' || t === 'interpreted_string_literal' || t === 'raw_string_literal' || t === 'template_string' || t === 'concatenated_string') {
    for (const c of node.descendantsOfType(['interpolation', 'template_substitution'])) if (c) return false;
    return true;
  }
  if (t === 'parenthesized_expression') return isLiteral(node.namedChildren[0], lang);
  if (t === 'binary_operator' || t === 'binary_expression') {
    return isLiteral(node.childForFieldName('left'), lang) && isLiteral(node.childForFieldName('right'), lang);
  }
  return false;
}
let bad = 0;
for (const file of process.argv.slice(3)) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  for (const [k, ex] of (doc.examples ?? []).entries()) {
    const a = ex.vulnerable.replace(/\n$/, '').split('\n'), b = ex.secure.replace(/\n$/, '').split('\n');
    const [da, db] = lcsDiff(a, b);
    const ok = JSON.stringify(da) === JSON.stringify(ex.vulnerableLines) && JSON.stringify(db) === JSON.stringify(ex.secureLines);
    if (!ok) { bad++; console.log(`${file} ex${k} ${ex.language}: declared ${JSON.stringify(ex.vulnerableLines)} ${JSON.stringify(ex.secureLines)} diff ${JSON.stringify(da)} ${JSON.stringify(db)}`); }
    if (a.length > 25 || b.length > 25) { bad++; console.log(`${file} ex${k}: too long ${a.length}/${b.length}`); }
  }
  for (const r of doc.rules ?? []) {
    const q = new Query(await loadLanguage(r.language), r.query);
    for (const k of ['positive', 'negative', 'fixed']) {
      if (!r.tests[k]) continue;
      const src = r.tests[k];
      const t = await parse(r.language, src);
      let hits = 0;
      for (const m of q.matches(t.rootNode)) {
        const cap = (n: string) => m.captures.find((c) => c.name === n)?.node;
        if (!cap(r.report)) continue;
        let ok = true;
        for (const w of r.where ?? []) {
          if ('literal' in w) { const n = cap(w.capture); if (!n || isLiteral(n, r.language) !== w.literal) ok = false; }
          if ('unitLacks' in w) { if (new RegExp(w.unitLacks).test(src)) ok = false; }
          if ('hasArgument' in w || 'lacksArgument' in w) {
            const n = cap(w.capture); const name = w.hasArgument ?? w.lacksArgument;
            const txt = n ? n.text : '';
            const re = new RegExp(`[\\s(,{]${name}\\s*[=:]\\s*${w.value ? '(' + w.value.replace(/^\^/, '').replace(/\$$/, '') + ')' : ''}`);
            const has = re.test(txt) || (!w.value && new RegExp(`[\\s(,{]${name}\\s*[,}]`).test(txt));
            if ('hasArgument' in w ? !has : has) ok = false;
          }
          if ('inside' in w || 'notInside' in w) {
            const n = cap(w.capture); let p = n?.parent; let found = false;
            while (p) { if ((w.inside ?? w.notInside).includes(p.type)) found = true; p = p.parent; }
            if ('inside' in w ? !found : found) ok = false;
          }
        }
        if (ok) hits++;
      }
      const want = k === 'positive' ? hits > 0 : hits === 0;
      if (!want) { bad++; console.log(`${file} ${r.id}: ${k} approx-where hits=${hits}`); }
      t.delete();
    }
  }
}
console.log(bad ? `${bad} problems` : 'ok');
