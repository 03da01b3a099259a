import { assessUnits, type AssessConfig, type AssessFile, type AssessOutput } from '../assess/assess.js';
import type { UnitSlicer } from '../assess/relevance.js';
import { createRuleBook, type RuleBook } from '../assess/rule-book.js';
import { loadKnowledgeBase } from '../kb/load.js';
import type { Unit } from '../code/unit.js';
import type { Logger } from '../logging/logger.js';
import { sliceUnit } from '../slice/index.js';

/** What the pipeline needs to produce findings offline. Absent: the pipeline stops at the units. */
export interface AssessmentOptions {
  /** The KB's rules, compiled lazily per language; build once per process (`createRuleBook`). */
  readonly rules: RuleBook;
  readonly config?: AssessConfig;
  /** Review mode: default the program slicer (src/slice); null uses the shared-name heuristic. */
  readonly slicer?: UnitSlicer | null;
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

/** The bundled knowledge base's rules (or those of `dir`), loaded once per process. */
let bundled: { dir: string | undefined; book: RuleBook } | undefined;
export function loadRuleBook(dir?: string): RuleBook {
  if (bundled && bundled.dir === dir) return bundled.book;
  const kb = dir === undefined ? loadKnowledgeBase() : loadKnowledgeBase(dir);
  bundled = { dir, book: createRuleBook(kb.document) };
  return bundled.book;
}

/** Warns about disabled rule ids the knowledge base does not have: most likely a typo in the config. */
export function checkDisabledRules(book: RuleBook, disabled: readonly string[], file: string, logger: Logger): void {
  for (const id of disabled) if (!book.ruleIds.has(id)) logger.warning(`${file}: disable-rules names ${id}, which is not a rule of the knowledge base`);
}
