import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/index.js';

// Inputs no tool in generate.sh produces, or produces only with special configuration; built inline.
const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('parseDiff edge cases', () => {
  test('a hunk with no file header is reported, not guessed', () => {
    const set = parseDiff(lines('@@ -1 +1 @@', '-a', '+b'));
    expect(set.files).toEqual([]);
    expect(set.skipped).toEqual([{ reason: 'malformed-diff', detail: expect.stringContaining('line 1: hunk without a file header') }]);
  });

  test('a combined diff of a merge is reported as unsupported', () => {
    const set = parseDiff(lines('diff --cc m.py', 'index 1,2..3', '@@@ -1,1 -1,1 +1,1 @@@', '- a', ' -b', '++c'));
    expect(set.files).toEqual([]);
    expect(set.skipped).toEqual([{ reason: 'malformed-diff', detail: expect.stringContaining('combined diff') }]);
  });

  test('removed SQL comments (`--- note`) stay hunk body while counts remain', () => {
    const set = parseDiff(lines('diff --git a/q.sql b/q.sql', '--- a/q.sql', '+++ b/q.sql', '@@ -1,3 +1,2 @@', '--- note', '+++ x', ' SELECT 1;', '-DROP t;'));
    expect(set.skipped).toEqual([]);
    expect(set.files[0]).toMatchObject({ path: 'q.sql', addedLines: [1], deletedLines: [1, 3] });
  });

  test('more body lines than declared: kept and reported', () => {
    const set = parseDiff(lines('--- a/x.py', '+++ b/x.py', '@@ -1,1 +1,1 @@', '-a', '+b', '+c'));
    expect(set.files[0]).toMatchObject({ addedLines: [1, 2], hunks: [{ oldLines: 1, newLines: 2 }] });
    expect(set.skipped[0]).toMatchObject({ path: 'x.py', reason: 'malformed-diff' });
    expect(set.skipped[0]?.detail).toContain('declares 1 old and 1 new lines but its body has 1 and 2');
  });

  test('an unreadable hunk header costs that hunk only', () => {
    const set = parseDiff(lines('--- a/x.py', '+++ b/x.py', '@@ -a +b @@', '-a', '+b', '@@ -9 +9 @@', '-y', '+z'));
    expect(set.files[0]?.addedLines).toEqual([9]);
    expect(set.skipped).toEqual([{ path: 'x.py', reason: 'malformed-diff', detail: 'x.py: line 3: unreadable hunk header "@@ -a +b @@"; hunk ignored' }]);
  });

  test('a non-empty side starting at line 0 is numbered from 1 and reported', () => {
    const set = parseDiff(lines('--- a/x.py', '+++ b/x.py', '@@ -0,1 +0,1 @@', '-a', '+b'));
    expect(set.files[0]).toMatchObject({ addedLines: [1], deletedLines: [1], hunks: [{ oldStart: 1, newStart: 1 }] });
    expect(set.skipped[0]?.detail).toContain('starts a non-empty side at line 0');
  });

  test('mnemonic prefixes (diff.mnemonicPrefix) are stripped', () => {
    const set = parseDiff(lines('diff --git c/src/x.go w/src/x.go', '--- c/src/x.go', '+++ w/src/x.go', '@@ -1 +1 @@', '-a', '+b'));
    expect(set.files[0]?.path).toBe('src/x.go');
  });

  test('--no-prefix keeps a path that really starts with a/', () => {
    const set = parseDiff(lines('diff --git a/x.py a/x.py', 'old mode 100644', 'new mode 100755'));
    expect(set.files[0]).toMatchObject({ path: 'a/x.py', oldMode: '100644', newMode: '100755' });
  });

  test('unquoted UTF-8 paths (core.quotepath=false) pass through', () => {
    const set = parseDiff(lines('diff --git a/données/é.py b/données/é.py', '--- a/données/é.py', '+++ b/données/é.py', '@@ -1 +1 @@', '-a', '+b'));
    expect(set.files[0]?.path).toBe('données/é.py');
  });

  test('plain diff -u from Windows: backslashes become slashes', () => {
    const set = parseDiff(lines('--- old\\src\\f.c\t2025-01-01', '+++ new\\src\\f.c\t2025-01-02', '@@ -1 +1 @@', '-a', '+b'));
    expect(set.files[0]).toMatchObject({ path: 'src/f.c', status: 'modified', language: 'c' });
  });

  test('plain diff -u of x.py.orig against x.py names the new file and is no rename', () => {
    const set = parseDiff(lines('--- x.py.orig', '+++ x.py', '@@ -1 +1 @@', '-a', '+b'));
    expect(set.files[0]).toEqual(expect.objectContaining({ path: 'x.py', status: 'modified' }));
    expect(set.files[0]?.oldPath).toBeUndefined();
  });

  test('git log -p: commit headers between files are not malformed text', () => {
    const set = parseDiff(
      lines('commit 0123456789abcdef0123456789abcdef01234567', 'Author: A <a@b>', '', '    msg', '',
        'diff --git a/a.py b/a.py', '--- a/a.py', '+++ b/a.py', '@@ -1 +1 @@', '-a', '+b', '',
        'commit 89abcdef0123456789abcdef0123456789abcdef', 'Author: A <a@b>', '', '    second', '',
        'diff --git a/b.py b/b.py', '--- a/b.py', '+++ b/b.py', '@@ -1 +1 @@', '-c', '+d'),
    );
    expect(set.files.map((f) => f.path)).toEqual(['a.py', 'b.py']);
    expect(set.skipped).toEqual([]);
  });

  test('whitespace only is an empty change, not a malformed one', () => {
    expect(parseDiff('\n \r\n')).toEqual({ files: [], skipped: [] });
  });
});
