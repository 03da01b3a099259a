import type { ChangedFile } from '../diff/change-set.js';

/**
 * The RIGHT-side lines a change touches: every added line, plus, for each run of deleted lines, the RIGHT
 * line where the deletion happened (the line after it, or the one before at the end of a hunk). Deleting a
 * check is as much a security change as adding a call, so the unit around a pure deletion is reviewed too.
 */
export function touchedLines(file: ChangedFile): number[] {
  const lines = new Set<number>(file.addedLines);
  for (const hunk of file.hunks) {
    let right = hunk.newStart;
    let pendingDeletion = false;
    for (const line of hunk.lines) {
      const mark = line[0];
      if (mark === '-') {
        pendingDeletion = true;
        continue;
      }
      if (mark === '\\') continue;
      if (pendingDeletion) {
        lines.add(right);
        pendingDeletion = false;
      }
      right++;
    }
    if (pendingDeletion && right > 1) lines.add(right - 1);
  }
  return [...lines].filter((n) => n >= 1).sort((a, b) => a - b);
}
