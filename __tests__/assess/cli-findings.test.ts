// `rescue review` and `rescue scan` with findings from the bundled knowledge base (kb/build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const reviewExample = ['review', '--diff', 'examples/insecure-change/change.diff', '--root', 'examples/insecure-change'];

interface FindingJson {
  path: string;
  cwe: string;
  ruleId: string;
  unit: string;
  fix?: { verified: boolean; replacement: string; startLine: number; endLine: number };
}

test('review of the example change prints findings with verified fixes and exits 1', async () => {
  const m = memoryIo({ cwd: root });
  expect(await runCli(reviewExample, m.io)).toBe(1);
  const text = m.stdout();
  expect(text).toMatch(/CWE-502 line 36 in export_report/);
  expect(text).toMatch(/verified fix, replaces line 36: .*\n +settings = yaml\.safe_load\(request\.get_data\(\)\)/);
  expect(text).toMatch(/CWE-502\.g\d: /);
});

test('review --format json lists findings, suppressed findings and rejected fixes', async () => {
  const m = memoryIo({ cwd: root });
  expect(await runCli([...reviewExample, '--format', 'json'], m.io)).toBe(1);
  const json = JSON.parse(m.stdout());
  const findings = json.findings as FindingJson[];
  expect(findings.find((f) => f.cwe === 'CWE-502')).toMatchObject({ path: 'app/reports.py', unit: 'export_report', fix: { verified: true } });
  expect(json.suppressed).toEqual([]);
  expect(Array.isArray(json.rejectedFixes)).toBe(true);
  // Only the functions the change touches: list_items holds a query too, but is unchanged.
  expect(findings.every((f) => f.unit !== 'list_items')).toBe(true);
});

test('the severity threshold flag filters findings and the exit code', async () => {
  const m = memoryIo({ cwd: root });
  // The example change has no critical weakness.
  expect(await runCli([...reviewExample, '--format', 'json', '--severity-threshold', 'critical'], m.io)).toBe(0);
  const json = JSON.parse(m.stdout());
  expect((json.findings as { severity: string }[]).every((f) => f.severity === 'critical')).toBe(true);
  expect(json.belowThreshold).toBeGreaterThan(0);
});

describe('with a repository config', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-scan-'));
    fs.writeFileSync(path.join(dir, 'app.py'), 'import yaml\n\n\ndef load(path):\n    with open(path) as f:\n        return yaml.load(f)\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('scan finds the weakness; .github/rescue.yml disables its CWE, reported as suppressed', async () => {
    const a = memoryIo({ cwd: dir });
    expect(await runCli(['scan', '.', '--format', 'json'], a.io)).toBe(1);
    expect(JSON.parse(a.stdout()).findings).toEqual([expect.objectContaining({ cwe: 'CWE-502', fix: expect.objectContaining({ verified: true }) })]);

    fs.mkdirSync(path.join(dir, '.github'));
    fs.writeFileSync(path.join(dir, '.github', 'rescue.yml'), 'disable-cwes: [CWE-502]\n');
    const b = memoryIo({ cwd: dir });
    expect(await runCli(['scan', '.', '--format', 'json'], b.io)).toBe(0);
    const json = JSON.parse(b.stdout());
    expect(json.findings).toEqual([]);
    expect(json.suppressed).toEqual([expect.objectContaining({ cwe: 'CWE-502', suppression: { kind: 'config', reason: 'CWE-502 is disabled by the repository configuration' } })]);

    const c = memoryIo({ cwd: dir });
    await runCli(['scan', '.'], c.io);
    expect(c.stdout()).toMatch(/No findings in 1 unit of 1 file \(\d+ ms\); 1 suppressed/);
  });

  test('--config names another file; a bad file exits 2 naming the file and the field', async () => {
    fs.writeFileSync(path.join(dir, 'strict.yml'), 'severity-threshold: critical\n');
    const a = memoryIo({ cwd: dir });
    expect(await runCli(['scan', 'app.py', '--config', 'strict.yml'], a.io)).toBe(0);
    const b = memoryIo({ cwd: dir });
    expect(await runCli(['scan', 'app.py', '--config', 'strict.yml', '--severity-threshold', 'high'], b.io)).toBe(1);

    fs.writeFileSync(path.join(dir, 'bad.yml'), 'severity-threshold: severe\n');
    const c = memoryIo({ cwd: dir });
    expect(await runCli(['scan', 'app.py', '--config', 'bad.yml'], c.io)).toBe(2);
    expect(c.stderr()).toContain('bad.yml: severity-threshold: must be one of low, medium, high, critical');
  });

  test('a rescue-ignore comment suppresses the finding', async () => {
    fs.writeFileSync(path.join(dir, 'app.py'), 'import yaml\n\n\ndef load(path):\n    with open(path) as f:\n        return yaml.load(f)  # rescue-ignore CWE-502: our own signed files\n');
    const m = memoryIo({ cwd: dir });
    expect(await runCli(['scan', '.', '--format', 'json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout()).suppressed).toEqual([expect.objectContaining({ suppression: { kind: 'inline', line: 6, reason: 'our own signed files' } })]);
  });
});
