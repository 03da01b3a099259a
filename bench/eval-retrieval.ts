// Retrieval evaluation on the development data: `npm run eval:retrieval -- --data ../shared/data`.
// SecCodePLT (task description + vulnerable function, gold CWE) and CyberSecEval instruct (prompt +
// vulnerable excerpt): hit@1, hit@4 and MRR at the CWE level over the items whose gold CWE, or a parent or
// child of it (MITRE catalogue, ChildOf in any view, and the KB's parents), is in the KB; the same for exact
// matches over the items whose gold CWE itself is in the KB; and the gate: the share of vulnerable and of
// SecCodePLT fixed functions that retrieval marks security-relevant. Ablations in the same table.
// Options: --kb DIR, --seed N (the calibration split), --per-cwe (which CWEs retrieve badly).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { thresholdsFor, calibration } from '../src/retrieve/calibration.js';
import type { FacetName } from '../src/retrieve/facet-names.js';
import { retrieveFromFacets } from '../src/retrieve/retrieve.js';
import { loadBenign, loadHierarchy, loadItems, requireData, splitOf } from './retrieval-data.js';
import { evaluate, pct, perCwe, prepare, type Prepared } from './retrieval-metrics.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    kb: { type: 'string' },
    seed: { type: 'string' },
    'per-cwe': { type: 'boolean' },
  },
});
const dataDir = path.resolve(root, values.data!);
requireData(dataDir);
const seed = Number(values.seed ?? calibration.seed);
const kb = loadKnowledgeBase(values.kb ? path.resolve(root, values.kb) : undefined);
const related = loadHierarchy(dataDir, kb);
const t0 = performance.now();
const { items, skipped } = await loadItems(kb, dataDir);
const benignItems = await loadBenign(kb, root);
const prepared = prepare(kb, [...items, ...benignItems], related);
const benign = prepared.filter((p) => p.item.dataset === 'benign');
const allThresholds = thresholdsFor(kb.vectors?.set.model);
const thresholds = allThresholds.cwe;
const gate = allThresholds.gate;

const set = (...f: FacetName[]): ReadonlySet<FacetName> => new Set(f);
const dense = kb.vectors !== undefined;
const configs: [string, ReadonlySet<FacetName> | undefined][] = [
  ['full fusion, the default (cause, APIs, rules' + (dense ? ', dense' : '') + '; code at the example level)', undefined],
  ['BM25 only (no dense facets)' + (dense ? '' : ' = full: no vectors'), set('cause', 'apis', 'rules')],
  ['full + code at the CWE level', set('cause', 'apis', 'code', 'rules', 'cause-dense')],
  ["paper's three facets (cause, APIs, code at the CWE level too)", set('cause', 'apis', 'code', 'cause-dense')],
  ["paper's CWE level (cause, APIs)", set('cause', 'apis', 'cause-dense')],
  ['cause alone', set('cause')],
  ['APIs alone', set('apis')],
  ['code alone', set('code')],
  ['rules alone', set('rules')],
];

const header = '| dataset | facets | in scope (exact) | hit@1 | hit@4 | MRR | exact hit@1 | exact hit@4 | exact MRR | gate: vulnerable relevant | gate: fixed relevant | gate: benign relevant |';
const rule = '|---|---|---|---|---|---|---|---|---|---|---|---|';
const row = (ds: string, name: string, ps: readonly Prepared[], use?: ReadonlySet<FacetName>, half?: 'cal' | 'held', useGate = true, gatedOnly = false): string => {
  const m = evaluate(ps, thresholds, related, use, 4, useGate ? gate : undefined, gatedOnly);
  const b = evaluate(benign.filter((p) => !half || splitOf(p.item.id, seed) === half), thresholds, related, use, 4, useGate ? gate : undefined);
  return `| ${ds} | ${name} | ${m.inScope} (${m.exactN}) of ${m.n} | ${pct(m.hit1)} | ${pct(m.hit4)} | ${pct(m.mrr)} | ${pct(m.hit1Exact)} | ${pct(m.hit4Exact)} | ${pct(m.mrrExact)} | ${pct(m.gateVulnerable)} (in scope ${pct(m.gateVulnerableInScope)}) | ${pct(m.gateFixed)} | ${pct(b.gateBenign)} (${b.benignN}) |`;
};

