import pLimit from 'p-limit';
import { extractUnits } from '../code/units.js';
import { readSource } from '../code/source-guard.js';
import type { Unit } from '../code/unit.js';
import type { ChangedFile, ChangeSet, Skipped } from '../diff/change-set.js';
import type { Logger } from '../logging/logger.js';
import { FileSkip, type FileSource } from './file-source.js';
import { emptyStats, type ReviewResult } from './result.js';
import { touchedLines } from './touched-lines.js';
import { reconstructAddedFile } from './reconstruct.js';
import type { AssessFile } from '../assess/assess.js';
import { runAssessment, type AssessmentOptions } from './assessment.js';
import { sortFindings } from '../assess/assess.js';

export interface ReviewOptions {
  readonly changeSet: ChangeSet;
  readonly source: FileSource;
  readonly logger: Logger;
  /** Paths to review (repository-relative, POSIX); others are skipped as excluded. */
  readonly filter?: (path: string) => boolean;
  /** Parallel file reads; the GitHub source is network-bound. */
  readonly concurrency?: number;
  readonly maxFileBytes?: number;
  /** Findings from the knowledge-base rules; absent: units only. */
  readonly assessment?: AssessmentOptions;
}

/** Reasons worth a warning: the user would want to know the file was not reviewed. */
const QUIET_REASONS = new Set<Skipped['reason']>(['unsupported-language', 'excluded', 'deleted']);

/**
 * The review pipeline up to the units: which functions of the head revision a change touches.
 * Per-file problems become `skipped` entries with a warning; they never abort the review.
 */
export async function reviewChange(options: ReviewOptions): Promise<ReviewResult> {
  const started = Date.now();
  const { changeSet, logger } = options;
  const filter = options.filter ?? (() => true);
  const skipped: Skipped[] = [...changeSet.skipped];
  const reviewable: ChangedFile[] = [];
  for (const file of changeSet.files) {
    const reason = triage(file, filter);
    if (reason) skipped.push(reason);
    else reviewable.push(file);
  }

  const limit = pLimit(options.concurrency ?? 8);
  const perFile = await logger.group('Find the changed units', () =>
    Promise.all(reviewable.map((file) => limit(() => unitsOfFile(file, options)))),
  );
  const units: Unit[] = [];
  const parseErrors: string[] = [];
  const files = new Map<string, AssessFile>();
  for (const r of perFile) {
    if ('skipped' in r) skipped.push(r.skipped);
    else {
      units.push(...r.units);
      if (r.units.length) files.set(r.path, r.file);
      if (r.parseErrors) parseErrors.push(r.path);
    }
  }
  for (const s of skipped) {
    const text = `${s.path ?? 'diff'}: skipped (${s.reason}): ${s.detail}`;
    if (s.reason === 'deleted') logger.info(text);
    else if (QUIET_REASONS.has(s.reason)) logger.debug(text);
    else logger.warning(text, s.path ? { file: s.path } : undefined);
  }
  for (const path of parseErrors) logger.warning(`${path}: has syntax errors; reviewed the parts that parsed`, { file: path });
  const assessed = await runAssessment(options.assessment, 'review', units, files, logger);
  const stats = { ...emptyStats(), files: reviewable.length, units: units.length };
  const model = options.assessment?.model;
  if (!model || !options.assessment) return { ...assessed, units, skipped, parseErrors, stats: { ...stats, ms: Date.now() - started } };
  // Loaded only when a model is configured: it brings the openai SDK, retrieval and the judge.
  const { runModelStage } = await import('./model-stage.js');
  const judged = await runModelStage(model, units, files, assessed, options.assessment.rules, options.assessment.config, logger);
  const merged = {
    ...assessed,
    findings: [...assessed.findings, ...judged.findings],
    suppressed: [...assessed.suppressed, ...judged.suppressed],
    belowThreshold: assessed.belowThreshold + judged.belowThreshold,
  };
  sortFindings(merged);
  return {
    ...merged,
    units,
    skipped,
    parseErrors,
    stats: { ...stats, ...judged.stats, ms: Date.now() - started },
    model: { summary: judged.summary, ...(judged.outage && { outage: judged.outage }) },
  };
}

function triage(file: ChangedFile, filter: (path: string) => boolean): Skipped | undefined {
  if (file.status === 'deleted') return { path: file.path, reason: 'deleted', detail: 'the file was deleted' };
  if (file.binary) return { path: file.path, reason: 'binary', detail: 'binary file' };
  if (!file.language) return { path: file.path, reason: 'unsupported-language', detail: 'not a language RESCUE reviews' };
  if (!filter(file.path)) return { path: file.path, reason: 'excluded', detail: 'excluded by the path filters' };
  if (file.hunks.length === 0) return { path: file.path, reason: 'no-content', detail: 'no content change (rename or mode change only)' };
  return undefined;
}

type FileUnits = { path: string; units: Unit[]; parseErrors: boolean; file: AssessFile } | { skipped: Skipped };

async function unitsOfFile(file: ChangedFile, options: ReviewOptions): Promise<FileUnits> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await options.source.read(file.path);
  } catch (error) {
    return { skipped: { path: file.path, reason: error instanceof FileSkip ? error.reason : 'unreadable', detail: errorText(error) } };
  }
  bytes ??= reconstructAddedFile(file);
  if (!bytes) return { skipped: { path: file.path, reason: 'unreadable', detail: 'the file is not present at the reviewed revision' } };
  const guarded = readSource(file.path, bytes, { maxBytes: options.maxFileBytes });
  if ('skipped' in guarded) return guarded;
  const extraction = await extractUnits({
    path: file.path,
    language: file.language!,
    text: guarded.text,
    changedLines: touchedLines(file),
  });
  return { path: file.path, units: extraction.units, parseErrors: extraction.parseErrors, file: { text: guarded.text, language: file.language! } };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
