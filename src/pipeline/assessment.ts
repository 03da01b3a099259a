import { assessUnits, type AssessConfig, type AssessFile, type AssessOutput } from '../assess/assess.js';
import type { UnitSlicer } from '../assess/relevance.js';
import type { RuleBook } from '../assess/rule-book.js';
import type { Unit } from '../code/unit.js';
import type { Logger } from '../logging/logger.js';
import { sliceUnit } from '../slice/index.js';
import type { ModelOptions } from './model-stage.js';

/** What the pipeline needs to produce findings offline. Absent: the pipeline stops at the units. */
export interface AssessmentOptions {
  /** The KB's rules, compiled lazily per language; build once per process (`createRuleBook`). */
  readonly rules: RuleBook;
  readonly config?: AssessConfig;
  /** Review mode: default the program slicer (src/slice); null uses the shared-name heuristic. */
  readonly slicer?: UnitSlicer | null;
  /** Review mode: the model stage (retrieval gate, judge and rewrite). Absent: rules only. */
  readonly model?: ModelOptions;
}

/** The program slicer behind the review filter on unchanged lines. */
export const defaultSlicer: UnitSlicer = (input) => sliceUnit(input);

export async function runAssessment(
  options: AssessmentOptions | undefined,
  mode: 'review' | 'scan',
  units: readonly Unit[],
  files: ReadonlyMap<string, AssessFile>,
  logger: Logger,
): Promise<Omit<AssessOutput, 'unrelated'>> {
  if (!options) return { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0 };
  const slicer = options.slicer === null ? undefined : (options.slicer ?? defaultSlicer);
  const out = await logger.group('Assess the units with the knowledge-base rules', () =>
    assessUnits({ units, files, rules: options.rules, mode, config: options.config, slicer, logger }),
  );
  for (const [id, reason] of options.rules.broken) logger.warning(`rule ${id} was skipped: ${reason}`);
  logger.debug(
    `assessment: ${out.findings.length} findings, ${out.suppressed.length} suppressed, ${out.belowThreshold} below the threshold, ` +
      `${out.unrelated} on unchanged lines the change does not reach, ${out.rejectedFixes.length} fixes rejected`,
  );
  for (const r of out.rejectedFixes) logger.debug(`${r.path}:${r.startLine}: fix of ${r.ruleId} rejected (${r.check}): ${r.reason}`);
  const { unrelated: _unrelated, ...rest } = out;
  return rest;
}