console.log(`# Retrieval evaluation\n`);
console.log(`KB: ${kb.cwes.size} CWEs, ${kb.examples.size} examples${dense ? `, vectors ${kb.vectors!.set.model}` : ', no vectors'}. Thresholds (calibration ${calibration.date}, seed ${calibration.seed}): fusion ${JSON.stringify(thresholds)}, gate ${JSON.stringify(gate ?? 'the fusion\'s')}. CyberSecEval rows in languages not reviewed: ${JSON.stringify(skipped)}. Benign units (gate negatives: functions of Python standard-library modules and npm packages that do not touch security): ${benign.length}. Percentages; hit@k and MRR measure the CWE ranking (the gate decides relevance separately, in the gate columns) over items in scope (gold, or a parent or child of it, in the KB); exact over items whose gold CWE is in the KB.\n`);
console.log(header);
console.log(rule);
for (const ds of ['seccodeplt', 'cyberseceval'] as const) {
  const ps = prepared.filter((p) => p.item.dataset === ds);
  for (const [name, use] of configs) console.log(row(ds, name, ps, use));
  if (gate) {
    console.log(row(ds, 'full, hits counted only for units the gate passes (what the model stage sees)', ps, undefined, undefined, true, true));
    console.log(row(ds, 'full without the gate (the fusion thresholds decide relevance, as in the paper)', ps, undefined, undefined, false));
  }
}
console.log(`\nFull fusion on the calibration split (seed ${seed}) and the held-out half:\n`);
console.log(header);
console.log(rule);
for (const ds of ['seccodeplt', 'cyberseceval'] as const) {
  for (const half of ['cal', 'held'] as const) {
    console.log(row(ds, half === 'cal' ? 'full, calibration half' : 'full, held-out half', prepared.filter((p) => p.item.dataset === ds && splitOf(p.item.id, seed) === half), undefined, half));
  }
}
// The example level: the example the prompt would carry (the first), over in-scope vulnerable units.
console.log(`\nExample level (full retrieval, retrieveFromFacets): the first example's CWE is the gold CWE or a parent or child, and its language is the unit's:\n\n| dataset | units in scope | example CWE related | same language | the first example is in the top CWE |\n|---|---|---|---|---|`);
for (const ds of ['seccodeplt', 'cyberseceval'] as const) {
  let n = 0, rel = 0, lang = 0, top = 0;
  for (const p of prepared) {
    if (p.item.dataset !== ds || p.item.variant !== 'vulnerable' || !p.inScope) continue;
    n++;
    const r = retrieveFromFacets(kb, p.item.facets, { thresholds: allThresholds });
    const ex = r.examples[0];
    if (!ex) continue;
    if (related(p.item.cwe, ex.cwe)) rel++;
    if (ex.language === p.item.language) lang++;
    if (ex.cwe === r.cwes[0]?.cwe) top++;
  }
  console.log(`| ${ds} | ${n} | ${pct(rel / n)} | ${pct(lang / n)} | ${pct(top / n)} |`);
}

if (values['per-cwe']) {
  console.log(`\nPer gold CWE (full fusion, in scope):\n\n| dataset:CWE | n | hit@1 | hit@4 | most frequent top-1 |\n|---|---|---|---|---|`);
  for (const [key, v] of [...perCwe(prepared, thresholds, related, undefined, gate)].sort()) {
    const top = [...v.top].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`| ${key} | ${v.n} | ${pct(v.hit1 / v.n)} | ${pct(v.hit4 / v.n)} | ${top} |`);
  }
}
console.error(`\n${items.length} units in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
