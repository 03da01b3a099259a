import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { atLeast } from '../assess/finding.js';
import { describeConfig, readActionConfig, type ActionConfig } from '../config/action-config.js';
import { ConfigurationError } from '../config/errors.js';
import { Inputs, Outputs } from '../config/input-names.js';
import { EMPTY_REPO_CONFIG, mergeSettings, parseRepoConfig } from '../config/repo-config.js';
import { publishFixes, type FixOutcome } from '../github/fix-commit.js';
import { createGitHubClient, type GitHubClient } from '../github/octokit.js';
import { getPullRequest, headFileSource, listPullRequestChange, readFileAt, recordingSource } from '../github/pull-request-source.js';
import { createOctokitPublisher } from '../github/review-publisher.js';
import type { Logger } from '../logging/logger.js';
import { createRuleBook } from '../assess/rule-book.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/load.js';
import { citeOverlayGuidance, mergeOverlay } from '../kb/overlay.js';
import { fetchOverlay } from '../kb/overlay-fetch.js';
import { checkDisabledRules } from '../pipeline/load-rules.js';
import { createPathFilter } from '../pipeline/path-filter.js';
import type { ReviewResult } from '../pipeline/result.js';
import { reviewChange } from '../pipeline/review-change.js';
import { renderJobSummary, type PublicationSummary } from '../report/job-summary.js';
import { renderSarif } from '../report/sarif.js';
import { applyFixes, type FixRefusal } from '../review/apply-fixes.js';
import { describePlan } from '../review/describe-plan.js';
import { treeSitterImportPlacer } from '../review/import-placer.js';
import { judgePrompt } from '../llm/prompts/judge.v1.js';
import { bySeverity, planReview, RULES_MARKER_VERSION } from '../review/plan.js';
import { annotationsFor, publishReview } from '../review/publish.js';
import type { Annotation } from '../review/publisher.js';
import type { ExistingComment } from '../review/types.js';
import { readPullRequestEvent, type PullRequestRef } from './event.js';
import { createActionLogger } from './action-logger.js';

