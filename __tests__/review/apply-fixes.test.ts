import { expect, test } from '@jest/globals';
import { applyFixes, type ImportPlacer } from '../../src/review/apply-fixes.js';
import { treeSitterImportPlacer } from '../../src/review/import-placer.js';
import { finding } from './findings.js';

const text = ['import os', '', 'def a():', '    one()', '    two()', '', 'def b():', '    three()', ''].join('\n');
const fix = (path: string, startLine: number, endLine: number, replacement: string, extra: object = {}) =>
  finding({ path, startLine, endLine, fingerprint: `${startLine}${endLine}`, fix: { startLine, endLine, replacement, verified: true, ...extra } });

test('fixes apply bottom-up per file against the head text; line ends and the final newline stay', async () => {
  const r = await applyFixes([fix('m.py', 4, 5, '    safe()'), fix('m.py', 8, 8, '    three(safe=True)')], () => text);
  expect(r.refused).toEqual([]);
  expect(r.files).toHaveLength(1);
  expect(r.files[0]!.after).toBe(['import os', '', 'def a():', '    safe()', '', 'def b():', '    three(safe=True)', ''].join('\n'));
});

test('CRLF files keep CRLF', async () => {
  const crlf = 'a\r\nb\r\nc\r\n';
  const r = await applyFixes([fix('w.py', 2, 2, 'B1\nB2')], () => crlf);
  expect(r.files[0]!.after).toBe('a\r\nB1\r\nB2\r\nc\r\n');
});

test('overlapping fixes: the first wins, the other is reported', async () => {
  const first = fix('m.py', 4, 5, '    safe()');
  const second = fix('m.py', 5, 5, '    other()');
  const r = await applyFixes([first, second], () => text);
  expect(r.applied).toEqual([first]);
  expect(r.refused).toEqual([{ finding: second, reason: expect.stringContaining('overlap the fix of CWE-89 at lines 4–5') }]);
});

test('workflows, unverified fixes and lines past the end are not applied', async () => {
  const workflow = fix('.github/workflows/ci.yml', 1, 1, 'x');
  const unverified = finding({ path: 'm.py', startLine: 1, fix: { startLine: 1, endLine: 1, replacement: 'x', verified: false } });
  const past = fix('m.py', 40, 41, 'x');
  const r = await applyFixes([workflow, unverified, past], () => text);
  expect(r.files).toEqual([]);
  expect(r.refused.map((x) => x.reason)).toEqual([expect.stringContaining('.github/workflows/'), 'lines 40–41 are not in the file (8 lines)']);
});

test('imports go to the import block, once per file', async () => {
  const placer: ImportPlacer = async (_p, _l, t, lines) => [{ startIndex: t.indexOf('\n') + 1, endIndex: t.indexOf('\n') + 1, text: lines.join('\n') + '\n' }];
  const r = await applyFixes([fix('m.py', 4, 4, '    shlex.quote(x)', { imports: ['import shlex'] }), fix('m.py', 8, 8, '    shlex.split(y)', { imports: ['import shlex'] })], () => text, placer);
  expect(r.files[0]!.after.split('\n').slice(0, 5)).toEqual(['import os', 'import shlex', '', 'def a():', '    shlex.quote(x)']);
});

test('the tree-sitter placer puts a Python import after the last import', async () => {
  const r = await applyFixes([fix('m.py', 4, 4, '    shlex.quote(x)', { imports: ['import shlex'] })], () => text, treeSitterImportPlacer);
  expect(r.refused).toEqual([]);
  expect(r.files[0]!.after.startsWith('import os\nimport shlex\n\ndef a():\n    shlex.quote(x)\n')).toBe(true);
});
