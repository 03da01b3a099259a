import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly path: string;
  readonly body: { model?: string; messages?: { role: string; content: string }[]; input?: string[] };
}

/**
 * A local OpenAI-compatible server on 127.0.0.1: `chat` answers chat completions, `embed` embeddings.
 * Records every request.
 */
export async function startFakeOpenAi(handlers: {
  chat?: (req: FakeRequest) => string;
  embed?: (input: string) => number[];
}): Promise<{ baseURL: string; requests: FakeRequest[]; close(): Promise<void> }> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as FakeRequest['body'];
      const record = { path: req.url ?? '', body };
      requests.push(record);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/chat/completions' && handlers.chat) {
        const content = handlers.chat(record);
        return res.end(JSON.stringify({
          id: `c${requests.length}`, object: 'chat.completion', created: 0, model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }));
      }
      if (req.url === '/v1/embeddings' && handlers.embed) {
        const input = body.input ?? [];
        return res.end(JSON.stringify({
          object: 'list', model: body.model,
          data: input.map((t, index) => ({ object: 'embedding', index, embedding: handlers.embed!(t) })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        }));
      }
      res.statusCode = 404;
      res.end('{"error":{"message":"not found"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
