import fs from 'node:fs';
import path from 'node:path';
import { parseDiff } from '../../src/diff/parse-diff.js';
import { reviewChange } from '../../src/pipeline/review-change.js';
import type { FileSource } from '../../src/pipeline/file-source.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';

const dir = path.resolve(import.meta.dirname, '../data/bad');
const read = (name: string) => fs.readFileSync(path.join(dir, name));

/** A diff that adds each file whole, as `git diff` shows new files. */
function addedFilesDiff(files: Record<string, Uint8Array>): string {
  return Object.entries(files)
    .map(([name, bytes]) => {
      const lines = Buffer.from(bytes).toString('latin1').split('\n');
      if (lines.at(-1) === '') lines.pop();
      return `diff --git a/${name} b/${name}\nnew file mode 100644\n--- /dev/null\n+++ b/${name}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
    })
    .join('');
}

test('the bad-input corpus reviews without a crash, with a warning per skipped item', async () => {
  const files: Record<string, Uint8Array> = {
    'blob.py': read('blob.py'),
    'latin1.py': read('latin1.py'),
    'broken.py': read('broken.py'),
    'huge.py': Buffer.from('x = 1\n'.repeat(5 * 1024 * 1024 / 6 + 1)),
    'bundle.js': Buffer.from('var a=' + '1+'.repeat(500 * 1024) + '1;'),
  };
  const changeSet = parseDiff(
    addedFilesDiff({ 'blob.py': Buffer.from('binary\n'), 'latin1.py': files['latin1.py'], 'broken.py': files['broken.py'], 'huge.py': Buffer.from('x = 1\n'), 'bundle.js': Buffer.from('var a=1;\n') }) +
      'diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..1111111\nBinary files /dev/null and b/logo.png differ\n',
  );
  const source: FileSource = { read: async (p) => files[p] };
  const logger = new RecordingLogger();
  const result = await reviewChange({ changeSet, source, logger });

  const reasons = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
  expect(reasons).toEqual({ 'blob.py': 'binary', 'latin1.py': 'encoding', 'huge.py': 'too-large', 'bundle.js': 'minified', 'logo.png': 'binary' });
  for (const name of Object.keys(reasons)) expect(logger.warnings.some((w) => w.startsWith(`${name}: skipped`))).toBe(true);

  // The file that does not parse is still reviewed where it parses, with a warning. (tree-sitter's error
  // recovery may swallow what follows the broken function into its ERROR node.)
  expect(result.parseErrors).toEqual(['broken.py']);
  expect(logger.warnings).toContain('broken.py: has syntax errors; reviewed the parts that parsed');
  const names = result.units.filter((u) => u.path === 'broken.py').map((u) => u.name);
  expect(names).toContain('fine');
});

test('an empty diff reviews nothing and warns about nothing', async () => {
  const logger = new RecordingLogger();
  const result = await reviewChange({ changeSet: parseDiff(read('empty.diff').toString()), source: { read: async () => undefined }, logger });
  expect(result.units).toEqual([]);
  expect(logger.warnings).toEqual([]);
});

test('a diff that only deletes files lists each deletion and reviews nothing', async () => {
  const logger = new RecordingLogger();
  const result = await reviewChange({ changeSet: parseDiff(read('deletes-only.diff').toString()), source: { read: async () => undefined }, logger });
  expect(result.units).toEqual([]);
  expect(result.skipped.map((s) => [s.path, s.reason])).toEqual([
    ['old/legacy.py', 'deleted'],
    ['old/helper.js', 'deleted'],
  ]);
  expect(logger.lines.filter((l) => /^old\/.*: skipped \(deleted\)/.test(l.message))).toHaveLength(2);
});

test('garbage instead of a diff is reported, not thrown', async () => {
  const logger = new RecordingLogger();
  const result = await reviewChange({ changeSet: parseDiff('this is not a diff\nat all\n'), source: { read: async () => undefined }, logger });
  expect(result.skipped.map((s) => s.reason)).toEqual(['malformed-diff']);
  expect(logger.warnings).toHaveLength(1);
});
