import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeOpenAi, type RecordedRequest } from '../../__fixtures__/fake-openai.js';
import { createOpenAiChatClient } from '../../src/llm/openai-client.js';
import { kbCausePrompt } from '../../src/llm/prompts/kb-cause.v1.js';
import { kbGuidelinesPrompt } from '../../src/llm/prompts/kb-guidelines.v1.js';
import { kbMergeCausePrompt } from '../../src/llm/prompts/kb-merge-cause.v1.js';
import { kbMergeGuidelinesPrompt } from '../../src/llm/prompts/kb-merge-guidelines.v1.js';
import { callsPerLevel, chunk, plannedCalls } from '../../src/kb/summarize/batching.js';
import { directoryCache } from '../../src/kb/summarize/cache.js';
import { summarizeCwes, type KbCase } from '../../src/kb/summarize/driver.js';

const replies = path.join(import.meta.dirname, '..', 'data', 'kb', 'replies');
const reply = (name: string) => fs.readFileSync(path.join(replies, name), 'utf8');
/** Tokens per call (the totals below count them). */
const usage = { prompt_tokens: 100, completion_tokens: 20 };

const PROMPTS = [
  [kbGuidelinesPrompt.system, 'guidelines.json'],
  [kbCausePrompt.system, 'cause.json'],
  [kbMergeGuidelinesPrompt.system, 'merge-guidelines.txt'],
  [kbMergeCausePrompt.system, 'merge-cause.json'],
] as const;

function promptOf(req: RecordedRequest): string {
  const system = req.body.messages?.[0]?.content;
  const hit = PROMPTS.find(([s]) => s === system);
  if (!hit) throw new Error('unknown prompt');
  return hit[1];
}

const cases = (n: number): KbCase[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `pair-${i}`,
    language: 'python',
    description: `Write a function that looks up record ${i}.`,
    vulnerable: `cur.execute("SELECT * FROM t WHERE id = %s" % rid${i})`,
    secure: `cur.execute("SELECT * FROM t WHERE id = %s", (rid${i},))`,
  }));

describe('batching', () => {
  test('chunks into batches of at most b', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(callsPerLevel(23, 10)).toEqual([3, 1]);
    expect(callsPerLevel(10, 10)).toEqual([1]);
    expect(callsPerLevel(101, 10)).toEqual([11, 2, 1]);
    expect(plannedCalls(0, 10)).toBe(0);
  });
});

describe('summarizeCwes against a fake OpenAI-compatible server', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cache-'));
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  test('23 pairs, b = 10: 3 first-level calls and 1 merge per output; a second run makes none', async () => {
    const server = await startFakeOpenAi({ usage, chat: (req) => reply(promptOf(req)) });
    try {
      const client = createOpenAiChatClient({ baseURL: server.baseURL, apiKey: 'k', maxRetries: 0 });
      const run = () => summarizeCwes([{ cwe: 'CWE-89', cases: cases(23) }], { client, model: 'fake-model', batchSize: 10, cache: directoryCache(cacheDir) });
      const first = await run();
      const counts = new Map<string, number>();
      for (const r of server.requests) counts.set(promptOf(r), (counts.get(promptOf(r)) ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual({ 'guidelines.json': 3, 'cause.json': 3, 'merge-guidelines.txt': 1, 'merge-cause.json': 1 });
      expect(first.report).toMatchObject({ calls: 8, retries: 0, cacheHits: 0, promptTokens: 800, completionTokens: 160, failures: [] });
      expect(first.summaries).toEqual([
        { cwe: 'CWE-89', guidelines: JSON.parse(reply('merge-guidelines.txt').split('\n')[2]!).guidelines, cause: JSON.parse(reply('merge-cause.json')).cause },
      ]);
      // Each first-level batch carried its own cases: 10, 10 and 3.
      const firstLevel = server.requests.filter((r) => promptOf(r) === 'guidelines.json');
      expect(firstLevel.map((r) => r.body.messages![1]!.content.match(/^## Case /gm)!.length)).toEqual([10, 10, 3]);
      expect(firstLevel[0]!.body.model).toBe('fake-model');

      const second = await run();
      expect(server.requests).toHaveLength(8);
      expect(second.report).toMatchObject({ calls: 0, cacheHits: 8 });
      expect(second.summaries).toEqual(first.summaries);
    } finally {
      await server.close();
    }
  });

  test('a malformed reply is retried once, then reported; the other output and CWEs go on', async () => {
    const server = await startFakeOpenAi({
      usage,
      chat: (req) => (promptOf(req) === 'cause.json' && req.body.messages![1]!.content.includes('CWE-89') ? reply('malformed.txt') : reply(promptOf(req))),
    });
    try {
      const client = createOpenAiChatClient({ baseURL: server.baseURL, apiKey: 'k', maxRetries: 0 });
      const { summaries, report } = await summarizeCwes(
        [{ cwe: 'CWE-89', cases: cases(3) }, { cwe: 'CWE-78', cases: cases(2) }],
        { client, model: 'm', cache: directoryCache(cacheDir) },
      );
      const retried = server.requests.filter((r) => promptOf(r) === 'cause.json' && r.body.messages![1]!.content.includes('CWE-89'));
      expect(retried).toHaveLength(2);
      expect(retried[1]!.body.messages).toHaveLength(4); // the bad reply and the reason go back to the model
      expect(report.retries).toBe(1);
      expect(report.failures).toEqual([
        { cwe: 'CWE-89', output: 'cause', level: 1, batch: 0, reason: 'malformed reply: no JSON object in the reply' },
      ]);
      expect(summaries.find((s) => s.cwe === 'CWE-89')).toEqual({ cwe: 'CWE-89', guidelines: expect.any(Array) });
      expect(summaries.find((s) => s.cwe === 'CWE-78')?.cause).toContain('SQL');
      // The failure was not cached: a later run asks again.
      const calls = server.requests.length;
      await summarizeCwes([{ cwe: 'CWE-89', cases: cases(3) }], { client, model: 'm', cache: directoryCache(cacheDir) });
      expect(server.requests.length - calls).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('a malformed reply followed by a good one is used', async () => {
    let first = true;
    const server = await startFakeOpenAi({
      usage,
      chat: (req) => {
        if (promptOf(req) === 'guidelines.json' && first) {
          first = false;
          return '{"guidelines": []}';
        }
        return reply(promptOf(req));
      },
    });
    try {
      const client = createOpenAiChatClient({ baseURL: server.baseURL, apiKey: 'k', maxRetries: 0 });
      const { summaries, report } = await summarizeCwes([{ cwe: 'CWE-89', cases: cases(1) }], { client, model: 'm' });
      expect(report).toMatchObject({ calls: 3, retries: 1, failures: [] });
      expect(summaries[0]!.guidelines).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
