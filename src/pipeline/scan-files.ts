import pLimit from 'p-limit';
import type { AssessOutput } from '../assess/assess.js';
import { sortFindings } from '../assess/assess.js';
import { languageOf } from '../code/languages.js';
import { readSource } from '../code/source-guard.js';
import type { Unit } from '../code/unit.js';
import type { Skipped } from '../diff/change-set.js';
import type { Logger } from '../logging/logger.js';
import type { AssessmentOptions } from './assessment.js';
import type { FileSource } from './file-source.js';
import { emptyStats, type ReviewResult } from './result.js';
import { errorText } from './review-change.js';
import { scanFile, type FileScan, type FileToScan } from './scan-file.js';
import { scanInThreads, workerCount } from './scan-pool.js';
import { releaseEarlyWorkers } from './scan-workers-early.js';
import { compileWasmDefault } from './wasm-tiers.js';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly source: FileSource;
  readonly logger: Logger;
  readonly filter?: (path: string) => boolean;
  readonly maxFileBytes?: number;
  /** Findings from the knowledge-base rules; absent: units only. */
  readonly assessment?: AssessmentOptions;
  /** Parallel file reads (default 16). */
  readonly concurrency?: number;
  /**
   * Worker threads that parse and assess beside this thread, which scans too (see scan-pool.ts). Default:
   * one per other core when the scan is large enough to repay starting them and the code runs from the
   * bundle; 0 scans in this thread only.
   */
  readonly workers?: number;
  /** The module worker threads run (tests): default the bundle's dist/scan-worker.js. */
  readonly workerEntry?: string | URL;
}

/**
 * Whole-file review: every function of every file is a unit. Each file is parsed once; its units and its
 * findings come from the same tree (scan-file.ts), in this thread alone or in this thread and worker
 * threads. Results are merged in path order, so they do not depend on which thread did what or which read
 * finished first.
 */
export async function scanFiles(options: ScanOptions): Promise<ReviewResult> {
  const started = Date.now();
  const filter = options.filter ?? (() => true);
  const skipped: Skipped[] = [];
  const toRead: { path: string; language: NonNullable<ReturnType<typeof languageOf>> }[] = [];
  for (const path of options.paths) {
    const language = languageOf(path);
    if (!language) skipped.push({ path, reason: 'unsupported-language', detail: 'not a language RESCUE reviews' });
    else if (!filter(path)) skipped.push({ path, reason: 'excluded', detail: 'excluded by the path filters' });
    else toRead.push({ path, language });
  }

  const assessment = options.assessment && { rules: options.assessment.rules, config: options.assessment.config };
  const workers = options.workers ?? workerCount(toRead.length, assessment?.rules);
  if (workers === 0) {
    // Started by the command line, not needed: off the other cores, and V8's defaults for a small scan.
    void releaseEarlyWorkers();
    compileWasmDefault();
  }
  const readSkips: (Skipped | undefined)[] = new Array(toRead.length);
  const scans: (FileScan | undefined)[] = new Array(toRead.length);
  /** Rules that did not compile in a worker thread (this thread's rule book lists its own). */
  const broken = new Map<string, string>();
  const limit = pLimit(options.concurrency ?? 16);
  const read = async (i: number): Promise<FileToScan | undefined> => {
    const { path, language } = toRead[i]!;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await options.source.read(path);
    } catch (error) {
      readSkips[i] = { path, reason: 'unreadable', detail: errorText(error) };
      return undefined;
    }
    if (!bytes) {
      readSkips[i] = { path, reason: 'unreadable', detail: 'file not found' };
      return undefined;
    }
    const guarded = readSource(path, bytes, { maxBytes: options.maxFileBytes });
    if ('skipped' in guarded) {
      readSkips[i] = guarded.skipped;
      return undefined;
    }
    return { path, language, text: guarded.text };
  };

  await options.logger.group('Find the units', async () => {
    if (workers > 0) {
      const pooled = await scanInThreads(toRead, (i) => limit(() => read(i)), assessment, { workers, entry: options.workerEntry });
      pooled.scans.forEach((r, i) => (scans[i] = r));
      for (const [id, reason] of pooled.broken) broken.set(id, reason);
      const { report } = pooled;
      options.logger.debug(
        `scanned over ${report.workers + 1} threads (${report.failed} failed): ` +
          report.files.map((n, t) => `${t === 0 ? 'this thread' : `worker ${t}`} ${n} files of ${report.grammars[t]!.join(', ') || 'no grammar'}`).join('; ') +
          (report.reclaimed > 0 ? `; ${report.reclaimed} chunk${report.reclaimed === 1 ? '' : 's'} taken back from workers` : ''),
      );
      return;
    }
    await Promise.all(
      toRead.map((_, i) =>
        limit(async () => {
          const file = await read(i);
          if (file) scans[i] = await scanFile(file, assessment);
        }),
      ),
    );
  });

  for (const s of readSkips) if (s) skipped.push(s);
  const done = scans.filter((s): s is FileScan => s !== undefined);
  const units: Unit[] = done.flatMap((s) => s.units);
  units.sort((a, b) => (a.path === b.path ? a.startLine - b.startLine : a.path < b.path ? -1 : 1));
  const parseErrors = done.filter((s) => s.parseErrors).map((s) => s.path);
  for (const s of skipped) {
    if (s.reason !== 'unsupported-language' && s.reason !== 'excluded') options.logger.warning(`${s.path}: skipped (${s.reason}): ${s.detail}`, { file: s.path });
  }
  for (const path of parseErrors) options.logger.warning(`${path}: has syntax errors; reviewed the parts that parsed`, { file: path });
  const assessed = await mergeAssessments(options, done, broken);
  const stats = { ...emptyStats(), files: done.length, units: units.length };
  if (assessment) stats.filesWithoutCandidateRules = done.filter((s) => s.noCandidateRules).length;
  return { ...assessed, units, skipped, parseErrors, stats: { ...stats, ms: Date.now() - started } };
}

/** What runAssessment reports, from the files' own assessments, in path order. */
async function mergeAssessments(options: ScanOptions, scans: readonly FileScan[], workerBroken: ReadonlyMap<string, string>): Promise<Omit<AssessOutput, 'unrelated'>> {
  const out = { findings: [] as AssessOutput['findings'], suppressed: [] as AssessOutput['suppressed'], rejectedFixes: [] as AssessOutput['rejectedFixes'], belowThreshold: 0 };
  if (!options.assessment) return out;
  const { logger } = options;
  const rules = options.assessment.rules;
  const byPath = [...scans].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await logger.group('Assess the units with the knowledge-base rules', async () => {
    for (const scan of byPath) {
      for (const w of scan.warnings) logger[w.level](w.message, w.location);
      if (!scan.assessed) continue;
      out.findings.push(...scan.assessed.findings);
      out.suppressed.push(...scan.assessed.suppressed);
      out.rejectedFixes.push(...scan.assessed.rejectedFixes);
      out.belowThreshold += scan.assessed.belowThreshold;
    }
    sortFindings(out);
  });
  for (const [id, reason] of new Map([...rules.broken, ...workerBroken])) logger.warning(`rule ${id} was skipped: ${reason}`);
  logger.debug(
    `assessment: ${out.findings.length} findings, ${out.suppressed.length} suppressed, ${out.belowThreshold} below the threshold, ` +
      `0 on unchanged lines the change does not reach, ${out.rejectedFixes.length} fixes rejected`,
  );
  for (const r of out.rejectedFixes) logger.debug(`${r.path}:${r.startLine}: fix of ${r.ruleId} rejected (${r.check}): ${r.reason}`);
  return out;
}
