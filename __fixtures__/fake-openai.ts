import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request: everything the server received, to assert that nothing secret left the runner. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The raw body as received. */
  readonly raw: string;
  readonly body: {
    model?: string;
    messages?: { role: string; content: string }[];
    input?: string[] | string;
    temperature?: number;
    max_tokens?: number;
    response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
  };
}

/** What the server answers to the next chat request. */
export type FakeReply =
  /** A chat completion whose message content is `content`. */
  | { readonly content: string; readonly usage?: { prompt_tokens: number; completion_tokens: number }; readonly finishReason?: string }
  /** An error status, with optional `retry-after` (seconds or a date) and `retry-after-ms` headers. */
  | { readonly status: number; readonly retryAfter?: string; readonly retryAfterMs?: string; readonly message?: string }
  /** Waits `delayMs` before answering `then` (a delay past the client's timeout makes a timeout). */
  | { readonly delayMs: number; readonly then: FakeReply };

export interface FakeOpenAiOptions {
  /** Replies to chat requests, in order; when it runs out, `chat` answers, else a 500. */
  readonly queue?: FakeReply[];
  readonly chat?: (req: RecordedRequest) => FakeReply | string;
  readonly embed?: (input: string) => number[];
  /** Token usage of chat replies that give none (default 1000 prompt + 100 completion tokens). */
  readonly usage?: { prompt_tokens: number; completion_tokens: number };
  /** Answer 400 to any chat request that asks for `response_format` (an endpoint without structured output). */
  readonly rejectResponseFormat?: boolean;
}

export interface FakeOpenAi {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Queue more replies. */
  push(...replies: FakeReply[]): void;
  /** Every byte of every request, joined: for "this string never reached the server" assertions. */
  allText(): string;
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible server on 127.0.0.1 (`/v1/chat/completions`, `/v1/embeddings`) that records
 * every request and answers from a queue of replies or errors. No network beyond the loopback.
 */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [...(options.queue ?? [])];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let n = 0;

  const send = (res: http.ServerResponse, reply: FakeReply, body: RecordedRequest['body']): void => {
    if ('delayMs' in reply) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) send(res, reply.then, body);
      }, reply.delayMs);
      timers.add(t);
      return;
    }
    res.setHeader('content-type', 'application/json');
    if ('status' in reply) {
      res.statusCode = reply.status;
      if (reply.retryAfter !== undefined) res.setHeader('retry-after', reply.retryAfter);
      if (reply.retryAfterMs !== undefined) res.setHeader('retry-after-ms', reply.retryAfterMs);
      res.end(JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake', code: reply.status } }));
      return;
    }
    n++;
    const usage = reply.usage ?? options.usage ?? { prompt_tokens: 1000, completion_tokens: 100 };
    res.end(
      JSON.stringify({
        id: `chatcmpl-fake-${n}`,
        object: 'chat.completion',
        created: 0,
        model: body.model ?? 'fake',
        choices: [{ index: 0, finish_reason: reply.finishReason ?? 'stop', message: { role: 'assistant', content: reply.content } }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(raw || '{}') as RecordedRequest['body'];
      } catch {
        body = {};
      }
      const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body };
      requests.push(record);
      if (req.url === '/v1/chat/completions') {
        if (options.rejectResponseFormat && body.response_format) {
          return send(res, { status: 400, message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." }, body);
        }
        const next = queue.shift();
        if (next) return send(res, next, body);
        if (options.chat) {
          const answer = options.chat(record);
          return send(res, typeof answer === 'string' ? { content: answer } : answer, body);
        }
        return send(res, { status: 500, message: 'no reply queued' }, body);
      }
      if (req.url === '/v1/embeddings' && options.embed) {
        const input = Array.isArray(body.input) ? body.input : body.input !== undefined ? [body.input] : [];
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({
          object: 'list', model: body.model,
          data: input.map((t, index) => ({ object: 'embedding', index, embedding: options.embed!(t) })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        }));
      }
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end('{"error":{"message":"not found"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...replies) => void queue.push(...replies),
    allText: () => requests.map((r) => `${r.path}\n${JSON.stringify(r.headers)}\n${r.raw}`).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
