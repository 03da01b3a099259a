import pLimit from 'p-limit';
import { languageOf } from '../code/languages.js';
import { extractUnits } from '../code/units.js';
import { readSource } from '../code/source-guard.js';
import type { Unit } from '../code/unit.js';
import type { Skipped } from '../diff/change-set.js';
import type { Logger } from '../logging/logger.js';
import type { FileSource } from './file-source.js';
import { emptyStats, type ReviewResult } from './result.js';
import { errorText } from './review-change.js';
import type { AssessFile } from '../assess/assess.js';
import { runAssessment, type AssessmentOptions } from './assessment.js';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly source: FileSource;
  readonly logger: Logger;
  readonly filter?: (path: string) => boolean;
  readonly maxFileBytes?: number;
  /** Findings from the knowledge-base rules; absent: units only. */
  readonly assessment?: AssessmentOptions;
  /** Parallel file reads and parses (default 4). */
  readonly concurrency?: number;
}

/** Whole-file review: every function of every file is a unit. */
export async function scanFiles(options: ScanOptions): Promise<ReviewResult> {
  const started = Date.now();
  const filter = options.filter ?? (() => true);
  const skipped: Skipped[] = [];
  const units: Unit[] = [];
  const parseErrors: string[] = [];
  const texts = new Map<string, AssessFile>();
  const limit = pLimit(options.concurrency ?? 4);
  let files = 0;
  await options.logger.group('Find the units', () =>
    Promise.all(
      options.paths.map((path) =>
        limit(async () => {
          const language = languageOf(path);
          if (!language) return void skipped.push({ path, reason: 'unsupported-language', detail: 'not a language RESCUE reviews' });
          if (!filter(path)) return void skipped.push({ path, reason: 'excluded', detail: 'excluded by the path filters' });
          let bytes: Uint8Array | undefined;
          try {
            bytes = await options.source.read(path);
          } catch (error) {
            return void skipped.push({ path, reason: 'unreadable', detail: errorText(error) });
          }
          if (!bytes) return void skipped.push({ path, reason: 'unreadable', detail: 'file not found' });
          const guarded = readSource(path, bytes, { maxBytes: options.maxFileBytes });
          if ('skipped' in guarded) return void skipped.push(guarded.skipped);
          files++;
          const extraction = await extractUnits({ path, language, text: guarded.text });
          units.push(...extraction.units);
          if (extraction.units.length) texts.set(path, { text: guarded.text, language });
          if (extraction.parseErrors) parseErrors.push(path);
        }),
      ),
    ),
  );
  units.sort((a, b) => (a.path === b.path ? a.startLine - b.startLine : a.path < b.path ? -1 : 1));
  for (const s of skipped) {
    if (s.reason !== 'unsupported-language' && s.reason !== 'excluded') options.logger.warning(`${s.path}: skipped (${s.reason}): ${s.detail}`, { file: s.path });
  }
  for (const path of parseErrors) options.logger.warning(`${path}: has syntax errors; reviewed the parts that parsed`, { file: path });
  const assessed = await runAssessment(options.assessment, 'scan', units, texts, options.logger);
  return { ...assessed, units, skipped, parseErrors, stats: { ...emptyStats(), files, units: units.length, ms: Date.now() - started } };
}
