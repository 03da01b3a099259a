import { buildKnowledgeBase, writeBuild, type BuildOptions } from '../build.js';
import type { MineOptions } from '../mine.js';
import type { PairSlicer } from '../pair-slicer.js';
import type { Logger } from '../../logging/logger.js';
import { silentLogger } from '../../logging/logger.js';
import { pdgSlicer } from '../pdg-slicer.js';
import type { SummaryReport } from '../summarize/driver.js';
import { advisoryPairs, DEFAULT_ADVISORY_LIMITS, type AdvisoryLimits } from './advisory-pairs.js';
import { toFixPairs, type SourcedPair } from './fix-pairs.js';
import type { AdvisorySource } from './github-api.js';
import { mineIntoDirectory } from './mine-into.js';
import { readRefreshState, writeRefreshState, type RefreshState } from './state.js';

export interface RefreshOptions {
  readonly source: AdvisorySource;
  readonly sourcesDir: string;
  readonly minedDir: string;
  readonly buildDir: string;
  readonly stateFile: string;
  /** The summarizer (cluster-then-summarize of the CWEs that gain pairs). */
  readonly summarize: Pick<MineOptions, 'client' | 'model' | 'cache' | 'progress' | 'batchSize'>;
  readonly slicer?: PairSlicer;
  readonly callNames?: MineOptions['callNames'];
  /** Vectors for the rebuilt KB; without it, vectors whose inputs did not change are kept. */
  readonly embeddings?: BuildOptions['embeddings'];
  /** Read advisories modified at or after this instant instead of the state's cursor. */
  readonly since?: string;
  /** Without a state file and `since`: how far back the first refresh reads. */
  readonly initialDays?: number;
  readonly maxAdvisories?: number;
  readonly limits?: Partial<AdvisoryLimits>;
  /** Read and mine nothing to disk: report what a refresh would do (no summarizer calls). */
  readonly dryRun?: boolean;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

export interface RefreshReport {
  readonly since: string;
  /** The cursor after the run (unchanged when nothing was read). */
  readonly cursor: string;
  readonly advisoriesRead: number;
  readonly advisoriesUsed: readonly { readonly ghsaId: string; readonly cwe: string; readonly pairs: number }[];
  readonly skipped: readonly { readonly ghsaId: string; readonly reason: string }[];
  readonly pairsMined: number;
  readonly pairsByCwe: Readonly<Record<string, number>>;
  readonly cwesTouched: readonly string[];
  readonly summary: SummaryReport;
  readonly sliceFallbacks: number;
  readonly keptEarlier: readonly string[];
  /** True when the run stopped at maxAdvisories: run again to read the rest. */
  readonly truncated: boolean;
  /** False when nothing on disk changed. */
  readonly changed: boolean;
  readonly counts?: { readonly cwes: number; readonly guidelines: number; readonly rules: number; readonly examples: number };
}

/**
 * `kb refresh`: reads the advisories modified since the cursor, mines function-level pairs from their fix
 * commits, summarizes the CWEs that gained pairs into kb/mined, rebuilds kb/build, and moves the cursor.
 * Writes happen last, state after the KB, so an interrupted run reads the same advisories again. A run that
 * reads nothing new writes nothing.
 */
export async function refreshKnowledgeBase(opts: RefreshOptions): Promise<RefreshReport> {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? (() => new Date());
  const limits = { ...DEFAULT_ADVISORY_LIMITS, ...opts.limits };
  const state = await readRefreshState(opts.stateFile);
  const since = opts.since ?? state?.cursor ?? new Date(now().getTime() - (opts.initialDays ?? 30) * 86_400_000).toISOString();
  const alreadyRead = new Set(state && !opts.since ? state.atCursor.map((id) => `${state.cursor}\0${id}`) : []);
  const max = opts.maxAdvisories ?? 300;

  logger.info(`reading GitHub-reviewed advisories modified since ${since}`);
  let cursor = state?.cursor ?? since;
  let atCursor = new Set(state?.atCursor ?? []);
  let read = 0;
  let truncated = false;
  const used: { ghsaId: string; cwe: string; pairs: number }[] = [];
  const skipped: { ghsaId: string; reason: string }[] = [];
  const sourced: SourcedPair[] = [];
  const pairKeys = new Set<string>();
  for await (const advisory of opts.source.advisories(since)) {
    if (alreadyRead.has(`${advisory.updatedAt}\0${advisory.ghsaId}`)) continue;
    if (read >= max) {
      truncated = true;
      break;
    }
    read++;
    const at = Date.parse(advisory.updatedAt);
    if (at > Date.parse(cursor)) {
      cursor = advisory.updatedAt;
      atCursor = new Set();
    }
    if (at === Date.parse(cursor)) atCursor.add(advisory.ghsaId);
    const outcome = await advisoryPairs(advisory, opts.source, limits, logger);
    if ('skipped' in outcome) {
      skipped.push({ ghsaId: advisory.ghsaId, reason: outcome.skipped });
      logger.debug(`${advisory.ghsaId}: skipped: ${outcome.skipped}`);
    } else {
      // The same fix commit is often referenced by several advisories (one per package): keep it once.
      const fresh = outcome.pairs.filter((p) => {
        const key = `${p.link}\0${p.pair.path}\0${p.pair.name}`;
        if (pairKeys.has(key)) return false;
        pairKeys.add(key);
        return true;
      });
      sourced.push(...fresh);
      used.push({ ghsaId: advisory.ghsaId, cwe: outcome.pairs[0]!.cwe, pairs: fresh.length });
    }
    if (read % 25 === 0) logger.info(`read ${read} advisories, ${sourced.length} pair(s) so far`);
  }

  const { pairs } = toFixPairs(sourced, 'github-advisories');
  const pairsByCwe: Record<string, number> = {};
  for (const p of pairs) pairsByCwe[p.cwe] = (pairsByCwe[p.cwe] ?? 0) + 1;
  const base = {
    since,
    advisoriesRead: read,
    advisoriesUsed: used,
    skipped,
    pairsMined: pairs.length,
    pairsByCwe,
    truncated,
  };
  const nextState: RefreshState = { version: 1, cursor, atCursor: [...atCursor] };
  const noSummary: SummaryReport = { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };

  if (opts.dryRun || read === 0) {
    return { ...base, cursor: read ? cursor : (state?.cursor ?? since), cwesTouched: Object.keys(pairsByCwe), summary: noSummary, sliceFallbacks: 0, keptEarlier: [], changed: false };
  }
  if (!pairs.length) {
    await writeRefreshState(opts.stateFile, nextState);
    return { ...base, cursor, cwesTouched: [], summary: noSummary, sliceFallbacks: 0, keptEarlier: [], changed: true };
  }

  logger.info(`mining ${pairs.length} pair(s) for ${Object.keys(pairsByCwe).length} CWE(s)`);
  const mined = await mineIntoDirectory(opts.minedDir, pairs, {
    ...opts.summarize,
    slicer: opts.slicer ?? pdgSlicer,
    ...(opts.callNames && { callNames: opts.callNames }),
    sourceName: 'github-advisories',
  });
  const result = await buildKnowledgeBase({
    sourcesDir: opts.sourcesDir,
    minedDir: opts.minedDir,
    previousDir: opts.buildDir,
    logger,
    ...(opts.slicer && { slicer: opts.slicer }),
    ...(opts.embeddings && { embeddings: opts.embeddings }),
  });
  await writeBuild(opts.buildDir, result);
  await writeRefreshState(opts.stateFile, nextState);
  return {
    ...base,
    cursor,
    cwesTouched: mined.touched,
    summary: mined.report,
    sliceFallbacks: mined.sliceFallbacks.length,
    keptEarlier: mined.keptEarlier,
    changed: true,
    counts: result.manifest.counts,
  };
}
