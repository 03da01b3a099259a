import type { ChangedFile } from './change-set.js';

/** An inclusive range of RIGHT-side (new file) line numbers. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Each hunk's RIGHT-side line range. GitHub accepts a review comment (and so a suggestion) only on
 * lines inside one of these; a hunk that only deletes has no RIGHT side and gives no range.
 */
export function rightSideRanges(file: ChangedFile): LineRange[] {
  return file.hunks
    .filter((hunk) => hunk.newLines > 0)
    .map((hunk) => ({ start: hunk.newStart, end: hunk.newStart + hunk.newLines - 1 }));
}

/**
 * Whether RIGHT-side lines startLine..endLine all lie inside one hunk: the condition for a multi-line
 * comment or a suggestion. A reversed or non-positive range is refused rather than repaired, since
 * it usually means a line number came from model output.
 */
export function inSameHunk(file: ChangedFile, startLine: number, endLine: number): boolean {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) return false;
  return rightSideRanges(file).some((range) => range.start <= startLine && endLine <= range.end);
}
