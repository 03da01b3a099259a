import { createRedactor, findSecrets } from '../../src/redact/redact.js';
import { SECRET_SAMPLES, secretPieces } from './secret-corpus.js';

describe('redaction', () => {
  test(`the corpus has at least 30 shapes (${SECRET_SAMPLES.length})`, () => {
    expect(SECRET_SAMPLES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(SECRET_SAMPLES.map((s) => [s.shape, s] as const))('%s is redacted and restored', (_shape, sample) => {
    const r = createRedactor();
    const redacted = r.redact(sample.code);
    for (const piece of secretPieces(sample.secret)) expect(redacted).not.toContain(piece);
    expect(redacted).toMatch(/__RESCUE_SECRET_\d+__/);
    // Line structure is kept: line numbers shown to the model stay the file's.
    expect(redacted.split('\n')).toHaveLength(sample.code.split('\n').length);
    expect(r.restore(redacted)).toEqual({ text: sample.code, unknown: [] });
  });

  test('one placeholder per distinct value, stable across texts of the run', () => {
    const r = createRedactor();
    const a = r.redact('password = "hunter2!Correct"\nother_password = "hunter2!Correct"');
    const b = r.redact('db_password = "hunter2!Correct"');
    expect(a).toBe('password = "__RESCUE_SECRET_1__"\nother_password = "__RESCUE_SECRET_1__"');
    expect(b).toBe('db_password = "__RESCUE_SECRET_1__"');
    expect(r.count).toBe(1);
    expect(r.restore('x = "__RESCUE_SECRET_2__"').unknown).toEqual(['__RESCUE_SECRET_2__']);
  });

  test('references and code are left alone', () => {
    const code = [
      'password = os.environ["DB_PASSWORD"]',
      'token = request.headers.get("X-Token")',
      'password: string;',
      'api_key = "${API_KEY}"',
      "secret: ${{ secrets.DEPLOY_KEY }}",
      'password = get_password(user)',
      'if not token:',
      'cur.execute("SELECT * FROM users WHERE name = ?", (name,))',
    ].join('\n');
    expect(findSecrets(code)).toEqual([]);
    expect(createRedactor().redact(code)).toBe(code);
  });
});
