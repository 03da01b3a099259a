// Fits the facet thresholds of retrieval on half of the development data and writes them, with the
// figures on both halves, to src/retrieve/calibration-values.ts (a module, so the bundle carries it).
// Usage: npx tsx bench/calibrate.ts [--data ../shared/data] [--kb kb/build] [--seed 1] [--lambda 1] [--dry-run]
//
// Method. The split is by task id (a SecCodePLT task's vulnerable and fixed functions fall in the same
// half). Thresholds are fitted by coordinate descent over a grid of 0 and the 5 %..95 % quantiles of each
// facet's best score, on the calibration half, in two steps: the fusion's CWE-level thresholds (cause,
// apis, rules; then code for the ablation) maximizing MRR (in-scope vulnerable units, parent/child
// counts); then the gate's thresholds (at least the fusion's) maximizing
//   J = MRR - lambda * share of benign units marked relevant,
// subject to a share of vulnerable units marked relevant of at least --min-recall. Benign units
// (security-irrelevant functions of the Python standard library and of npm packages, see loadBenign) are
// the gate's negatives: the development data has none. Example-level thresholds are the 10th percentile of each
// facet's best example score inside the gold CWE, over calibration items whose top CWE was right: a facet
// counts for an example when it is as strong as nine in ten correct matches. Dense thresholds need an
// embedding model and its vectors; none is calibrated here (the paper's values apply, with a notice).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/kb/load.js';
import type { CalibrationFile, CweThresholds, ExampleThresholds } from '../src/retrieve/calibration.js';
import { calibration as current } from '../src/retrieve/calibration.js';
import { DEFAULT_CWE_FACETS } from '../src/retrieve/cwe-level.js';
import { exampleFacetLists } from '../src/retrieve/example-level.js';
import type { FacetName } from '../src/retrieve/facet-names.js';
import { fuse } from '../src/retrieve/fusion.js';
import { loadBenign, loadHierarchy, loadItems, requireData, splitOf } from './retrieval-data.js';
import { evaluate, pct, prepare, type Metrics, type Prepared } from './retrieval-metrics.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    kb: { type: 'string' },
    seed: { type: 'string', default: '1' },
    lambda: { type: 'string', default: '1' },
    'min-recall': { type: 'string', default: '0.95' },
    'dry-run': { type: 'boolean' },
  },
});
const dataDir = path.resolve(root, values.data!);
requireData(dataDir);
const seed = Number(values.seed);
const lambda = Number(values.lambda);
const minRecall = Number(values['min-recall']);
const kb = loadKnowledgeBase(values.kb ? path.resolve(root, values.kb) : undefined);
const related = loadHierarchy(dataDir, kb);
const { items } = await loadItems(kb, dataDir, { log: (s) => console.error(s) });
const benign = await loadBenign(kb, root);
console.error(`benign units: ${benign.length}`);
const prepared = prepare(kb, [...items, ...benign], related);
const cal = prepared.filter((p) => splitOf(p.item.id, seed) === 'cal');
const held = prepared.filter((p) => splitOf(p.item.id, seed) === 'held');

type Key = 'cause' | 'apis' | 'code' | 'rules';
// The default CWE-level facets (DEFAULT_CWE_FACETS); the CWE-level code threshold is fitted alone after.
const KEYS: Key[] = ['cause', 'apis', 'rules'];
function grid(key: Key): number[] {
  const best = cal.flatMap((p) => {
    const list = p.lists.find((l) => l.name === key);
    return list && list.hits.length ? [Math.max(...list.hits.map((h) => h.score))] : [];
  }).sort((a, b) => a - b);
  const qs = Array.from({ length: 19 }, (_, i) => best[Math.floor(((i + 1) * 0.05) * (best.length - 1))] ?? 0);
  return [...new Set([0, ...qs.map((q) => Number(q.toFixed(3)))])].sort((a, b) => a - b);
}

/** Coordinate descent over the grid, from `start`, of the given keys; `floor` bounds each key from below. */
function descend(start: CweThresholds, keys: readonly Key[], score: (t: CweThresholds) => number, label: string, floor?: CweThresholds): CweThresholds {
  let th = start;
  let best = score(th);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const key of keys) {
      for (const v of grid(key)) {
        if (floor && v < floor[key]) continue;
        const trial = { ...th, [key]: v };
        const s = score(trial);
        if (s > best + 1e-9) {
          best = s;
          th = trial;
          changed = true;
        }
      }
    }
    console.error(`${label} round ${round + 1}: J = ${best.toFixed(4)} with ${JSON.stringify(th)}`);
    if (!changed) break;
  }
  return th;
}

// 1. The fusion's thresholds: ranking quality alone (MRR of in-scope vulnerable units).
let th = descend({ cause: 0, apis: 0, code: 0, rules: 0, causeDense: 0.75 }, KEYS, (t) => evaluate(cal, t, related).mrr, 'fusion');

