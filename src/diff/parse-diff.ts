import { parsePatch, type StructuredPatch } from 'diff';
import type { ChangedFile, ChangeSet, FileStatus, Skipped } from './change-set.js';
import { toChangedFile } from './changed-file.js';
import { gitPaths, plainPaths, samePathFromGitHeader, type FilePaths } from './file-paths.js';
import { splitDiffLines } from './hunk-reader.js';
import { splitSections, type Section } from './split-sections.js';

/**
 * Parses a unified diff (`git diff`, `git format-patch`, `diff -u`) into a ChangeSet. Never throws:
 * what cannot be read becomes a 'malformed-diff' Skipped entry naming the file and the diff line.
 */
export function parseDiff(text: string): ChangeSet {
  const sections = splitSections(splitDiffLines(text));
  if (sections.length === 0) {
    if (text.trim() === '') return { files: [], skipped: [] };
    const detail = 'no file header or hunk found: the input is not a unified diff';
    return { files: [], skipped: [{ reason: 'malformed-diff', detail }] };
  }
  const files: ChangedFile[] = [];
  const skipped: Skipped[] = [];
  for (const section of sections) {
    const result = readSection(section);
    if (result.file) files.push(result.file);
    skipped.push(...result.skipped);
  }
  return { files, skipped };
}

interface SectionResult {
  readonly file?: ChangedFile;
  readonly skipped: Skipped[];
}

function readSection(section: Section): SectionResult {
  if (section.kind === 'combined') {
    // Its `@@@` hunks are not unified-diff hunks; one entry says it all.
    const detail = `line ${section.line}: combined diff of a merge ("${section.header[0]}") is not supported`;
    return { skipped: [{ reason: 'malformed-diff', detail }] };
  }
  if (section.kind === 'headerless') {
    return notReadable(section, `line ${section.line}: hunk without a file header (diff --git or ---/+++); ignored`);
  }
  const meta = readHeader(section);
  if (typeof meta === 'string') return notReadable(section, `line ${section.line}: ${meta}`);
  const paths = pathsOf(section, meta);
  const path = paths.newPath ?? paths.oldPath;
  if (path === undefined) {
    const detail = `line ${section.line}: no file name in "${section.header[0]}"; ${section.hunks.length} hunk(s) ignored`;
    return notReadable(section, detail);
  }
  const status = statusOf(meta, paths);
  // parsePatch flags only `Binary files ... differ`; `--binary` and format-patch write a GIT binary patch.
  const binary = meta.isBinary === true || section.header.includes('GIT binary patch');
  const moved = status === 'renamed' || status === 'copied';
  const file = toChangedFile(
    {
      path,
      ...(moved && paths.oldPath !== undefined ? { oldPath: paths.oldPath } : {}),
      status,
      binary,
      ...(meta.oldMode ? { oldMode: meta.oldMode } : {}),
      ...(meta.newMode ? { newMode: meta.newMode } : {}),
    },
    section.hunks,
  );
  return { file, skipped: section.problems.map((problem) => malformed(path, problem)) };
}

// parsePatch knows git's header dialect (extended headers, C-quoted names with octal UTF-8 bytes,
// tab-separated timestamps); we give it the header alone, so a bad hunk cannot make it throw.
function readHeader(section: Section): StructuredPatch | string {
  try {
    const [meta] = parsePatch(section.header.join('\n'));
    return meta ?? 'parsePatch returned no file for the header';
  } catch (error) {
    return `unreadable file header: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function pathsOf(section: Section, meta: StructuredPatch): FilePaths {
  if (section.kind === 'plain') return plainPaths(meta.oldFileName, meta.newFileName);
  if (meta.oldFileName === undefined && meta.newFileName === undefined) {
    const same = samePathFromGitHeader(section.header[0]!);
    return same === undefined ? {} : { oldPath: same, newPath: same };
  }
  return gitPaths(meta.oldFileName, meta.newFileName);
}

function statusOf(meta: StructuredPatch, paths: FilePaths): FileStatus {
  if (meta.isCreate || paths.oldPath === undefined || isAbsentSide(meta.oldHeader)) return 'added';
  if (meta.isDelete || paths.newPath === undefined || isAbsentSide(meta.newHeader)) return 'deleted';
  if (meta.isRename) return 'renamed';
  if (meta.isCopy) return 'copied';
  return 'modified';
}

// `diff -N` stands in an empty file for a missing one and stamps it with the epoch, printed in the
// local time zone: 1970-01-01 east of Greenwich, 1969-12-31 west of it.
function isAbsentSide(timestamp: string | undefined): boolean {
  return /^(1970-01-01|1969-12-31) /.test(timestamp ?? '');
}

function notReadable(section: Section, detail: string): SectionResult {
  return { skipped: [{ reason: 'malformed-diff', detail }, ...section.problems.map((p) => malformed(undefined, p))] };
}

function malformed(path: string | undefined, problem: string): Skipped {
  return path === undefined
    ? { reason: 'malformed-diff', detail: problem }
    : { path, reason: 'malformed-diff', detail: `${path}: ${problem}` };
}
