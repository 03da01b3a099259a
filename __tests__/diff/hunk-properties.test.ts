import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { changedFileFromGithub, inSameHunk, parseDiff } from '../../src/diff/index.js';

const op = fc.constantFrom('+', '-', ' ');
const hunkArb = fc.record({
  oldStart: fc.integer({ min: 1, max: 5000 }),
  newStart: fc.integer({ min: 1, max: 5000 }),
  ops: fc.array(op, { minLength: 1, maxLength: 40 }),
  omitOneCounts: fc.boolean(),
});

type GeneratedHunk = { oldStart: number; newStart: number; ops: string[]; omitOneCounts: boolean };

// Header as git writes it: a zero count puts the start on the line before, and ",1" may be omitted.
function render({ oldStart, newStart, ops, omitOneCounts }: GeneratedHunk): string {
  const oldLines = ops.filter((o) => o !== '+').length;
  const newLines = ops.filter((o) => o !== '-').length;
  const side = (start: number, count: number): string =>
    count === 0 ? `${start - 1},0` : count === 1 && omitOneCounts ? `${start}` : `${start},${count}`;
  const body = ops.map((o, i) => `${o}line ${i}`);
  return [`@@ -${side(oldStart, oldLines)} +${side(newStart, newLines)} @@`, ...body].join('\n');
}

describe('hunk walking properties', () => {
  test('addedLines lie in the RIGHT range, deletedLines in the LEFT range, one per line', () => {
    fc.assert(
      fc.property(hunkArb, (h) => {
        const { file, skipped } = changedFileFromGithub({ filename: 'p.py', status: 'modified', patch: render(h) });
        expect(skipped).toBeUndefined();
        const hunk = file!.hunks[0]!;
        const plus = h.ops.filter((o) => o === '+').length;
        const minus = h.ops.filter((o) => o === '-').length;
        expect(file!.addedLines).toHaveLength(plus);
        expect(file!.deletedLines).toHaveLength(minus);
        for (const line of file!.addedLines) {
          expect(line).toBeGreaterThanOrEqual(hunk.newStart);
          expect(line).toBeLessThanOrEqual(hunk.newStart + hunk.newLines - 1);
          expect(inSameHunk(file!, line, line)).toBe(true);
        }
        for (const line of file!.deletedLines) {
          expect(line).toBeGreaterThanOrEqual(hunk.oldStart);
          expect(line).toBeLessThanOrEqual(hunk.oldStart + hunk.oldLines - 1);
        }
      }),
    );
  });

  test('the same hunk gives the same file through parseDiff and the GitHub path', () => {
    fc.assert(
      fc.property(hunkArb, (h) => {
        const patch = render(h);
        const fromGithub = changedFileFromGithub({ filename: 'p.py', status: 'modified', patch }).file;
        const fromDiff = parseDiff(`diff --git a/p.py b/p.py\n--- a/p.py\n+++ b/p.py\n${patch}\n`);
        expect(fromDiff.skipped).toEqual([]);
        expect(fromDiff.files[0]).toEqual(fromGithub);
      }),
    );
  });

  test('parseDiff never throws, whatever the lines', () => {
    const diffish = fc.constantFrom(
      'diff --git a/x.py b/x.py', '--- a/x.py', '+++ b/x.py', '--- /dev/null', '+++ /dev/null', '@@ -1,2 +1,3 @@',
      '@@ -1 +1 @@', '@@ -0,0 +1 @@', '@@ -0,2 +0,3 @@', '@@ broken', '+a', '-b', ' c', '', '\\ No newline at end of file', '-- ',
      'new file mode 100644', 'deleted file mode 100644', 'rename from "q\\303', 'GIT binary patch', 'diff --cc m',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(diffish, fc.string()), { maxLength: 30 }), fc.boolean(), (ls, crlf) => {
        const set = parseDiff(ls.join(crlf ? '\r\n' : '\n'));
        for (const file of set.files) {
          expect(file.addedLines.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
          expect(file.path).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });
});
