import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { kbGuidelinesPrompt } from '../../src/llm/prompts/kb-guidelines.v1.js';
import { kbMergeGuidelinesPrompt } from '../../src/llm/prompts/kb-merge-guidelines.v1.js';

/**
 * A local OpenAI-compatible chat endpoint for the summarizer: a guidelines prompt gets one guideline that
 * names the CWE of the batch (so tests can see which CWEs were summarized), a cause prompt a cause.
 */
export async function startFakeLlm(): Promise<{ baseURL: string; cwesAsked: () => string[]; calls: () => number; close(): Promise<void> }> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { model?: string; messages?: { role: string; content: string }[] };
      const system = body.messages?.[0]?.content ?? '';
      const user = body.messages?.[1]?.content ?? '';
      const cwe = /\b(CWE-\d+)\b/.exec(user)?.[1] ?? 'CWE-0';
      asked.push(cwe);
      const guidelines = system === kbGuidelinesPrompt.system || system === kbMergeGuidelinesPrompt.system;
      const content = guidelines
        ? JSON.stringify({ guidelines: [`Team lesson for ${cwe}: pass untrusted values to the sink only through its safe, parameterized form.`] })
        : JSON.stringify({ cause: `For ${cwe}, text that an outside party controls reaches a sensitive operation through string building, and the code applies no parameterization, encoding or allow-list check before it.` });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({
        id: `c${asked.length}`, object: 'chat.completion', created: 0, model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    cwesAsked: () => [...new Set(asked)].sort(),
    calls: () => asked.length,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