/**
 * The Action's composition root: reads the inputs and the event, builds the real adapters, runs the
 * pipeline, publishes. Every failure ends in core.setFailed with a message; none escapes as a rejection.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, logger: Logger = createActionLogger()): Promise<void> {
  try {
    await review(env, logger);
  } catch (error) {
    if (error instanceof ConfigurationError) core.setFailed(error.message);
    else core.setFailed(`RESCUE failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

type ReviewedPullRequest = PullRequestRef & { headSha: string; baseSha?: string; headRef?: string; fromFork: boolean };

async function review(env: NodeJS.ProcessEnv, logger: Logger): Promise<void> {
  const config = readActionConfig((name) => core.getInput(name));
  core.setSecret(config.githubToken);
  if (config.llm.apiKey) core.setSecret(config.llm.apiKey);
  logger.debug(`settings: ${describeConfig(config)}`);

  const event = readPullRequestEvent(env, config.pullRequest);
  const client = createGitHubClient(config.githubToken, logger, { baseUrl: env.GITHUB_API_URL });
  // Fix modes need the head branch, which only the API gives; the reviewed commit stays the event's.
  const details = !event.headSha || config.mode !== 'review' ? await getPullRequest(client, event) : undefined;
  const pr: ReviewedPullRequest = {
    ...event,
    ...details,
    headSha: event.headSha ?? details!.headSha,
    baseSha: event.baseSha ?? details?.baseSha,
    fromFork: event.fromFork ?? details?.fromFork ?? true,
  };
  logger.info(`Reviewing ${pr.owner}/${pr.repo}#${pr.number} at ${pr.headSha.slice(0, 12)}`);

  const changeSet = await logger.group('Read the pull request', () => listPullRequestChange(client, pr));
  logger.info(`${changeSet.files.length} changed file(s)`);
  const settings = await repositorySettings(client, pr, config, logger);
  const kb = await knowledgeBase(client, pr, env, logger);
  const rules = citeOverlayGuidance(createRuleBook(kb.document), kb);
  checkDisabledRules(rules, settings.disableRules, config.configFile, logger);
  const source = recordingSource(headFileSource(client, pr, pr.headSha));
  const result = await reviewChange({
    changeSet,
    source,
    logger,
    filter: createPathFilter({ include: settings.include, exclude: settings.exclude }),
    assessment: {
      rules,
      config: settings,
      model: {
        kb,
        llm: config.llm,
        caps: { maxUnits: config.maxUnits, maxCalls: config.maxLlmCalls, maxInputTokens: config.maxInputTokens },
        env,
        githubToken: config.githubToken,
        pr: { title: pr.title, body: pr.body },
      },
    },
  });
  for (const unit of result.units) logger.debug(`unit ${unit.path}:${unit.startLine}-${unit.endLine} ${unit.kind} ${unit.name}`);
  const reported = result.findings.filter((f) => atLeast(f.severity, config.severityThreshold)).sort(bySeverity);
  const reviewed: ReviewResult = { ...result, findings: reported };

  const sarifPath = path.resolve(env.GITHUB_WORKSPACE ?? '.', config.sarifFile ?? path.join(env.RUNNER_TEMP ?? '.', 'rescue.sarif'));
  await fs.mkdir(path.dirname(sarifPath), { recursive: true });
  await fs.writeFile(sarifPath, renderSarif(reviewed));
  core.setOutput(Outputs.Findings, reported.length);
  core.setOutput(Outputs.Sarif, sarifPath);

  const errors: string[] = [];
  if (result.model?.outage) errors.push(`the model failed: ${result.model.outage}`);
  const publication: { -readonly [K in keyof PublicationSummary]: PublicationSummary[K] } = { mode: config.mode, dryRun: config.dryRun, notes: [] };
  const handled = new Set<string>();
  const notes: string[] = [];
  if (config.mode !== 'review') {
    const fixes = await logger.group(`Apply the verified fixes (mode ${config.mode})`, () => fixStep(client, pr, config, reviewed, source.text, logger));
    publication.fixes = fixes;
    if (fixes.outcome.status === 'failed') errors.push(fixes.outcome.reason);
    if (fixes.outcome.status === 'committed' || fixes.outcome.status === 'pull-request') {
      const fixed = new Set(fixes.fingerprints);
      for (const fp of fixed) handled.add(fp);
      notes.push(
        fixes.outcome.status === 'committed'
          ? `RESCUE committed ${fixed.size} verified fix${fixed.size === 1 ? '' : 'es'} to this branch in ${fixes.outcome.sha.slice(0, 12)}; those findings are not repeated here.`
          : `RESCUE opened #${fixes.outcome.number} with ${fixed.size} verified fix${fixed.size === 1 ? '' : 'es'} into this branch; those findings are not repeated here.`,
      );
    }
  }

  const publisher = createOctokitPublisher(client, pr, { logger, annotate });
  let existing: readonly ExistingComment[] | undefined;
  try {
    existing = await publisher.listExisting();
  } catch (error) {
    // Posting without knowing what is there could repeat every comment: annotate instead.
    const reason = `Could not read the pull request's review comments (${(error as Error).message}); posting nothing so no comment is repeated.`;
    logger.warning(reason);
    if (!config.dryRun) for (const a of annotationsFor(reported)) annotate(a);
    publication.notes = [...(publication.notes ?? []), `${reason} The findings are annotated on their lines.`];
    errors.push(reason);
  }
  if (existing) {
    // The marker records what wrote the findings: the rules alone, or the rules and the judge prompt's version.
    const version = result.stats.unitsSentToLlm > 0 ? `${RULES_MARKER_VERSION}.judge-${judgePrompt.version}` : RULES_MARKER_VERSION;
    const plan = planReview(reviewed, changeSet, existing, { maxComments: config.maxComments, version, headText: source.text, handled, notes });
    publication.plan = plan;
    if (config.dryRun) {
      logger.info(`Dry run (input "${Inputs.DryRun}"): posting nothing.\n${describePlan(plan)}`);
    } else {
      const outcome = await logger.group('Publish the review', () =>
        publishReview(plan, publisher, { commitId: pr.headSha, logger, headText: source.text, fallbackHint: 'The findings are in the job summary and annotated on their lines.' }),
      );
      publication.review = outcome;
      errors.push(...outcome.errors);
    }
  }
  core.setOutput(Outputs.ReviewUrl, publication.review?.reviewUrl ?? '');
  await core.summary.addRaw(renderJobSummary(reviewed, publication), true).write();

  if (config.failOn.includes('findings') && reported.length > 0) {
    core.setFailed(`${reported.length} finding(s) at or above "${config.severityThreshold}" (input "${Inputs.FailOn}" includes findings)`);
  } else if (config.failOn.includes('errors') && errors.length > 0) {
    core.setFailed(`${errors.length} error(s) during the review (input "${Inputs.FailOn}" includes errors): ${errors[0]}`);
  }
}

/**
 * The bundled knowledge base, with the repository's learned overlay (`.github/rescue/kb/build`) on top when
 * there is one. The overlay is read at the base commit: its guidelines reach prompts and its rules run, so a
 * pull request must not be able to supply its own.
 */
