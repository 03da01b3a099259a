import { startFakeOpenAi, type FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { createRuleBook } from '../../src/assess/rule-book.js';
import { reviewWithModel } from '../../src/judge/run-judge.js';
import { bundledKb, DB_PY, FIND_USER, reply, retrievalOf } from './harness.js';

describe('reviewWithModel (the pipeline entry point)', () => {
  let server: FakeOpenAi | undefined;
  afterEach(async () => server?.close());
  const base = () => ({
    caps: { maxUnits: 5 },
    units: [FIND_USER],
    retrievals: [retrievalOf(['CWE-89'])],
    files: new Map([['app/db.py', { text: DB_PY, language: 'python' as const }]]),
    kb: bundledKb(),
    rules: createRuleBook(bundledKb().document),
  });

  test('offline: no calls, no findings, said once', async () => {
    const logger = new RecordingLogger();
    const out = await reviewWithModel({ ...base(), llm: { provider: 'auto' }, env: {}, logger });
    expect(out.endpoint.mode).toBe('offline');
    expect(out.findings).toEqual([]);
    expect(out.stats).toBeUndefined();
    expect(logger.lines.filter((l) => /offline mode/.test(l.message))).toHaveLength(1);
  });

  test('OPENAI_BASE_URL and RESCUE_MODEL from the environment: one call, a verified finding', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('good.json') }] });
    const out = await reviewWithModel({ ...base(), llm: { provider: 'auto' }, env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'k', RESCUE_MODEL: 'local-model' }, logger: new RecordingLogger() });
    expect(server.requests[0]!.body.model).toBe('local-model');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer k');
    expect(out.findings[0]!.fix?.verified).toBe(true);
    expect(out.stats).toMatchObject({ unitsSentToLlm: 1, llmCalls: 1 });
  });
});
