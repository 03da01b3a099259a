import { languageOf } from '../code/languages.js';
import type { ChangedFile, FileStatus, Skipped } from './change-set.js';
import { toChangedFile, type FileFacts } from './changed-file.js';
import { parseHunkHeader, readHunk, splitDiffLines, type ReadHunk } from './hunk-reader.js';

/** The fields RESCUE uses from an entry of GitHub's "list pull request files" endpoint. */
export interface GithubPullFile {
  readonly filename: string;
  readonly previous_filename?: string;
  readonly status: string;
  /** Only the hunks, no file header; absent for binary files and for diffs too large for the API. */
  readonly patch?: string;
  readonly changes?: number;
}

export interface GithubFileResult {
  readonly file?: ChangedFile;
  readonly skipped?: Skipped;
}

// 'changed' is a mode-only change; 'unchanged' appears in comparisons. Neither renames the file.
const STATUS: Readonly<Record<string, FileStatus>> = {
  added: 'added',
  removed: 'deleted',
  modified: 'modified',
  renamed: 'renamed',
  copied: 'copied',
  changed: 'modified',
  unchanged: 'modified',
};

/**
 * Builds a ChangedFile from one GitHub file entry with the same hunk reader as parseDiff. An unknown
 * status is read as 'modified': GitHub adding a status must not stop a review of the patch it sent.
 */
export function changedFileFromGithub(file: GithubPullFile): GithubFileResult {
  const status = STATUS[file.status] ?? 'modified';
  const facts = {
    path: file.filename,
    ...(file.previous_filename !== undefined && (status === 'renamed' || status === 'copied')
      ? { oldPath: file.previous_filename }
      : {}),
    status,
  };
  if (file.patch === undefined || file.patch === '') return withoutPatch(file, facts);

  const lines = splitDiffLines(file.patch);
  const read: ReadHunk[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const header = parseHunkHeader(lines[i]);
    if (!header) {
      const line = lines[i]!;
      if (line.trim() !== '') problems.push(`patch line ${i + 1} is outside any hunk: "${line.slice(0, 60)}"`);
      i++;
      continue;
    }
    const hunk = readHunk(lines, i, header);
    if (hunk.problem) problems.push(`patch line ${i + 1}: ${hunk.problem}`);
    read.push(hunk);
    i = hunk.end;
  }
  const changed = toChangedFile({ ...facts, binary: false }, read);
  if (problems.length === 0) return { file: changed };
  const detail = `${file.filename}: ${problems.join('; ')}`;
  return { file: changed, skipped: { path: file.filename, reason: 'malformed-diff', detail } };
}

/**
 * No patch: with zero changes that is a pure rename, a mode change or an empty file, and nothing is
 * missing. Otherwise GitHub left it out because the file is binary or its diff is too large, and the
 * API does not say which; a file in a language we review is text, so it must have been too large.
 */
function withoutPatch(file: GithubPullFile, facts: Omit<FileFacts, 'binary'>): GithubFileResult {
  if (file.changes === 0) return { file: toChangedFile({ ...facts, binary: false }, []) };
  const tooLarge = languageOf(file.filename) !== undefined;
  const detail =
    `${file.filename}: GitHub sent no patch (${file.changes ?? 'unknown number of'} changed lines); ` +
    (tooLarge ? 'the diff is too large for the API' : 'the file is binary or its diff too large for the API');
  return {
    file: toChangedFile({ ...facts, binary: !tooLarge }, []),
    skipped: { path: file.filename, reason: tooLarge ? 'too-large' : 'binary', detail },
  };
}