async function knowledgeBase(client: GitHubClient, pr: ReviewedPullRequest, env: NodeJS.ProcessEnv, logger: Logger): Promise<KnowledgeBase> {
  const bundled = loadKnowledgeBase();
  const base = pr.baseSha ?? (await getPullRequest(client, pr)).baseSha;
  const dest = await fs.mkdtemp(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'rescue-overlay-'));
  try {
    const overlay = await fetchOverlay(client, pr, base, dest);
    if (!overlay) return bundled;
    const merged = mergeOverlay(bundled, overlay);
    logger.info(`Using the repository's knowledge-base overlay (${merged.overlay.cwes.length} CWE(s), ${merged.overlay.guidelines} guideline(s)) from ${base.slice(0, 12)}`);
    return merged;
  } catch (error) {
    logger.warning(`The repository's knowledge-base overlay could not be used (${(error as Error).message}); using the bundled knowledge base`);
    return bundled;
  }
}

/** The repository's `.github/rescue.yml`, read at the base commit: a pull request cannot loosen its own review. */
async function repositorySettings(client: GitHubClient, pr: ReviewedPullRequest, config: ActionConfig, logger: Logger) {
  let repoConfig = EMPTY_REPO_CONFIG;
  const ref = pr.baseSha ?? (await getPullRequest(client, pr)).baseSha;
  const text = await readFileAt(client, pr, config.configFile, ref).catch((error: Error) => {
    logger.warning(`Could not read ${config.configFile} at the base commit: ${error.message}; using the defaults`);
    return undefined;
  });
  if (text !== undefined) repoConfig = parseRepoConfig(text, config.configFile);
  return mergeSettings(repoConfig, {
    include: config.include.length ? config.include : undefined,
    exclude: config.exclude.length ? config.exclude : undefined,
    severityThreshold: config.severityThreshold,
  });
}

async function fixStep(
  client: GitHubClient,
  pr: ReviewedPullRequest,
  config: ActionConfig,
  result: ReviewResult,
  headText: (path: string) => string | undefined,
  logger: Logger,
): Promise<{ outcome: FixOutcome; applied: number; refused: readonly FixRefusal[]; fingerprints: string[] }> {
  const mode = config.mode as 'commit' | 'pull-request';
  if (pr.fromFork) {
    const reason = `mode "${mode}" is refused for pull requests from forks: RESCUE cannot and will not push to a fork's branch. The fixes are offered as review comments instead.`;
    logger.warning(reason);
    return { outcome: { status: 'refused', reason }, applied: 0, refused: [], fingerprints: [] };
  }
  const applied = await applyFixes(result.findings, headText, treeSitterImportPlacer);
  for (const r of applied.refused) logger.warning(`fix not applied: ${r.finding.path}:${r.finding.fix?.startLine}: ${r.reason}`, { file: r.finding.path, startLine: r.finding.startLine });
  if (config.dryRun) {
    for (const f of applied.files) logger.info(`Dry run: would change ${f.path} (${f.findings.length} fix(es))`);
    return { outcome: { status: 'nothing-to-do', reason: 'dry run: nothing was committed' }, applied: applied.applied.length, refused: applied.refused, fingerprints: [] };
  }
  if (!pr.headRef) throw new Error('the pull request head branch is unknown');
  const outcome = await publishFixes(client, { owner: pr.owner, repo: pr.repo, number: pr.number, headSha: pr.headSha, headRef: pr.headRef, fromFork: pr.fromFork }, mode, applied.files, logger);
  if (outcome.status === 'refused' || outcome.status === 'failed') logger.warning(outcome.reason);
  return { outcome, applied: applied.applied.length, refused: applied.refused, fingerprints: applied.applied.map((f) => f.fingerprint) };
}

function annotate(a: Annotation): void {
  const properties = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
  if (a.level === 'warning') core.warning(a.message, properties);
  else core.notice(a.message, properties);
}
