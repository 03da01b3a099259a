import { describe, expect, test } from '@jest/globals';
import { changedFileFromGithub } from '../../src/diff/index.js';

// Patches shaped like the `patch` field of GET /repos/{owner}/{repo}/pulls/{n}/files: hunks only.
describe('changedFileFromGithub', () => {
  test('a modified file: line numbers from walking the hunks', () => {
    const { file, skipped } = changedFileFromGithub({
      filename: 'app/db.py',
      status: 'modified',
      changes: 3,
      patch: '@@ -10,4 +10,5 @@ def query(db, user):\n     a = 1\n-    sql = "x" % user\n+    sql = "x"\n+    args = (user,)\n     b = 2\n     c = 3',
    });
    expect(skipped).toBeUndefined();
    expect(file).toMatchObject({ path: 'app/db.py', status: 'modified', language: 'python', binary: false });
    expect(file?.addedLines).toEqual([11, 12]);
    expect(file?.deletedLines).toEqual([11]);
    expect(file?.hunks[0]).toMatchObject({ oldStart: 10, oldLines: 4, newStart: 10, newLines: 5, section: 'def query(db, user):' });
  });

  test('added, removed, renamed and copied map to our statuses', () => {
    const added = changedFileFromGithub({ filename: 'n.js', status: 'added', changes: 1, patch: '@@ -0,0 +1 @@\n+eval(x)' });
    expect(added.file).toMatchObject({ status: 'added', addedLines: [1], hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 }] });
    const removed = changedFileFromGithub({ filename: 'o.go', status: 'removed', changes: 2, patch: '@@ -1,2 +0,0 @@\n-a\n-b' });
    expect(removed.file).toMatchObject({ path: 'o.go', status: 'deleted', addedLines: [], deletedLines: [1, 2] });
    const renamed = changedFileFromGithub({ filename: 'b/x.ts', previous_filename: 'a/x.ts', status: 'renamed', changes: 0 });
    expect(renamed).toEqual({ file: expect.objectContaining({ path: 'b/x.ts', oldPath: 'a/x.ts', status: 'renamed', hunks: [] }) });
    const copied = changedFileFromGithub({ filename: 'c.c', previous_filename: 'd.c', status: 'copied', changes: 0 });
    expect(copied.file).toMatchObject({ oldPath: 'd.c', status: 'copied' });
  });

  test('changed (mode only), unchanged and unknown statuses read as modified', () => {
    for (const status of ['changed', 'unchanged', 'something-new']) {
      expect(changedFileFromGithub({ filename: 'x.sh', status, changes: 0 }).file?.status).toBe('modified');
    }
  });

  test('no patch for a source file with changes: too large, reported', () => {
    const { file, skipped } = changedFileFromGithub({ filename: 'big.py', status: 'modified', changes: 12000 });
    expect(file).toMatchObject({ path: 'big.py', binary: false, hunks: [], addedLines: [] });
    expect(skipped).toMatchObject({ path: 'big.py', reason: 'too-large' });
    expect(skipped?.detail).toContain('12000 changed lines');
  });

  test('no patch for another file: binary (or too large), reported', () => {
    const { file, skipped } = changedFileFromGithub({ filename: 'logo.png', status: 'added' });
    expect(file).toMatchObject({ binary: true, status: 'added' });
    expect(skipped).toMatchObject({ path: 'logo.png', reason: 'binary' });
  });

  test('\\ No newline and CRLF in the patch', () => {
    const { file } = changedFileFromGithub({
      filename: 'w.c',
      status: 'modified',
      patch: '@@ -1,2 +1,2 @@\r\n int a;\r\n-int b;\r\n\\ No newline at end of file\r\n+int c;\r\n\\ No newline at end of file',
    });
    expect(file?.hunks[0]?.lines).toEqual([' int a;', '-int b;', '\\ No newline at end of file', '+int c;', '\\ No newline at end of file']);
    expect(file?.addedLines).toEqual([2]);
  });

  test('a truncated patch keeps the lines present and says so', () => {
    const { file, skipped } = changedFileFromGithub({
      filename: 'cut.py',
      status: 'modified',
      patch: '@@ -1,3 +1,3 @@\n a\n-b\n+B\n@@ -20,5 +20,6 @@ def f():\n x\n+y',
    });
    expect(file?.hunks).toHaveLength(2);
    expect(file?.addedLines).toEqual([2, 21]);
    expect(skipped).toMatchObject({ path: 'cut.py', reason: 'malformed-diff' });
    expect(skipped?.detail).toContain('@@ -20,5 +20,6 @@');
  });

  test('text outside any hunk is reported, not thrown', () => {
    const { file, skipped } = changedFileFromGithub({ filename: 'g.js', status: 'modified', patch: 'garbage\n@@ -1 +1 @@\n-a\n+b' });
    expect(file?.addedLines).toEqual([1]);
    expect(skipped?.detail).toContain('patch line 1 is outside any hunk');
  });
});
