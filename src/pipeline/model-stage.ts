import type { AssessConfig, AssessFile, AssessOutput, SuppressedFinding } from '../assess/assess.js';
import { atLeast, type Finding } from '../assess/finding.js';
import type { RuleBook } from '../assess/rule-book.js';
import { findSuppressions, suppressionFor } from '../assess/suppressions.js';
import { grammarOf } from '../code/languages.js';
import { parse } from '../code/parser.js';
import type { Unit } from '../code/unit.js';
import { reviewWithModel } from '../judge/run-judge.js';
import { renderJudgeSummary, runStatsOf } from '../judge/stats.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { BudgetCaps } from '../llm/budget.js';
import type { ChatClient } from '../llm/openai-client.js';
import { announceEndpoint, resolveLlmEndpoint, type LlmSettings } from '../llm/provider.js';
import type { Logger } from '../logging/logger.js';
import { retrieveForUnits } from '../retrieve/retrieve.js';
import type { ModelRunStats } from './result.js';

/** What the model stage needs; absent from the pipeline options: offline, rules only. */
export interface ModelOptions {
  readonly kb: KnowledgeBase;
  readonly llm: LlmSettings;
  readonly caps?: Partial<BudgetCaps>;
  readonly env: NodeJS.ProcessEnv;
  /** The workflow token, for GitHub Models. */
  readonly githubToken?: string;
  /** The pull request's title and description: untrusted, used as search terms and quoted data only. */
  readonly pr?: { readonly title?: string; readonly body?: string };
  /** Tests: a client instead of the endpoint's. */
  readonly client?: ChatClient;
  readonly timeoutMs?: number;
}

export interface ModelStageOutput {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  readonly belowThreshold: number;
  readonly stats?: ModelRunStats;
  /** Lines for the job summary. */
  readonly summary: string[];
  /** The model failed (outage, refused credentials): `fail-on: errors` fails the run. */
  readonly outage?: string;
}

type Assessed = Pick<AssessOutput, 'findings' | 'suppressed' | 'rejectedFixes' | 'belowThreshold'>;

/**
 * The paper's generation step applied to review: retrieval marks the security-relevant units (the gate),
 * the model judges those against the retrieved guidelines and rewrites them, and everything it writes is
 * verified by the rule engine. Model findings then pass the same suppressions, disabled CWEs and severity
 * threshold as rule findings. Offline (no endpoint) it does nothing and says so once.
 */
export async function runModelStage(
  options: ModelOptions,
  units: readonly Unit[],
  files: ReadonlyMap<string, AssessFile>,
  assessed: Assessed,
  rules: RuleBook,
  config: AssessConfig | undefined,
  logger: Logger,
): Promise<ModelStageOutput> {
  const nothing: ModelStageOutput = { findings: [], suppressed: [], belowThreshold: 0, summary: [] };
  const endpoint = resolveLlmEndpoint(options.llm, options.env, options.githubToken);
  if (endpoint.mode === 'offline' || units.length === 0) {
    announceEndpoint(endpoint, logger);
    return nothing;
  }
  const description = [options.pr?.title, options.pr?.body].filter(Boolean).join('\n\n') || undefined;
  const reviewable = units.filter((u) => files.has(u.path));
  const retrievals = await logger.group('Retrieve guidelines and secure examples for the units', () =>
    retrieveForUnits(
      options.kb,
      reviewable.map((u) => {
        const file = files.get(u.path)!;
        return { grammar: file.grammar ?? grammarOf(u.path, file.language), source: file.text, startLine: u.startLine, endLine: u.endLine, changedLines: u.changedLines, description };
      }),
      { logger },
    ),
  );
  const model = await reviewWithModel({
    llm: options.llm,
    caps: options.caps ?? {},
    env: options.env,
    githubToken: options.githubToken,
    units: reviewable,
    retrievals,
    files,
    kb: options.kb,
    rules,
    logger,
    pr: options.pr,
    ruleFindings: assessed.findings,
    client: options.client,
    timeoutMs: options.timeoutMs,
  });
  // Verified model fixes for rule findings that had none.
  const fixes = new Map(model.ruleFixes.map((r) => [r.fingerprint, r.fix]));
  for (let i = 0; i < assessed.findings.length; i++) {
    const f = assessed.findings[i]!;
    const fix = fixes.get(f.fingerprint);
    if (fix && !f.fix) (assessed.findings as Finding[])[i] = { ...f, fix };
  }
  const filtered = await filterModelFindings(model.findings, files, config);
  return {
    ...filtered,
    stats: model.stats ? runStatsOf(model.stats) : undefined,
    summary: model.stats && model.model ? renderJudgeSummary(model.stats, model.model) : [],
    outage: model.outage,
  };
}

/** Model findings obey the same `rescue-ignore` comments, disabled CWEs and threshold as rule findings. */
async function filterModelFindings(findings: readonly Finding[], files: ReadonlyMap<string, AssessFile>, config: AssessConfig | undefined) {
  const out = { findings: [] as Finding[], suppressed: [] as SuppressedFinding[], belowThreshold: 0 };
  const byFile = new Map<string, ReturnType<typeof findSuppressions>>();
  for (const finding of findings) {
    if (config?.disableCwes?.includes(finding.cwe)) {
      out.suppressed.push({ ...finding, suppression: { kind: 'config', reason: `${finding.cwe} is disabled by the repository configuration` } });
      continue;
    }
    let suppressions = byFile.get(finding.path);
    const file = files.get(finding.path);
    if (!suppressions && file) {
      const tree = await parse(file.grammar ?? grammarOf(finding.path, file.language), file.text);
      try {
        suppressions = findSuppressions(file.text, tree);
      } finally {
        tree.delete();
      }
      byFile.set(finding.path, suppressions);
    }
    const inline = suppressions && suppressionFor(suppressions, finding);
    if (inline) {
      out.suppressed.push({ ...finding, suppression: { kind: 'inline', line: inline.line, reason: inline.reason ?? 'rescue-ignore comment without a reason' } });
      continue;
    }
    if (!atLeast(finding.severity, config?.severityThreshold ?? 'low')) {
      out.belowThreshold++;
      continue;
    }
    out.findings.push(finding);
  }
  return out;
}
