import { parse } from '../src/code/parser.js';
import fs from 'node:fs';
import YAML from 'yaml';
const [mode, a, b] = process.argv.slice(2);
function pr(n: any, d: number, field: string | null) {
  if (!n.isNamed) return;
  const txt = n.childCount === 0 ? ' ' + JSON.stringify(n.text) : '';
  console.log('  '.repeat(d) + (field ? field + ': ' : '') + n.type + txt);
  for (let i = 0; i < n.childCount; i++) pr(n.child(i), d + 1, n.fieldNameForChild(i));
}
function lcsDiff(x: string[], y: string[]) {
  const n = x.length, m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
    L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const dx: number[] = [], dy: number[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { i++; j++; } else if (L[i + 1][j] >= L[i][j + 1]) { dx.push(i + 1); i++; } else { dy.push(j + 1); j++; }
  }
  while (i < n) dx.push(++i);
  while (j < m) dy.push(++j);
  return [dx, dy];
}
if (mode === 'tree') {
  const t = await parse(a as any, fs.readFileSync(b, 'utf8'));
  pr(t.rootNode, 0, null);
} else if (mode === 'lines') {
  for (const f of process.argv.slice(3)) {
    const doc = YAML.parse(fs.readFileSync(f, 'utf8'));
    for (const [k, ex] of doc.examples.entries()) {
      const v = ex.vulnerable.replace(/\n$/, '').split('\n'), s = ex.secure.replace(/\n$/, '').split('\n');
      const [dx, dy] = lcsDiff(v, s);
      const ok = JSON.stringify(dx) === JSON.stringify(ex.vulnerableLines) && JSON.stringify(dy) === JSON.stringify(ex.secureLines);
      const long = v.length > 25 || s.length > 25 ? ` TOO LONG ${v.length}/${s.length}` : '';
      console.log(`${f} ex${k} ${ex.language}: ${ok ? 'ok' : `MISMATCH declared ${JSON.stringify(ex.vulnerableLines)} ${JSON.stringify(ex.secureLines)} diff ${JSON.stringify(dx)} ${JSON.stringify(dy)}`}${long}`);
    }
  }
}
