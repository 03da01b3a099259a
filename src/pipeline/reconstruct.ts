import type { ChangedFile } from '../diff/change-set.js';

/**
 * The full text of an added file, rebuilt from its diff: a new file's hunks carry every line. Lets a
 * review of a diff run where the head revision is not on disk.
 */
export function reconstructAddedFile(file: ChangedFile): Uint8Array | undefined {
  if (file.status !== 'added' || file.hunks.length !== 1) return undefined;
  const [hunk] = file.hunks;
  if (hunk.oldLines !== 0 || hunk.newStart > 1) return undefined;
  const lines: string[] = [];
  let trailingNewline = true;
  for (const line of hunk.lines) {
    if (line.startsWith('+')) lines.push(line.slice(1));
    else if (line.startsWith('\\')) trailingNewline = false;
    else return undefined;
  }
  const text = lines.join('\n') + (trailingNewline && lines.length ? '\n' : '');
  return new TextEncoder().encode(text);
}
