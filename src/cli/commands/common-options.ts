import type { Severity } from '../../assess/finding.js';
import { mergeSettings, readRepoConfig } from '../../config/repo-config.js';
import type { AssessmentOptions } from '../../pipeline/assessment.js';
import path from 'node:path';
import { createRuleBook, type RuleBook } from '../../assess/rule-book.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../kb/load.js';
import { citeOverlayGuidance, DEFAULT_OVERLAY_DIR, loadOverlay, mergeOverlay } from '../../kb/overlay.js';
import { checkDisabledRules, loadRuleBook } from '../../pipeline/load-rules.js';
import { createPathFilter } from '../../pipeline/path-filter.js';
import type { CliIo } from '../command.js';
import { parseSeverity } from '../output.js';

/** Options shared by `review` and `scan`, for node:util parseArgs. */
export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'severity-threshold': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string' },
  'no-overlay': { type: 'boolean' },
} as const;

export const COMMON_HELP = `  -f, --format F               text (default), json, sarif or markdown
  -o, --output FILE            write the report to FILE instead of stdout
  --severity-threshold S       low (default), medium, high or critical: exit 1 only for findings at or above S
  --include GLOB               review only matching paths (repeatable, or comma-separated)
  --exclude GLOB               skip matching paths (repeatable, or comma-separated)
  --config FILE                repository settings (default: .github/rescue.yml under the root, when
                               present); flags win over the file
  --no-overlay                 ignore the repository's learned knowledge (.github/rescue/kb/)
  -v, --verbose                list every reviewed unit and debug messages
  -q, --quiet                  only warnings and errors on stderr

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error.`;

/** Repeatable and comma-separated list options flattened. */
export function listOption(values: readonly string[] | undefined): string[] | undefined {
  const items = values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

/** The settings of a review or scan: the repository config merged under the flags, and the KB rules. */
export async function assessmentSettings(
  values: { include?: string[]; exclude?: string[]; 'severity-threshold'?: string; config?: string; 'no-overlay'?: boolean },
  root: string,
  io: CliIo,
): Promise<{ threshold: Severity; filter: (path: string) => boolean; assessment: AssessmentOptions; kb: () => KnowledgeBase }> {
  const repoConfig = await readRepoConfig(root, values.config);
  const settings = mergeSettings(repoConfig, {
    include: listOption(values.include),
    exclude: listOption(values.exclude),
    severityThreshold: values['severity-threshold'] === undefined ? undefined : parseSeverity(values['severity-threshold'], '--severity-threshold'),
  });
  const { rules, kb } = knowledge(root, values['no-overlay'] === true, io);
  checkDisabledRules(rules, settings.disableRules, repoConfig.file, io.logger);
  return {
    threshold: settings.severityThreshold,
    filter: createPathFilter({ include: settings.include, exclude: settings.exclude }),
    assessment: { rules, config: settings },
    kb,
  };
}

/** The bundled rules, or the bundled knowledge base with the repository's learned overlay on top. */
function knowledge(root: string, noOverlay: boolean, io: CliIo): { rules: RuleBook; kb: () => KnowledgeBase } {
  const overlay = noOverlay ? undefined : loadOverlay(path.join(root, DEFAULT_OVERLAY_DIR));
  if (!overlay) {
    let kb: KnowledgeBase | undefined;
    return { rules: loadRuleBook(), kb: () => (kb ??= loadKnowledgeBase()) };
  }
  const merged = mergeOverlay(loadKnowledgeBase(), overlay);
  io.logger.info(`using the repository's knowledge-base overlay in ${DEFAULT_OVERLAY_DIR} (${merged.overlay.cwes.length} CWE(s), ${merged.overlay.guidelines} guideline(s))`);
  return { rules: citeOverlayGuidance(createRuleBook(merged.document), merged), kb: () => merged };
}
