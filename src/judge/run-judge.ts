import type { AssessFile } from '../assess/assess.js';
import type { Finding } from '../assess/finding.js';
import type { RuleBook } from '../assess/rule-book.js';
import type { Unit } from '../code/unit.js';
import type { KnowledgeBase } from '../kb/load.js';
import { LlmBudget, type BudgetCaps } from '../llm/budget.js';
import type { ChatClient } from '../llm/openai-client.js';
import { announceEndpoint, createLlmClient, resolveLlmEndpoint, type LlmEndpoint, type LlmSettings } from '../llm/provider.js';
import type { Logger } from '../logging/logger.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { judgeUnits, type JudgeOptions, type JudgeOutput } from './judge-units.js';
import { createRuleVerifier } from './verifier.js';

export interface ModelReviewInput {
  /** `config.llm` of the Action, or the CLI's flags. */
  readonly llm: LlmSettings;
  /** `max-units`, `max-llm-calls`, `max-input-tokens`. */
  readonly caps: Partial<BudgetCaps>;
  readonly env: NodeJS.ProcessEnv;
  /** The workflow token (`github-token`), for GitHub Models. */
  readonly githubToken?: string;
  readonly units: readonly Unit[];
  readonly retrievals: ReadonlyMap<Unit, Retrieval> | readonly (Retrieval | undefined)[];
  readonly files: ReadonlyMap<string, AssessFile>;
  readonly kb: KnowledgeBase;
  readonly rules: RuleBook;
  readonly logger: Logger;
  readonly pr?: { readonly title?: string; readonly body?: string };
  readonly ruleFindings?: readonly Finding[];
  readonly options?: JudgeOptions;
  /** Tests: a client instead of the endpoint's (the endpoint is still resolved for the model name). */
  readonly client?: ChatClient;
  readonly timeoutMs?: number;
}

export type ModelReview = JudgeOutput & { readonly endpoint: LlmEndpoint; readonly model?: string };

/**
 * The one call for the pipeline: resolves the endpoint (offline when none), says which once, builds the
 * budget, the client and the rule verifier, and runs the judge stage. Offline it returns no findings and
 * zero stats. Throws only ConfigurationError (a provider asked for but unusable); model failures are in
 * `outage`, `warnings` and the stats.
 */
export async function reviewWithModel(input: ModelReviewInput): Promise<ModelReview | (Pick<JudgeOutput, 'findings' | 'ruleFixes' | 'warnings'> & { readonly endpoint: LlmEndpoint; readonly stats?: undefined; readonly outage?: undefined })> {
  const endpoint = resolveLlmEndpoint(input.llm, input.env, input.githubToken);
  announceEndpoint(endpoint, input.logger);
  if (endpoint.mode === 'offline') return { endpoint, findings: [], ruleFixes: [], warnings: [] };
  const budget = new LlmBudget(input.caps);
  const client = input.client ?? createLlmClient(endpoint, budget, { timeoutMs: input.timeoutMs });
  const out = await input.logger.group(`Judge the security-relevant units with ${endpoint.model}`, () =>
    judgeUnits({
      units: input.units,
      retrievals: input.retrievals,
      files: input.files,
      kb: input.kb,
      client,
      model: endpoint.model,
      budget,
      logger: input.logger,
      verify: createRuleVerifier(input.rules),
      pr: input.pr,
      options: { ...input.options, ruleFindings: input.ruleFindings ?? input.options?.ruleFindings },
    }),
  );
  return { ...out, endpoint, model: endpoint.model };
}
