import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/insecure-change');

interface UnitJson {
  path: string;
  unit: string;
  kind: string;
  startLine: number;
  endLine: number;
  language: string;
}

test('review --diff reports the units the example change touches, as findings JSON v1', async () => {
  const m = memoryIo({ cwd: root });
  const code = await runCli(['review', '--diff', 'examples/insecure-change/change.diff', '--root', 'examples/insecure-change', '--format', 'json'], m.io);
  expect(code).toBeLessThan(2);
  const json = JSON.parse(m.stdout());
  expect(json.version).toBe(1);
  expect(Array.isArray(json.findings)).toBe(true);
  const units = (json.units as UnitJson[]).map((u) => `${u.path}:${u.unit}:${u.kind}`);
  expect(units).toEqual(
    expect.arrayContaining(['app/reports.py:search_items:function', 'app/reports.py:export_report:function', 'web/server.js:resetToken:function']),
  );
  expect(units.some((u) => u.startsWith('app/reports.py:list_items'))).toBe(false);
  expect(json.stats.files).toBe(2);
});

test('review reads a diff from stdin', async () => {
  const diff = fs.readFileSync(path.join(example, 'change.diff'), 'utf8');
  const m = memoryIo({ cwd: example, stdin: diff });
  await runCli(['review', '--diff', '-', '--format', 'json'], m.io);
  expect(JSON.parse(m.stdout()).units.length).toBeGreaterThanOrEqual(3);
});

test('review --base diffs the working tree against a git ref', async () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  fs.writeFileSync(path.join(repo, 'a.py'), 'def f(x):\n    return x\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  fs.writeFileSync(path.join(repo, 'a.py'), 'def f(x):\n    return eval(x)\n\n\ndef g():\n    return 1\n');
  const m = memoryIo({ cwd: repo });
  await runCli(['review', '--base', 'HEAD', '--format', 'json'], m.io);
  const units = JSON.parse(m.stdout()).units as UnitJson[];
  expect(units.map((u) => u.unit).sort()).toEqual(['f', 'g']);
});

test('text output groups by file and has no colour when piped', async () => {
  const m = memoryIo({ cwd: example });
  await runCli(['review', '--diff', 'change.diff'], m.io);
  expect(m.stdout()).toMatch(/^app\/reports\.py$/m);
  expect(m.stdout()).not.toMatch(/\u001b\[/);
});

test('sarif output is a SARIF 2.1.0 log', async () => {
  const m = memoryIo({ cwd: example });
  await runCli(['review', '--diff', 'change.diff', '--format', 'sarif'], m.io);
  const sarif = JSON.parse(m.stdout());
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.runs[0].tool.driver.name).toBe('RESCUE');
});

test.each([
  [['review'], /exactly one of --diff/],
  [['review', '--diff', 'x.diff', '--base', 'main'], /exactly one of --diff/],
  [['review', '--diff', 'nope.diff'], /cannot read/],
  [['review', '--diff', 'change.diff', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
  [['review', '--diff', 'change.diff', '--severity-threshold', 'urgent'], /--severity-threshold must be one of/],
  [['review', '--bogus'], /Unknown option '--bogus'/],
  [['scan'], /at least one file or folder/],
  [['scan', 'missing-folder'], /no such file or folder: missing-folder/],
  [['frobnicate'], /unknown command "frobnicate"/],
])('usage error %j exits 2 with a message', async (args, message) => {
  const m = memoryIo({ cwd: example });
  expect(await runCli(args, m.io)).toBe(2);
  expect(m.stderr()).toMatch(message);
});

test('--version and --help', async () => {
  const v = memoryIo({ cwd: root });
  expect(await runCli(['--version'], v.io)).toBe(0);
  expect(v.stdout().trim()).toMatch(/^(dev|\d+\.\d+\.\d+)/);
  const h = memoryIo({ cwd: root });
  expect(await runCli(['review', '--help'], h.io)).toBe(0);
  expect(h.stdout()).toMatch(/Usage: rescue review/);
});
