import fs from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { atLeast } from '../assess/finding.js';
import { describeConfig, readActionConfig } from '../config/action-config.js';
import { ConfigurationError } from '../config/errors.js';
import { Inputs, Outputs } from '../config/input-names.js';
import { createGitHubClient } from '../github/octokit.js';
import { getPullRequest, headFileSource, listPullRequestChange } from '../github/pull-request-source.js';
import type { Logger } from '../logging/logger.js';
import { createPathFilter } from '../pipeline/path-filter.js';
import { reviewChange } from '../pipeline/review-change.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { readPullRequestEvent } from './event.js';
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

async function review(env: NodeJS.ProcessEnv, logger: Logger): Promise<void> {
  const config = readActionConfig((name) => core.getInput(name));
  core.setSecret(config.githubToken);
  if (config.llm.apiKey) core.setSecret(config.llm.apiKey);
  logger.debug(`settings: ${describeConfig(config)}`);

  const event = readPullRequestEvent(env, config.pullRequest);
  const client = createGitHubClient(config.githubToken, logger, { baseUrl: env.GITHUB_API_URL });
  const pr = event.headSha ? { ...event, headSha: event.headSha } : { ...event, ...(await getPullRequest(client, event)) };
  logger.info(`Reviewing ${pr.owner}/${pr.repo}#${pr.number} at ${pr.headSha.slice(0, 12)}`);

  const changeSet = await logger.group('Read the pull request', () => listPullRequestChange(client, pr));
  logger.info(`${changeSet.files.length} changed file(s)`);
  const result = await reviewChange({
    changeSet,
    source: headFileSource(client, pr, pr.headSha),
    logger,
    filter: createPathFilter({ include: config.include, exclude: config.exclude }),
  });
  for (const unit of result.units) logger.info(`unit ${unit.path}:${unit.startLine}-${unit.endLine} ${unit.kind} ${unit.name}`);

  await core.summary.addRaw(renderMarkdown(result), true).write();
  const reported = result.findings.filter((f) => atLeast(f.severity, config.severityThreshold));
  core.setOutput(Outputs.Findings, reported.length);
  const sarifPath = path.resolve(env.GITHUB_WORKSPACE ?? '.', config.sarifFile ?? path.join(env.RUNNER_TEMP ?? '.', 'rescue.sarif'));
  await fs.mkdir(path.dirname(sarifPath), { recursive: true });
  await fs.writeFile(sarifPath, renderSarif({ ...result, findings: reported }));
  core.setOutput(Outputs.Sarif, sarifPath);
  core.setOutput(Outputs.ReviewUrl, '');

  if (config.failOn.includes('findings') && reported.length > 0) {
    core.setFailed(`${reported.length} finding(s) at or above "${config.severityThreshold}" (input "${Inputs.FailOn}" includes findings)`);
  }
}
