export type { ChangedFile, ChangeSet, FileStatus, Hunk, Skipped, SkipReason } from './change-set.js';
export { parseDiff } from './parse-diff.js';
export { changedFileFromGithub, type GithubFileResult, type GithubPullFile } from './github-patch.js';
export { inSameHunk, rightSideRanges, type LineRange } from './hunks.js';
