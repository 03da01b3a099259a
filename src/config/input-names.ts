/** Input names of action.yml, in one place: a rename here and there must go together. */
export const Inputs = {
  GithubToken: 'github-token',
  Mode: 'mode',
  PullRequest: 'pull-request',
  LlmProvider: 'llm-provider',
  LlmBaseUrl: 'llm-base-url',
  LlmModel: 'llm-model',
  LlmApiKey: 'llm-api-key',
  EmbeddingsModel: 'embeddings-model',
  SeverityThreshold: 'severity-threshold',
  FailOn: 'fail-on',
  MaxUnits: 'max-units',
  MaxLlmCalls: 'max-llm-calls',
  MaxInputTokens: 'max-input-tokens',
  MaxComments: 'max-comments',
  Include: 'include',
  Exclude: 'exclude',
  ConfigFile: 'config-file',
  SarifFile: 'sarif-file',
  DryRun: 'dry-run',
} as const;

export const Outputs = {
  Findings: 'findings',
  Sarif: 'sarif',
  ReviewUrl: 'review-url',
} as const;