// The CWE-level code facet (off by default): its threshold, with the others fixed, for the ablation.
{
  const withCode: ReadonlySet<FacetName> = new Set(['cause', 'apis', 'code', 'rules']);
  th = descend(th, ['code'], (t) => evaluate(cal, t, related, withCode).mrr, 'fusion, CWE-level code');
}

// 2. The gate: it must keep nearly every vulnerable unit (a unit it drops never reaches the model); within
// that, ranking quality (a dropped unit is a miss) and keeping security-irrelevant units away.
const gateObjective = (m: Metrics): number => (m.gateVulnerable < minRecall ? -1 : m.mrr - lambda * m.gateBenign);
const gate = descend(th, KEYS, (g) => gateObjective(evaluate(cal, th, related, undefined, 4, g, true)), 'gate', th);

function exampleThresholds(ps: readonly Prepared[], cweTh: CweThresholds): Omit<ExampleThresholds, 'codeDense'> {
  const per: Record<'cause' | 'apis' | 'code', number[]> = { cause: [], apis: [], code: [] };
  const zero: ExampleThresholds = { cause: 0, apis: 0, code: 0, codeDense: 0 };
  for (const p of ps) {
    if (p.item.variant !== 'vulnerable') continue;
    const cwes = fuse(p.lists.filter((l) => DEFAULT_CWE_FACETS.has(l.name as FacetName)).map((l) => ({ ...l, threshold: cweTh[l.name as Key] ?? 0 }))).slice(0, 4);
    if (cwes.length === 0 || !related(p.item.cwe, cwes[0]!.id)) continue;
    for (const list of exampleFacetLists(kb, p.item.facets, cwes.slice(0, 1), zero)) {
      if (!(list.name in per) || list.hits.length === 0) continue;
      per[list.name as keyof typeof per].push(Math.max(...list.hits.map((h) => h.score)));
    }
  }
  const p10 = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? Number(s[Math.floor(0.1 * (s.length - 1))]!.toFixed(3)) : 0;
  };
  return { cause: p10(per.cause), apis: p10(per.apis), code: p10(per.code) };
}

const exTh = exampleThresholds(cal, th);
const summarize = (m: Metrics) => ({
  n: m.n, inScope: m.inScope, hit1: pct(m.hit1), hit4: pct(m.hit4), mrr: pct(m.mrr),
  hit1Exact: pct(m.hit1Exact), hit4Exact: pct(m.hit4Exact), gateVulnerable: pct(m.gateVulnerable), gateFixed: pct(m.gateFixed),
});
const benignOf = (ps: readonly Prepared[]) => pct(evaluate(ps.filter((p) => p.item.dataset === 'benign'), th, related, undefined, 4, gate).gateBenign);
const results: Record<string, unknown> = {};
for (const [name, set] of [['calibration', cal], ['held-out', held], ['all', prepared]] as const) {
  for (const ds of ['seccodeplt', 'cyberseceval'] as const) results[`${ds} ${name}`] = summarize(evaluate(set.filter((p) => p.item.dataset === ds), th, related, undefined, 4, gate));
  results[`benign ${name}: share marked relevant`] = benignOf(set);
}
const count = (ds: string, split?: Prepared[]) => (split ?? prepared).filter((p) => p.item.dataset === ds && p.item.variant === 'vulnerable').length;
const file: CalibrationFile = {
  version: 1,
  date: new Date().toISOString().slice(0, 10),
  method: `coordinate descent on the calibration half: CWE-level fusion thresholds (BM25+, cause and code length-normalized) maximizing MRR; gate thresholds (>= fusion) maximizing MRR - ${lambda} x share of benign units marked relevant subject to a share of vulnerable units marked relevant >= ${minRecall}; example level: 10th percentile of correct matches`,
  seed,
  data: {
    kbCwes: kb.cwes.size, kbExamples: kb.examples.size,
    seccodeplt: count('seccodeplt'), seccodepltCalibration: count('seccodeplt', cal),
    cyberseceval: count('cyberseceval'), cyberseceval_calibration: count('cyberseceval', cal),
    benign: benign.length, benignCalibration: cal.filter((p) => p.item.dataset === 'benign').length,
  },
  bm25: {
    cwe: { cause: th.cause, apis: th.apis, code: th.code, rules: th.rules },
    gate: { cause: gate.cause, apis: gate.apis, code: gate.code, rules: gate.rules },
    example: exTh,
  },
  dense: current.dense,
  results,
};
console.log(JSON.stringify(file, null, 2));
if (!values['dry-run']) {
  const out = path.join(root, 'src/retrieve/calibration-values.ts');
  fs.writeFileSync(out, `// Written by \`npx tsx bench/calibrate.ts\`; do not edit by hand. See calibration.ts.
import type { CalibrationFile } from './calibration.js';

export const CALIBRATION: CalibrationFile = ${JSON.stringify(file, null, 2)};
`);
  console.error(`wrote ${path.relative(root, out)}`);
}
