import type { Finding } from '../assess/finding.js';
import type { ChangedFile } from '../diff/change-set.js';
import { inSameHunk, rightSideRanges } from '../diff/hunks.js';
import type { FixPresentation } from './render-comment.js';

/** Where an inline comment goes and how its fix is shown. */
export interface Placement {
  readonly startLine: number;
  readonly line: number;
  readonly fix: FixPresentation;
}

/**
 * Places a finding on the RIGHT side of the pull request's diff, or returns undefined (a file-level entry in
 * the review body). A suggestion only when the verified fix replaces exactly the commented range and that
 * range lies inside one hunk; GitHub applies a suggestion to the commented lines, so any other shape would
 * corrupt the file. The fix range is preferred as the commented range when it covers the finding's lines.
 */
export function placeFinding(f: Finding, file: ChangedFile | undefined, headLines?: readonly string[]): Placement | undefined {
  if (!file) return undefined;
  const fix = f.fix?.verified ? f.fix : undefined;
  const oldLines = fix && headLines && fix.endLine <= headLines.length ? headLines.slice(fix.startLine - 1, fix.endLine) : undefined;
  const overlaps = fix !== undefined && fix.startLine <= f.endLine && fix.endLine >= f.startLine;
  if (fix && overlaps && !fix.imports?.length && inSameHunk(file, fix.startLine, fix.endLine)) {
    return { startLine: fix.startLine, line: fix.endLine, fix: { kind: 'suggestion' } };
  }
  const why = !fix
    ? undefined
    : fix.imports?.length
      ? 'The fix also adds an import elsewhere in the file, so it is not offered as a one-click suggestion.'
      : 'The fix covers lines outside this part of the diff, so it is not offered as a one-click suggestion.';
  const presentation: FixPresentation = fix ? { kind: 'diff', oldLines, why: why! } : { kind: 'none' };
  if (inSameHunk(file, f.startLine, f.endLine)) return { startLine: f.startLine, line: f.endLine, fix: presentation };
  // Part of the range is in the diff: anchor on one line of it, preferably an added one.
  const ranges = rightSideRanges(file);
  const inDiff = (n: number) => ranges.some((r) => r.start <= n && n <= r.end);
  const added = file.addedLines.find((n) => n >= f.startLine && n <= f.endLine);
  let anchor = added;
  for (let n = f.startLine; anchor === undefined && n <= f.endLine; n++) if (inDiff(n)) anchor = n;
  if (anchor === undefined) return undefined;
  return { startLine: anchor, line: anchor, fix: presentation };
}
