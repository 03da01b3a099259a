// Retrieval metrics over precomputed facet lists, so ablations and the calibration grid only re-fuse.
import type { KnowledgeBase } from '../src/kb/load.js';
import type { CweThresholds } from '../src/retrieve/calibration.js';
import { byFacet, cweFacetLists, DEFAULT_CWE_FACETS, passesGate } from '../src/retrieve/cwe-level.js';
import { FACETS, type FacetName } from '../src/retrieve/facet-names.js';
import { fuse, type FacetList } from '../src/retrieve/fusion.js';
import type { EvalItem } from './retrieval-data.js';

export interface Prepared {
  readonly item: EvalItem;
  /** Every CWE-level facet list, the CWE-level code facet too (thresholds are replaced at fusion time). */
  readonly lists: readonly FacetList[];
  /** The gold CWE, or a parent or child of it, is in the KB. */
  readonly inScope: boolean;
  /** The gold CWE itself is in the KB. */
  readonly exactInScope: boolean;
}

const NONE: CweThresholds = { cause: 0, apis: 0, code: 0, rules: 0, causeDense: 0 };

export function prepare(kb: KnowledgeBase, items: readonly EvalItem[], related: (gold: string, got: string) => boolean): Prepared[] {
  const kbIds = [...kb.cwes.keys()];
  return items.map((item) => ({
    item,
    lists: cweFacetLists(kb, item.facets, NONE, {}, new Set(FACETS)),
    inScope: kbIds.some((id) => related(item.cwe, id)),
    exactInScope: kb.cwes.has(item.cwe),
  }));
}

export interface Metrics {
  /** Vulnerable items. */
  readonly n: number;
  readonly inScope: number;
  readonly hit1: number;
  readonly hit4: number;
  readonly mrr: number;
  readonly exactN: number;
  readonly hit1Exact: number;
  readonly hit4Exact: number;
  readonly mrrExact: number;
  /** Share of vulnerable items marked relevant (all / in scope). */
  readonly gateVulnerable: number;
  readonly gateVulnerableInScope: number;
  /** Share of fixed items marked relevant (all / in scope); NaN without fixed items. */
  readonly gateFixed: number;
  readonly gateFixedInScope: number;
  /** Share of benign (security-irrelevant) units marked relevant; NaN without benign items. */
  readonly gateBenign: number;
  readonly benignN: number;
}

const KEY: Record<string, keyof CweThresholds> = { cause: 'cause', apis: 'apis', code: 'code', rules: 'rules', 'cause-dense': 'causeDense' };

/** As rankCwes: the fusion over the facets in use, and the gate's verdict (when a gate is given). */
export function rankFor(p: Prepared, thresholds: CweThresholds, use: ReadonlySet<FacetName> | undefined, k = 4, gate?: CweThresholds): { ranked: string[]; relevant: boolean } {
  const on = use ?? DEFAULT_CWE_FACETS;
  const inUse = p.lists.filter((l) => on.has(l.name as FacetName));
  const lists = inUse.map((l) => ({ ...l, threshold: Math.min(thresholds[KEY[l.name]!], gate ? gate[KEY[l.name]!] : Infinity) }));
  const ranked = fuse(lists).slice(0, k).map((f) => f.id);
  return { ranked, relevant: ranked.length > 0 && (!gate || passesGate(inUse, byFacet(gate))) };
}

export function evaluate(
  prepared: readonly Prepared[],
  thresholds: CweThresholds,
  related: (gold: string, got: string) => boolean,
  use?: ReadonlySet<FacetName>,
  k = 4,
  gate?: CweThresholds,
  gatedOnly = false,
): Metrics {
  let n = 0, inScope = 0, hit1 = 0, hit4 = 0, rr = 0, exactN = 0, hit1E = 0, hit4E = 0, rrE = 0;
  let gateV = 0, gateVIn = 0, fixedN = 0, fixedIn = 0, gateF = 0, gateFIn = 0, benignN = 0, gateB = 0;
  for (const p of prepared) {
    const { ranked: all, relevant } = rankFor(p, thresholds, use, k, gate);
    // gatedOnly: a unit the gate drops counts as a miss (what the model stage sees).
    const ranked = gatedOnly && !relevant ? [] : all;
    if (p.item.variant === 'benign') {
      benignN++;
      if (relevant) gateB++;
      continue;
    }
    if (p.item.variant === 'fixed') {
      fixedN++;
      if (relevant) gateF++;
      if (p.inScope) {
        fixedIn++;
        if (relevant) gateFIn++;
      }
      continue;
    }
    n++;
    if (relevant) gateV++;
    if (p.inScope) {
      inScope++;
      if (relevant) gateVIn++;
      const r = ranked.findIndex((id) => related(p.item.cwe, id));
      if (r === 0) hit1++;
      if (r >= 0) { hit4++; rr += 1 / (r + 1); }
    }
    if (p.exactInScope) {
      exactN++;
      const r = ranked.indexOf(p.item.cwe);
      if (r === 0) hit1E++;
      if (r >= 0) { hit4E++; rrE += 1 / (r + 1); }
    }
  }
  const share = (a: number, b: number): number => (b ? a / b : NaN);
  return {
    n, inScope, hit1: share(hit1, inScope), hit4: share(hit4, inScope), mrr: share(rr, inScope),
    exactN, hit1Exact: share(hit1E, exactN), hit4Exact: share(hit4E, exactN), mrrExact: share(rrE, exactN),
    gateVulnerable: share(gateV, n), gateVulnerableInScope: share(gateVIn, inScope),
    gateFixed: share(gateF, fixedN), gateFixedInScope: share(gateFIn, fixedIn), gateBenign: share(gateB, benignN), benignN,
  };
}

/** Per gold CWE (in scope): hit@1 and hit@4, to see which CWEs retrieve badly. */
export function perCwe(prepared: readonly Prepared[], thresholds: CweThresholds, related: (gold: string, got: string) => boolean, use?: ReadonlySet<FacetName>, gate?: CweThresholds): Map<string, { n: number; hit1: number; hit4: number; top: Map<string, number> }> {
  const out = new Map<string, { n: number; hit1: number; hit4: number; top: Map<string, number> }>();
  for (const p of prepared) {
    if (p.item.variant !== 'vulnerable' || !p.inScope) continue;
    const ranked = rankFor(p, thresholds, use, 4, gate);
    const key = `${p.item.dataset}:${p.item.cwe}`;
    let row = out.get(key);
    if (!row) out.set(key, (row = { n: 0, hit1: 0, hit4: 0, top: new Map() }));
    row.n++;
    const r = ranked.findIndex((id) => related(p.item.cwe, id));
    if (r === 0) row.hit1++;
    if (r >= 0) row.hit4++;
    const first = ranked[0] ?? '(none)';
    row.top.set(first, (row.top.get(first) ?? 0) + 1);
  }
  return out;
}

export const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}`);
