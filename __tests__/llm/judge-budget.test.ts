import { startFakeOpenAi, type FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import type { Finding } from '../../src/assess/finding.js';
import { LlmBudget } from '../../src/llm/budget.js';
import { LlmError } from '../../src/llm/errors.js';
import { renderJudgeSummary, runStatsOf } from '../../src/judge/stats.js';
import { DB_PY, FIND_USER, reply, retrievalOf, runJudge, unitOf, userMessage } from './harness.js';

const units = () => [FIND_USER, unitOf('app/db.py', DB_PY, 'count_users', 11, 14, [13]), unitOf('app/db.py', DB_PY, 'find_user#2', 4, 8, [7])];

describe('judge stage: budget, gate and stats', () => {
  let server: FakeOpenAi;
  afterEach(async () => server?.close());

  test('only security-relevant units are sent; max-units caps them, best retrieval score first', async () => {
    server = await startFakeOpenAi({ chat: () => reply('not-vulnerable.json') });
    const [a, b, c] = units();
    const weak = retrievalOf(['CWE-89']);
    const strong = { ...retrievalOf(['CWE-89']), cwes: [{ ...weak.cwes[0]!, score: 0.9 }] };
    const out = await runJudge(server, { units: [a!, b!, c!], retrievals: [weak, { ...weak, relevant: false, cwes: [] }, strong], caps: { maxUnits: 1 } });
    expect(server.requests).toHaveLength(1);
    expect(userMessage(server, 0)).toContain('`find_user#2`');
    expect(out.stats).toMatchObject({ unitsRelevant: 2, unitsSentToLlm: 1, skipped: { 'max-units': 1 } });
    expect(out.logger.warnings.some((w) => /over the cap of 1 units/.test(w))).toBe(true);
  });

  test('max-llm-calls: the retry and later units stop at the cap; the run says so', async () => {
    server = await startFakeOpenAi({ chat: () => reply('malformed.txt') });
    const out = await runJudge(server, { units: units(), caps: { maxCalls: 1 } });
    expect(server.requests).toHaveLength(1);
    expect(out.stats.llmCalls).toBe(1);
    expect(out.stats.skipped['max-calls']).toBe(2);
    expect(out.outage).toBeUndefined();
  });

  test('max-input-tokens: a unit whose smallest request is over the cap is never sent', async () => {
    server = await startFakeOpenAi({ chat: () => reply('good.json') });
    const out = await runJudge(server, { caps: { maxInputTokens: 600 } });
    expect(server.requests).toHaveLength(0);
    expect(out.stats.skipped['token-cap']).toBe(1);
  });

  test('the request is trimmed to fit: other CWEs, then the example, go first', async () => {
    server = await startFakeOpenAi({ chat: () => reply('good.json') });
    const big = { body: 'Why this change. '.repeat(400) };
    await runJudge(server, { pr: big, caps: { maxInputTokens: 1500 } });
    const text = userMessage(server, 0);
    expect(text).toContain('[CWE-89.g2]');
    expect(text).not.toContain('CWE-434.g');
    expect(text).toMatch(/\[cut at \d+ characters\]/);
  });

  test('default request fits the GitHub Models free tier (under 8,000 input tokens)', async () => {
    server = await startFakeOpenAi({ chat: () => reply('good.json') });
    const out = await runJudge(server, { caps: {} });
    const budget = new LlmBudget();
    expect(budget.caps.maxInputTokens).toBeLessThan(8000);
    expect(await budget.countMessages(server.requests[0]!.body.messages as never)).toBeLessThanOrEqual(budget.caps.maxInputTokens);
    expect(out.stats.llmCalls).toBe(1);
  });

  test('the budgeted client refuses over-cap requests without sending and counts server usage', async () => {
    const sent: number[] = [];
    const budget = new LlmBudget({ maxInputTokens: 50, maxCalls: 2 }, { countTokens: (t) => t.length });
    const client = budget.client({ complete: async (m) => (sent.push(m.length), { text: 'ok', usage: { promptTokens: 7, completionTokens: 3 } }) });
    await expect(client.complete([{ role: 'user', content: 'x'.repeat(60) }], { model: 'm' })).rejects.toMatchObject({ kind: 'budget' });
    await client.complete([{ role: 'user', content: 'hi' }], { model: 'm' });
    await client.complete([{ role: 'user', content: 'hi' }], { model: 'm' });
    await expect(client.complete([{ role: 'user', content: 'hi' }], { model: 'm' })).rejects.toBeInstanceOf(LlmError);
    expect(sent).toEqual([1, 1]);
    expect(budget.usage()).toMatchObject({ llmCalls: 2, promptTokens: 14, completionTokens: 6 });
  });

  test('a duplicate of a rule finding is left out and its verified fix offered to the rule finding', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('good.json') }] });
    const rule = { fingerprint: 'rulefp', path: 'app/db.py', startLine: 7, endLine: 7, cwe: 'CWE-89', source: 'rule' } as Finding;
    const out = await runJudge(server, { options: { boundary: () => 'B', ruleFindings: [rule] } });
    expect(out.findings).toEqual([]);
    expect(out.ruleFixes).toEqual([{ fingerprint: 'rulefp', fix: expect.objectContaining({ startLine: 7, verified: true }) }]);
    expect(out.stats.duplicates).toBe(1);
  });

  test('the optional cause-analysis call refines retrieval before the judge', async () => {
    server = await startFakeOpenAi({ queue: [{ content: 'Likely CWE-89: the name reaches the SQL text.' }, { content: reply('good.json') }] });
    const seen: string[] = [];
    const out = await runJudge(server, { options: { causeAnalysis: { refine: async (_u, cause) => (seen.push(cause), retrievalOf(['CWE-89'])) } } });
    expect(seen).toEqual(['Likely CWE-89: the name reaches the SQL text.']);
    expect(server.requests).toHaveLength(2);
    expect(out.stats).toMatchObject({ causeCalls: 1, llmCalls: 2, findingsWithFix: 1 });
  });

  test('stats for the findings JSON and the job summary', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('good.json'), usage: { prompt_tokens: 1234, completion_tokens: 56 } }] });
    const out = await runJudge(server);
    expect(runStatsOf(out.stats)).toEqual({ unitsSentToLlm: 1, llmCalls: 1, promptTokens: 1234, completionTokens: 56, llmFailedCalls: 0, llmRejectedReplies: 0, llmDroppedFindings: 0, llmSkippedUnits: 0 });
    const md = renderJudgeSummary(out.stats, 'fake-model').join('\n');
    expect(md).toContain('1 of 1 security-relevant unit sent; 1 call, 1234 input and 56 output tokens');
    expect(md).toContain('1 with a verified fix');
  });

  test('the rendered request (snapshot)', async () => {
    server = await startFakeOpenAi({ queue: [{ content: reply('good.json') }] });
    await runJudge(server);
    expect(userMessage(server, 0)).toMatchSnapshot();
  });
});
