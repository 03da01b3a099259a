import { describeConfig, readActionConfig } from '../../src/config/action-config.js';
import { ConfigurationError } from '../../src/config/errors.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

test('defaults', () => {
  const c = readActionConfig(reader({ 'github-token': 't0k3n' }));
  expect(c).toMatchObject({ mode: 'review', severityThreshold: 'medium', failOn: [], maxComments: 20, maxInputTokens: 7000, dryRun: false });
  expect(c.llm.provider).toBe('auto');
});

test('lists accept lines and commas, and ignore comments', () => {
  const c = readActionConfig(reader({ 'github-token': 't', exclude: 'tests/**, docs/**\n# not this\nvendor/**', 'fail-on': 'findings,errors' }));
  expect(c.exclude).toEqual(['tests/**', 'docs/**', 'vendor/**']);
  expect(c.failOn).toEqual(['findings', 'errors']);
});

test.each([
  [{ mode: 'merge' }, /Input "mode" must be one of review, commit, pull-request; got "merge"/],
  [{ 'severity-threshold': 'urgent' }, /Input "severity-threshold" must be one of low, medium, high, critical/],
  [{ 'max-comments': '-1' }, /Input "max-comments" must be a whole number/],
  [{ 'max-input-tokens': '100' }, /Input "max-input-tokens" must be a whole number of at least 500/],
  [{ 'llm-base-url': 'ftp://x' }, /Input "llm-base-url" must be an http\(s\) URL/],
  [{ 'dry-run': 'maybe' }, /Input "dry-run" must be true or false/],
  [{ 'fail-on': 'warnings' }, /Input "fail-on" must be never, findings, errors/],
  [{ 'llm-provider': 'anthropic' }, /Input "llm-provider" must be one of auto, github-models, openai, none/],
])('%j is refused with a message naming the input', (values, message) => {
  const read = () => readActionConfig(reader({ 'github-token': 't', ...values }));
  expect(read).toThrow(ConfigurationError);
  expect(read).toThrow(message);
});

test('an empty token is refused', () => {
  expect(() => readActionConfig(reader({}))).toThrow(/Input "github-token" is empty/);
});

test('describeConfig never contains secrets', () => {
  const c = readActionConfig(reader({ 'github-token': 'ghs_secretvalue', 'llm-api-key': 'sk-secretkey' }));
  const text = describeConfig(c);
  expect(text).not.toContain('ghs_secretvalue');
  expect(text).not.toContain('sk-secretkey');
  expect(text).toContain('***');
});
