import fs from 'node:fs/promises';
import path from 'node:path';
import { minePairs, type MineOptions } from '../mine.js';
import { readMined, serializeMined, type MinedCwe, type MinedExample } from '../mined.js';
import { changedLines, groupByCwe, type FixPair } from '../pairs.js';
import type { SummaryReport } from '../summarize/driver.js';

export interface MineIntoResult {
  /** CWEs that gained (or replaced) pairs and were summarized again. */
  readonly touched: readonly string[];
  readonly report: SummaryReport;
  readonly sliceFallbacks: readonly { readonly pairId: string; readonly reason: string }[];
  /** Mined files written, by path. */
  readonly written: readonly string[];
  /** CWEs whose summary failed and kept their earlier guidelines or cause. */
  readonly keptEarlier: readonly string[];
}

/**
 * Adds pairs to a mined directory (kb/mined, or an overlay's mined/): for each CWE that gains pairs, the
 * pairs already mined for it and the new ones (a new pair replaces an earlier one of the same id) are
 * sliced and summarized together, so its guidelines and cause cover all of them (the paper's
 * cluster-then-summarize over the whole CWE group). CWEs without new pairs are not touched and cost nothing.
 * When a CWE's summary fails, its earlier guidelines or cause are kept rather than lost.
 */
export async function mineIntoDirectory(
  minedDir: string,
  pairs: readonly FixPair[],
  opts: Omit<MineOptions, 'pairsName'> & { readonly sourceName: string },
): Promise<MineIntoResult> {
  const existing = new Map((await readMined(minedDir)).map((m) => [m.mined.cwe, m.mined]));
  const groups = groupByCwe(pairs);
  const all: FixPair[] = [];
  for (const [cwe, fresh] of groups) {
    const ids = new Set(fresh.map((p) => p.id));
    const earlier = (existing.get(cwe)?.examples ?? []).filter((e) => !ids.has(e.pairId)).map((e) => fromMined(cwe, e));
    all.push(...earlier, ...fresh);
  }
  const { sourceName, ...mineOpts } = opts;
  const { mined, report, sliceFallbacks } = all.length
    ? await minePairs(all, { ...mineOpts, pairsName: sourceName })
    : { mined: [], report: emptyReport(), sliceFallbacks: [] };
  await fs.mkdir(minedDir, { recursive: true });
  const written: string[] = [];
  const keptEarlier: string[] = [];
  for (const m of mined) {
    const before = existing.get(m.cwe);
    const merged = mergeWithEarlier(m, before, sourceName);
    if (before && ((!m.cause && before.cause) || (!m.guidelines.length && before.guidelines.length))) keptEarlier.push(m.cwe);
    const file = path.join(minedDir, `${m.cwe}.json`);
    await fs.writeFile(file, serializeMined(merged));
    written.push(file);
  }
  return { touched: [...groups.keys()], report, sliceFallbacks, written, keptEarlier };
}

function mergeWithEarlier(m: MinedCwe, before: MinedCwe | undefined, sourceName: string): MinedCwe {
  const names = new Set([...(before?.provenance.pairs.split(', ').filter(Boolean) ?? []), sourceName]);
  return {
    ...m,
    ...(!m.cause && before?.cause && { cause: before.cause }),
    guidelines: m.guidelines.length ? m.guidelines : [...(before?.guidelines ?? [])],
    provenance: { ...m.provenance, pairs: [...names].sort().join(', ') },
  };
}

/** A mined example back to the pair it came from (its description is not kept when mined). */
function fromMined(cwe: string, e: MinedExample): FixPair {
  const { deleted, added } = changedLines(e.vulnerable, e.secure);
  return {
    id: e.pairId,
    cwe,
    language: e.language,
    vulnerable: e.vulnerable,
    secure: e.secure,
    deletedLines: e.vulnerableLines.length ? e.vulnerableLines : deleted,
    addedLines: e.secureLines.length ? e.secureLines : added,
    title: e.title,
    provenance: e.provenance,
  };
}

function emptyReport(): SummaryReport {
  return { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };
}
