import type { Language } from '../code/languages.js';

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

/** One hunk of a unified diff. Line numbers are 1-based; a count of 0 means an empty side. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The text after the second `@@`, often the enclosing function; may be empty. */
  readonly section: string;
  /** The hunk body as in the diff, each line with its ' ', '+', '-' or '\\' prefix, without line ends. */
  readonly lines: readonly string[];
}

/** One file of a change, as the diff describes it. */
export interface ChangedFile {
  /** The path after the change (RIGHT side); for a deleted file, the path it had. POSIX separators. */
  readonly path: string;
  /** The path before the change, when it differs (renames and copies). */
  readonly oldPath?: string;
  readonly status: FileStatus;
  /** The review language, or undefined for files RESCUE does not review. */
  readonly language?: Language;
  readonly binary: boolean;
  readonly oldMode?: string;
  readonly newMode?: string;
  readonly hunks: readonly Hunk[];
  /** RIGHT-side (new file) line numbers of added lines, ascending. */
  readonly addedLines: readonly number[];
  /** LEFT-side (old file) line numbers of deleted lines, ascending. */
  readonly deletedLines: readonly number[];
}

/** Something the pipeline could not review, and why; never silently dropped. */
export interface Skipped {
  readonly path?: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

export type SkipReason =
  | 'malformed-diff'
  | 'binary'
  | 'deleted'
  | 'unsupported-language'
  | 'too-large'
  | 'minified'
  | 'encoding'
  | 'parse-error'
  | 'unreadable'
  | 'excluded'
  | 'no-content';

/** The change under review. */
export interface ChangeSet {
  readonly files: readonly ChangedFile[];
  readonly skipped: readonly Skipped[];
}
