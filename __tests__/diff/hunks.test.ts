import { describe, expect, test } from '@jest/globals';
import { changedFileFromGithub, inSameHunk, parseDiff, rightSideRanges, type ChangedFile } from '../../src/diff/index.js';

function fromPatch(patch: string): ChangedFile {
  const { file } = changedFileFromGithub({ filename: 'x.py', status: 'modified', patch });
  if (!file) throw new Error('no file');
  return file;
}

describe('rightSideRanges', () => {
  test('one range per hunk, inclusive', () => {
    const file = fromPatch('@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -40,2 +41,3 @@\n x\n+y\n z');
    expect(rightSideRanges(file)).toEqual([
      { start: 1, end: 4 },
      { start: 41, end: 43 },
    ]);
  });

  test('a hunk that only deletes (-U0) has no RIGHT side', () => {
    expect(rightSideRanges(fromPatch('@@ -5,2 +4,0 @@\n-a\n-b'))).toEqual([]);
  });

  test('a binary or mode-only file has none', () => {
    const [file] = parseDiff('diff --git a/t.sh b/t.sh\nold mode 100644\nnew mode 100755\n').files;
    expect(rightSideRanges(file!)).toEqual([]);
  });
});

describe('inSameHunk', () => {
  const file = fromPatch('@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -40,2 +41,3 @@\n x\n+y\n z');

  test('a range inside one hunk', () => {
    expect(inSameHunk(file, 1, 4)).toBe(true);
    expect(inSameHunk(file, 42, 42)).toBe(true);
  });

  test('a range across two hunks or outside every hunk', () => {
    expect(inSameHunk(file, 4, 41)).toBe(false);
    expect(inSameHunk(file, 5, 5)).toBe(false);
    expect(inSameHunk(file, 43, 44)).toBe(false);
  });

  test('reversed, zero or fractional ranges are refused', () => {
    expect(inSameHunk(file, 3, 2)).toBe(false);
    expect(inSameHunk(file, 0, 1)).toBe(false);
    expect(inSameHunk(file, 1.5, 2)).toBe(false);
  });
});
