import { startFakeOpenAi, type FakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { SECRET_SAMPLES, secretPieces } from '../redact/secret-corpus.js';
import { reply, runJudge, unitOf } from './harness.js';

describe('judge stage: secrets never leave the runner', () => {
  let server: FakeOpenAi;
  afterEach(async () => server?.close());

  test(`none of ${SECRET_SAMPLES.length} secret shapes in code, title or description reaches the server`, async () => {
    const body = SECRET_SAMPLES.map((s) => `    ${s.code.replace(/\n/g, '\n    ')}`).join('\n');
    const source = `def configure(app):\n${body}\n    return app\n`;
    const lines = source.split('\n').length - 1;
    const unit = unitOf('app/config.py', source, 'configure', 1, lines, Array.from({ length: lines }, (_, i) => i + 1));
    server = await startFakeOpenAi({ chat: () => reply('not-vulnerable.json') });
    const out = await runJudge(server, {
      units: [unit],
      files: new Map([['app/config.py', { text: source, language: 'python' as const }]]),
      pr: { title: `Rotate ${SECRET_SAMPLES[2]!.secret}`, body: SECRET_SAMPLES.slice(0, 12).map((s) => s.code).join('\n') },
      caps: { maxInputTokens: 60_000 },
      options: { slice: false },
    });
    expect(server.requests).toHaveLength(1);
    const sent = server.allText();
    // The unit did reach the model, with placeholders where the secrets were.
    expect(sent).toContain('def configure(app)');
    expect(sent).toContain('__RESCUE_SECRET_1__');
    const leaked = SECRET_SAMPLES.filter((s) => secretPieces(s.secret).some((p) => sent.includes(p) || sent.includes(JSON.stringify(p).slice(1, -1))));
    expect(leaked.map((s) => s.shape)).toEqual([]);
    expect(out.stats.redactedSecrets).toBeGreaterThanOrEqual(SECRET_SAMPLES.length);
  });

  test('a placeholder the model kept is restored in the replacement; the message keeps the placeholder', async () => {
    const token = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');
    const source = [
      'def find_user(conn, username):',
      '    cur = conn.cursor()',
      `    audit_token = "${token}"`,
      `    cur.execute("SELECT id, name FROM users WHERE name = '" + username + "'")`,
      '    return cur.fetchone()',
      '',
    ].join('\n');
    server = await startFakeOpenAi({ queue: [{ content: reply('keeps-placeholder.json') }] });
    const out = await runJudge(server, {
      units: [unitOf('app/db.py', source, 'find_user', 1, 5, [3, 4])],
      files: new Map([['app/db.py', { text: source, language: 'python' as const }]]),
    });
    expect(server.allText()).not.toContain(token);
    expect(out.findings[0]!.fix).toMatchObject({ startLine: 3, endLine: 4, verified: true });
    expect(out.findings[0]!.fix!.replacement).toBe(`    audit_token = "${token}"\n    cur.execute("SELECT id, name FROM users WHERE name = ?", (username,))`);
  });

  test('a placeholder the model invented is refused', async () => {
    const invented = reply('good.json').replace('(username,)', '(username, \\"__RESCUE_SECRET_7__\\")');
    server = await startFakeOpenAi({ queue: [{ content: invented }, { content: invented }] });
    const out = await runJudge(server);
    expect(out.stats.rejections).toEqual({ placeholder: 2 });
    expect(out.findings[0]!.fix).toBeUndefined();
  });
});
