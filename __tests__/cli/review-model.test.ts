import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeOpenAi, type FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { runCli } from '../../src/cli/main.js';

// `rescue review` with a model: the retrieval gate sends the changed unit to an OpenAI-compatible endpoint
// (a local fake), the judge's replacement is verified, and the finding carries the model as its source.
const reply = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'data', 'llm', name), 'utf8');

const DB_PY = `import sqlite3


def find_user(conn, username):
    # Look up the user by name
    cur = conn.cursor()
    cur.execute("SELECT id, name FROM users WHERE name = '" + username + "'")
    return cur.fetchone()
`;

const DIFF = `diff --git a/app/db.py b/app/db.py
--- a/app/db.py
+++ b/app/db.py
@@ -4,5 +4,5 @@ import sqlite3
 def find_user(conn, username):
     # Look up the user by name
     cur = conn.cursor()
-    cur.execute("SELECT id, name FROM users WHERE name = ?", (username,))
+    cur.execute("SELECT id, name FROM users WHERE name = '" + username + "'")
     return cur.fetchone()
`;

let server: FakeOpenAi | undefined;
afterEach(async () => server?.close());

function repo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-model-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app/db.py'), DB_PY);
  fs.writeFileSync(path.join(dir, 'change.diff'), DIFF);
  return dir;
}

test('with --llm-provider openai the changed unit is judged and the verified rewrite reported', async () => {
  server = await startFakeOpenAi({ queue: [{ content: reply('good.json'), usage: { prompt_tokens: 1500, completion_tokens: 120 } }] });
  const dir = repo();
  const m = memoryIo({ cwd: dir, env: { OPENAI_API_KEY: 'test-key' } });
  const code = await runCli(
    ['review', '--diff', 'change.diff', '--format', 'json', '--llm-provider', 'openai', '--llm-base-url', server.baseURL, '--llm-model', 'small', '--title', 'Look users up by name'],
    m.io,
  );
  expect(code).toBe(1);
  const json = JSON.parse(m.stdout());
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0]!.body.model).toBe('small');
  expect(server.requests[0]!.headers.authorization).toBe('Bearer test-key');
  // The PR text goes to the model inside the untrusted block, after the instructions.
  expect(JSON.stringify(server.requests[0]!.body.messages)).toContain('Look users up by name');
  const sql = (json.findings as { cwe: string; source: string; fix?: { verified: boolean; replacement: string } }[]).filter((f) => f.cwe === 'CWE-89');
  expect(sql.length).toBeGreaterThanOrEqual(1);
  expect(sql.some((f) => f.fix?.verified && f.fix.replacement.includes('(username,)'))).toBe(true);
  expect(json.stats).toMatchObject({ unitsSentToLlm: 1, llmCalls: 1, promptTokens: expect.any(Number) });
  expect(json.stats.promptTokens).toBeGreaterThan(0);
});

test('without a provider nothing is sent anywhere', async () => {
  server = await startFakeOpenAi({ queue: [{ content: reply('good.json') }] });
  const dir = repo();
  const m = memoryIo({ cwd: dir, env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseURL } });
  await runCli(['review', '--diff', 'change.diff', '--format', 'json'], m.io);
  expect(server.requests).toHaveLength(0);
  expect(JSON.parse(m.stdout()).stats.llmCalls).toBe(0);
});

test('a model outage keeps the rule findings and says so', async () => {
  server = await startFakeOpenAi({ queue: [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }] });
  const dir = repo();
  const m = memoryIo({ cwd: dir, env: { OPENAI_API_KEY: 'k' } });
  await runCli(['review', '--diff', 'change.diff', '--format', 'markdown', '--llm-provider', 'openai', '--llm-base-url', server.baseURL], m.io);
  expect(m.stdout()).toMatch(/The model failed/);
  expect(m.stderr()).toMatch(/warning/);
});

test('a bad --llm-provider is a usage error', async () => {
  const m = memoryIo({ cwd: repo() });
  expect(await runCli(['review', '--diff', 'change.diff', '--llm-provider', 'anthropic'], m.io)).toBe(2);
  expect(m.stderr()).toMatch(/--llm-provider must be none, openai or auto/);
});
