import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-scan-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// A file is parsed (and its units listed) only when some rule could match it: these hash their input.
const PY_HASH = 'import hashlib\n\n\n';

test('scan walks folders, honours .gitignore at every level, and makes every function a unit', async () => {
  const dir = tree({
    '.gitignore': 'build/\n*.gen.py\n',
    'src/a.py': `${PY_HASH}def one(b):\n    return hashlib.sha256(b)\n\n\ndef two():\n    return 2\n`,
    'src/b.gen.py': 'def generated():\n    pass\n',
    'src/sub/.gitignore': 'skip.go\n',
    'src/sub/skip.go': 'package sub\n\nfunc Skip() {}\n',
    'src/sub/keep.go': 'package sub\n\nimport "strconv"\n\nfunc Keep(s string) int {\n\tn, _ := strconv.Atoi(s)\n\treturn n\n}\n',
    'build/out.js': 'function built() {}\n',
    'README.md': '# not code\n',
  });
  const m = memoryIo({ cwd: dir });
  await runCli(['scan', '.', '--format', 'json'], m.io);
  const units = JSON.parse(m.stdout()).units.map((u: { path: string; unit: string }) => `${u.path}:${u.unit}`);
  expect(units).toEqual(['src/a.py:one', 'src/a.py:two', 'src/sub/keep.go:Keep']);
});

test('scan --exclude and --include filter paths', async () => {
  const dir = tree({ 'a/x.py': `${PY_HASH}def x(b):\n    return hashlib.sha256(b)\n`, 'b/y.py': `${PY_HASH}def y(b):\n    return hashlib.sha256(b)\n` });
  const ex = memoryIo({ cwd: dir });
  await runCli(['scan', '.', '--format', 'json', '--exclude', 'a/**'], ex.io);
  expect(JSON.parse(ex.stdout()).units.map((u: { unit: string }) => u.unit)).toEqual(['y']);
  const inc = memoryIo({ cwd: dir });
  await runCli(['scan', '.', '--format', 'json', '--include', 'a/**'], inc.io);
  expect(JSON.parse(inc.stdout()).units.map((u: { unit: string }) => u.unit)).toEqual(['x']);
});

test('scan writes the report to --output', async () => {
  const dir = tree({ 'a.js': 'function a() { return 1; }\n' });
  const m = memoryIo({ cwd: dir });
  expect(await runCli(['scan', 'a.js', '--format', 'sarif', '--output', 'out/r.sarif'], m.io)).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/r.sarif'), 'utf8')).version).toBe('2.1.0');
  expect(m.stdout()).toBe('');
});
