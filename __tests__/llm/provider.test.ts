import { ConfigurationError } from '../../src/config/errors.js';
import { announceEndpoint, describeEndpoint, GITHUB_MODELS_BASE_URL, GITHUB_MODELS_DEFAULT_MODEL, resolveLlmEndpoint } from '../../src/llm/provider.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';

const auto = { provider: 'auto' as const };

describe('resolveLlmEndpoint', () => {
  test('auto in GitHub Actions with the workflow token and nothing else: GitHub Models, default model', () => {
    const e = resolveLlmEndpoint(auto, { GITHUB_ACTIONS: 'true' }, 'ghs_workflowtoken');
    expect(e).toMatchObject({ mode: 'online', provider: 'github-models', baseURL: GITHUB_MODELS_BASE_URL, model: GITHUB_MODELS_DEFAULT_MODEL, apiKey: 'ghs_workflowtoken', keySource: 'github-token' });
  });

  test('auto with OPENAI_* variables: that endpoint, even in Actions; RESCUE_MODEL picks the model', () => {
    const env = { GITHUB_ACTIONS: 'true', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_API_KEY: 'k', RESCUE_MODEL: 'qwen2.5-coder:7b' };
    expect(resolveLlmEndpoint(auto, env, 't')).toMatchObject({ provider: 'openai', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5-coder:7b', keySource: 'OPENAI_API_KEY' });
  });

  test('inputs win over the environment', () => {
    const e = resolveLlmEndpoint({ provider: 'openai', baseUrl: 'https://gw.example/v1', model: 'm1', apiKey: 'input-key' }, { OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'env', RESCUE_MODEL: 'm2' });
    expect(e).toMatchObject({ baseURL: 'https://gw.example/v1', model: 'm1', apiKey: 'input-key', keySource: 'llm-api-key' });
  });

  test('a local endpoint needs no key; api.openai.com does', () => {
    expect(resolveLlmEndpoint({ provider: 'openai', baseUrl: 'http://localhost:8000/v1' }, {})).toMatchObject({ apiKey: 'none', keySource: 'none' });
    expect(() => resolveLlmEndpoint({ provider: 'openai' }, {})).toThrow(ConfigurationError);
  });

  test('Azure OpenAI also gets the key as api-key', () => {
    const e = resolveLlmEndpoint({ provider: 'openai', baseUrl: 'https://res.openai.azure.com/openai/v1/', apiKey: 'az' }, {});
    expect(e).toMatchObject({ headers: { 'api-key': 'az' } });
  });

  test('no key and no GitHub Models: offline, said once; none is offline', () => {
    const e = resolveLlmEndpoint(auto, {});
    expect(e.mode).toBe('offline');
    const logger = new RecordingLogger();
    announceEndpoint(e, logger);
    announceEndpoint(e, logger);
    expect(logger.lines.filter((l) => /offline mode/.test(l.message))).toHaveLength(1);
    expect(resolveLlmEndpoint({ provider: 'none', apiKey: 'k' }, { OPENAI_API_KEY: 'k' }).mode).toBe('offline');
    expect(resolveLlmEndpoint(auto, { GITHUB_ACTIONS: 'true' }).mode).toBe('offline');
  });

  test('github-models without a token is a configuration error; the description never shows the key', () => {
    expect(() => resolveLlmEndpoint({ provider: 'github-models' }, {})).toThrow(/models: read/);
    const e = resolveLlmEndpoint({ provider: 'github-models' }, { GITHUB_TOKEN: 'secret-token-value' });
    expect(describeEndpoint(e)).not.toContain('secret-token-value');
  });
});
