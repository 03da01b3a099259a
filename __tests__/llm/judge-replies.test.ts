import { startFakeOpenAi, type FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { DB_PY, reply, runJudge, unitOf, userMessage } from './harness.js';

/**
 * One recorded reply (hand-written imitations of model output, see __tests__/data/llm/README.md) per
 * case of the issue, through the real client against a fake OpenAI-compatible server on 127.0.0.1.
 */
describe('judge stage: recorded replies', () => {
  let server: FakeOpenAi;
  afterEach(async () => server?.close());

  test('a good reply: a finding with a verified fix on the changed line, in one call', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('good.json'), usage: { prompt_tokens: 1500, completion_tokens: 120 } }] });
    const out = await runJudge(server);
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.body;
    expect(body.temperature).toBe(0.2);
    expect(body.model).toBe('fake-model');
    expect(body.response_format?.type).toBe('json_schema');
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0]!;
    expect(f).toMatchObject({ path: 'app/db.py', startLine: 7, endLine: 7, cwe: 'CWE-89', source: 'llm', severity: 'high', unit: 'find_user' });
    expect(f.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1', 'CWE-89.g2']);
    expect(f.guidelines[0]!.text).toMatch(/outside the program/);
    expect(f.fix).toMatchObject({ startLine: 7, endLine: 7, verified: true, replacement: '    cur.execute("SELECT id, name FROM users WHERE name = ?", (username,))' });
    expect(out.stats).toMatchObject({ unitsRelevant: 1, unitsSentToLlm: 1, llmCalls: 1, promptTokens: 1500, completionTokens: 120, findingsWithFix: 1, rejectedReplies: 0 });
    expect(out.outage).toBeUndefined();
  });

  test('malformed JSON: rejected, retried once with the reason, then the good reply is used', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('malformed.txt') }, { content: reply('good.json') }] });
    const out = await runJudge(server);
    expect(server.requests).toHaveLength(2);
    const retry = server.requests[1]!.body.messages!;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]!.content).toMatch(/rejected[\s\S]*not a JSON object/);
    expect(out.findings[0]!.fix?.verified).toBe(true);
    expect(out.stats).toMatchObject({ llmCalls: 2, rejectedReplies: 1, rejections: { format: 1 }, replyRetries: 1 });
  });

  test('JSON in a code fence, with prose around it and trailing commas, is repaired and accepted', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('fenced-trailing-comma.txt') }] });
    const out = await runJudge(server);
    expect(server.requests).toHaveLength(1);
    // The model dropped the indentation of `original` and `replacement`: the file's is restored.
    expect(out.findings[0]!.fix).toMatchObject({ startLine: 7, endLine: 7, replacement: '    cur.execute("SELECT id, name FROM users WHERE name = ?", (username,))' });
  });

  test('a cited id that was not retrieved: rejected twice, then dropped and counted', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('uncited-id.json') }, { content: reply('uncited-id.json') }] });
    const out = await runJudge(server);
    expect(server.requests).toHaveLength(2);
    expect(userMessage(server, 1)).toMatch(/cited CWE-564\.g1, which was not in the request/);
    expect(out.findings).toEqual([]);
    expect(out.stats).toMatchObject({ dropped: 1, rejectedReplies: 2, rejections: { citation: 2 } });
  });

  test('a replacement that does not parse: retried, then the finding is kept without a suggestion', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('unparsable-replacement.json') }, { content: reply('unparsable-replacement.json') }] });
    const out = await runJudge(server);
    expect(server.requests).toHaveLength(2);
    expect(userMessage(server, 1)).toMatch(/failed verification: the new code does not parse/);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ cwe: 'CWE-89', startLine: 7, endLine: 7, confidence: 'low' });
    expect(out.findings[0]!.fix).toBeUndefined();
    expect(out.stats).toMatchObject({ findingsWithoutFix: 1, findingsWithFix: 0, verifyFailures: { parse: 2 } });
  });

  test('a replacement that keeps the weakness: the rule still fires, so no suggestion; a good retry wins', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('keeps-weakness.json') }, { content: reply('good.json') }] });
    const out = await runJudge(server);
    expect(userMessage(server, 1)).toMatch(/rule cwe-89\.python\.execute-concat-format still fires at line 7/);
    expect(out.findings[0]!.fix?.replacement).toContain('(username,)');
    expect(out.stats.verifyFailures).toEqual({ 'rule-still-fires': 1 });

    await server.close();
    server = await startFakeOpenAi({ queue: [{ content: reply('keeps-weakness.json') }, { content: reply('keeps-weakness.json') }] });
    const again = await runJudge(server);
    expect(again.findings).toHaveLength(1);
    expect(again.findings[0]!.fix).toBeUndefined();
  });

  test('line numbers that point elsewhere are ignored: the replacement lands where its original lines are', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('wrong-lines.json') }] });
    const out = await runJudge(server);
    // The reply said line 13 (count_users) and prefixed `original` with "  7 | ": the content decides.
    expect(out.findings[0]).toMatchObject({ startLine: 7, endLine: 7 });
    expect(out.findings[0]!.fix).toMatchObject({ startLine: 7, endLine: 7, verified: true });
  });

  test('an original copied from outside the unit is refused, never applied there', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('outside-unit.json') }, { content: reply('outside-unit.json') }] });
    const out = await runJudge(server);
    expect(userMessage(server, 1)).toMatch(/does not match any run of lines of the unit/);
    // Credible and cited: kept, but pointing at the unit's changed lines, without a suggestion.
    expect(out.findings[0]).toMatchObject({ startLine: 6, endLine: 7 });
    expect(out.findings[0]!.fix).toBeUndefined();
    expect(out.stats.rejections).toEqual({ location: 2 });
  });

  test('not vulnerable: no finding, counted', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('not-vulnerable.json') }] });
    const out = await runJudge(server);
    expect(out.findings).toEqual([]);
    expect(out.stats).toMatchObject({ notVulnerable: 1, llmCalls: 1 });
  });

  test('429 with retry-after, then success: the wait honours the header and the call counts once', async () => {
    server = await startFakeOpenAi({ queue: [{ status: 429, retryAfter: '2' }, { content: reply('good.json') }] });
    const waits: number[] = [];
    const out = await runJudge(server, { retry: { sleep: async (ms) => void waits.push(ms) } });
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(out.findings[0]!.fix?.verified).toBe(true);
    expect(out.stats).toMatchObject({ llmCalls: 1, retries: 1, failedCalls: 0 });
    expect(out.outage).toBeUndefined();
  });

  test('500 twice then success; a retry-after longer than allowed is not waited for', async () => {
    server = await startFakeOpenAi({ queue: [{ status: 500 }, { status: 503, retryAfterMs: '10' }, { content: reply('good.json') }] });
    const out = await runJudge(server);
    expect(out.findings).toHaveLength(1);
    expect(out.stats.retries).toBe(2);

    await server.close();
    server = await startFakeOpenAi({ queue: [{ status: 429, retryAfter: '3600' }] });
    const waits: number[] = [];
    const limited = await runJudge(server, { retry: { sleep: async (ms) => void waits.push(ms) } });
    expect(waits).toEqual([]);
    expect(limited.outage).toMatch(/asked to wait 3600 s/);
  });

  test('a timeout: retried once, then a warning, an outage for fail-on, and the run goes on', async () => {
    const slow = { delayMs: 5000, then: { content: reply('good.json') } } as const;
    server = await startFakeOpenAi({ queue: [slow, slow] });
    const started = Date.now();
    const out = await runJudge(server, { timeoutMs: 150, retry: { retries: 1, sleep: async () => {} } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.requests).toHaveLength(2);
    expect(out.findings).toEqual([]);
    expect(out.outage).toMatch(/timed out/);
    expect(out.stats).toMatchObject({ llmCalls: 1, failedCalls: 1, failedUnits: 1 });
    expect(out.logger.warnings.some((w) => /app\/db\.py:4 \(find_user\) failed: the model call timed out/.test(w))).toBe(true);
  });

  test('three failures in a row: the model is treated as down and the other units are not sent', async () => {
    const units = [4, 11, 4, 11, 4].map((start, i) => unitOf('app/db.py', DB_PY, `u${i}`, start, start === 4 ? 8 : 14, start === 4 ? [7] : [13]));
    server = await startFakeOpenAi({ chat: () => ({ status: 502 }) });
    const out = await runJudge(server, { units, retry: { retries: 0 } });
    expect(server.requests).toHaveLength(3);
    expect(out.stats.skipped.outage).toBe(2);
    expect(out.outage).toMatch(/502/);
    expect(out.logger.warnings.some((w) => /model is unavailable/.test(w))).toBe(true);
  });

  test('an endpoint without structured output: one 400, then plain JSON for the rest of the run', async () => {
    server = await startFakeOpenAi({ rejectResponseFormat: true, queue: [{ content: reply('good.json') }] });
    const out = await runJudge(server);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', undefined]);
    expect(out.findings).toHaveLength(1);
    expect(out.stats.failedCalls).toBe(1);
    expect(out.outage).toBeUndefined();
  });
});
