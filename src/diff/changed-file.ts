import { languageOf } from '../code/languages.js';
import type { ChangedFile, FileStatus } from './change-set.js';
import type { ReadHunk } from './hunk-reader.js';

/** What a parser knows about one file before the hunks are folded in. */
export interface FileFacts {
  readonly path: string;
  readonly oldPath?: string;
  readonly status: FileStatus;
  readonly binary: boolean;
  readonly oldMode?: string;
  readonly newMode?: string;
}

/** The one place both parsers (full diffs and GitHub patches) build a ChangedFile, so they agree. */
export function toChangedFile(facts: FileFacts, read: readonly ReadHunk[]): ChangedFile {
  const language = languageOf(facts.path);
  return {
    path: facts.path,
    // oldPath is meaningful only where the file moved; elsewhere it would only repeat path.
    ...(facts.oldPath !== undefined && facts.oldPath !== facts.path ? { oldPath: facts.oldPath } : {}),
    status: facts.status,
    ...(language ? { language } : {}),
    binary: facts.binary,
    ...(facts.oldMode ? { oldMode: facts.oldMode } : {}),
    ...(facts.newMode ? { newMode: facts.newMode } : {}),
    hunks: read.map((r) => r.hunk),
    addedLines: ascending(read.flatMap((r) => r.added)),
    deletedLines: ascending(read.flatMap((r) => r.deleted)),
  };
}

// Hunks of a well-formed diff are already in order; a hand-edited one may not be, and consumers
// (slicing, comment placement) rely on ascending, distinct numbers.
function ascending(lines: readonly number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}
