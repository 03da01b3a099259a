import type { ChatClient } from '../llm/openai-client.js';
import { callNames as treeSitterCallNames } from './call-names.js';
import type { Language } from '../code/languages.js';
import { MINED_SCHEMA_VERSION, type MinedCwe, type MinedExample } from './mined.js';
import type { PairSlice, PairSlicer } from './pair-slicer.js';
import { groupByCwe, type FixPair } from './pairs.js';
import type { ReplyCache } from './summarize/cache.js';
import type { Progress } from './summarize/progress.js';
import { SUMMARY_PROMPTS, summarizeCwes, type SummaryReport } from './summarize/driver.js';

export interface MineOptions {
  readonly client: ChatClient;
  readonly model: string;
  readonly slicer: PairSlicer;
  readonly cache?: ReplyCache;
  readonly progress?: Progress;
  readonly batchSize?: number;
  /** Shown in provenance: the pairs file's base name. */
  readonly pairsName: string;
  readonly callNames?: (language: Language, code: string) => Promise<string[]>;
}

/**
 * Pairs -> mined knowledge per CWE: slice each pair (pair mode), collect its APIs, then summarize the
 * sliced pairs of each CWE into guidelines and a cause.
 */
export interface MineResult {
  readonly mined: MinedCwe[];
  readonly report: SummaryReport;
  /** Pairs whose slice is the whole version (the slicer failed or could not handle it), with the reason. */
  readonly sliceFallbacks: readonly { readonly pairId: string; readonly reason: string }[];
}

export async function minePairs(pairs: readonly FixPair[], opts: MineOptions): Promise<MineResult> {
  const calls = opts.callNames ?? treeSitterCallNames;
  const groups = groupByCwe(pairs);
  const examples = new Map<string, MinedExample[]>();
  const sliceFallbacks: { pairId: string; reason: string }[] = [];
  for (const [cwe, list] of groups) {
    const out: MinedExample[] = [];
    for (const p of list) {
      const sliced = await slicePairSafely(opts.slicer, p);
      const reason = sliced.vulnerable.fallback ?? sliced.secure.fallback;
      if (reason) sliceFallbacks.push({ pairId: p.id, reason });
      const apis = [...new Set([...(await safeCalls(calls, p.language, p.vulnerable)), ...(await safeCalls(calls, p.language, p.secure))])].sort();
      out.push({
        pairId: p.id,
        language: p.language,
        title: p.title,
        vulnerable: p.vulnerable,
        secure: p.secure,
        vulnerableLines: [...p.deletedLines],
        secureLines: [...p.addedLines],
        vulnerableSlice: minedSlice(sliced.vulnerable),
        secureSlice: minedSlice(sliced.secure),
        apis,
        provenance: p.provenance,
      });
    }
    examples.set(cwe, out);
  }
  const { summaries, report } = await summarizeCwes(
    [...examples].map(([cwe, list]) => ({
      cwe,
      cases: list.map((e, i) => ({
        id: e.pairId,
        language: e.language,
        description: groups.get(cwe)![i]!.description,
        vulnerable: e.vulnerableSlice!.text,
        secure: e.secureSlice!.text,
      })),
    })),
    { client: opts.client, model: opts.model, cache: opts.cache, progress: opts.progress, batchSize: opts.batchSize },
  );
  const mined = summaries.map(
    (s): MinedCwe => ({
      schemaVersion: MINED_SCHEMA_VERSION,
      cwe: s.cwe,
      ...(s.cause && { cause: s.cause }),
      guidelines: [...(s.guidelines ?? [])],
      examples: examples.get(s.cwe) ?? [],
      provenance: { pairs: opts.pairsName, model: opts.model, prompts: SUMMARY_PROMPTS },
    }),
  );
  return { mined, report, sliceFallbacks };
}

function minedSlice(s: PairSlice): NonNullable<MinedExample['vulnerableSlice']> {
  return { lines: [...s.lines], text: s.text, ...(s.fallback && { fallback: s.fallback }) };
}

/** A pair the slicer cannot handle keeps its whole versions as slices; mining goes on. */
async function slicePairSafely(slicer: PairSlicer, p: FixPair): Promise<{ vulnerable: PairSlice; secure: PairSlice }> {
  try {
    return await slicer.slicePair({ language: p.language, vulnerable: p.vulnerable, secure: p.secure, deletedLines: p.deletedLines, addedLines: p.addedLines });
  } catch (e) {
    const fallback = `the slicer failed: ${(e as Error).message.split('\n')[0]}`;
    return { vulnerable: whole(p.vulnerable, fallback), secure: whole(p.secure, fallback) };
  }
}

function whole(text: string, fallback: string): PairSlice {
  const lines = text.replace(/\n$/, '').split('\n');
  return { lines: lines.map((_, i) => i + 1), text: lines.join('\n'), totalLines: lines.length, fallback };
}

/** A pair that does not parse still contributes its text; it only lacks APIs. */
async function safeCalls(calls: (l: Language, c: string) => Promise<string[]>, language: Language, code: string): Promise<string[]> {
  try {
    return await calls(language, code);
  } catch {
    return [];
  }
}
