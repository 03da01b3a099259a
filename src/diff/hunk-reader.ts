import type { Hunk } from './change-set.js';

/** The numbers and section text of an `@@` line, as written (a zero count keeps git's "line before" start). */
export interface HunkHeader {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly section: string;
}

/** A hunk read from diff lines, with the changed line numbers found by walking its body. */
export interface ReadHunk {
  readonly hunk: Hunk;
  /** RIGHT-side line numbers of '+' lines, ascending. */
  readonly added: readonly number[];
  /** LEFT-side line numbers of '-' lines, ascending. */
  readonly deleted: readonly number[];
  /** Index of the first line after the hunk. */
  readonly end: number;
  /** Why the body does not match the header, when it does not; the hunk then holds the counts of its body. */
  readonly problem?: string;
}

// Counts are optional: `@@ -1 +1 @@` means one line on each side (GNU diff and git omit ",1").
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Splits diff text into lines. Every trailing '\r' is dropped, so a diff saved with CRLF ends and a diff
 * of a CRLF file give the same lines; the final empty string of a text ending in '\n' is not a line.
 */
export function splitDiffLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => line.replace(/\r+$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function parseHunkHeader(line: string | undefined): HunkHeader | undefined {
  const m = line === undefined ? null : HUNK_HEADER.exec(line);
  if (!m) return undefined;
  return {
    oldStart: Number(m[1]),
    oldLines: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newLines: m[4] === undefined ? 1 : Number(m[4]),
    section: m[5] ?? '',
  };
}

/** `--- x` directly followed by `+++ y`: the file header of the next file, never hunk body. */
export function isFileHeaderPair(lines: readonly string[], at: number): boolean {
  return (lines[at]?.startsWith('--- ') ?? false) && (lines[at + 1]?.startsWith('+++ ') ?? false);
}

/**
 * Reads the hunk whose header is `lines[at]`. The declared counts decide where the body ends, as in
 * `patch`, but a body that is shorter (truncated) or longer (hand-edited) than declared is kept and
 * reported instead of thrown away, so one bad hunk never costs the rest of the review.
 */
export function readHunk(lines: readonly string[], at: number, header: HunkHeader): ReadHunk {
  const end = bodyEnd(lines, at + 1, header);
  const body = lines.slice(at + 1, end).map((line) => (line === '' ? ' ' : line));
  const walk = walkBody(body, header);
  const hunk: Hunk = {
    oldStart: walk.oldCount > 0 ? firstLine(header.oldStart, header.oldLines) : header.oldStart,
    oldLines: walk.oldCount,
    newStart: walk.newCount > 0 ? firstLine(header.newStart, header.newLines) : header.newStart,
    newLines: walk.newCount,
    section: header.section,
    lines: body,
  };
  const problem = headerProblem(lines[at]!, header, walk);
  return { hunk, added: walk.added, deleted: walk.deleted, end, ...(problem ? { problem } : {}) };
}

function headerProblem(line: string, header: HunkHeader, walk: Walk): string | undefined {
  if (walk.oldCount !== header.oldLines || walk.newCount !== header.newLines) {
    return `hunk "${line}" declares ${header.oldLines} old and ${header.newLines} new lines but its body ` +
      `has ${walk.oldCount} and ${walk.newCount}; kept the lines present`;
  }
  if ((header.oldStart === 0 && header.oldLines > 0) || (header.newStart === 0 && header.newLines > 0)) {
    return `hunk "${line}" starts a non-empty side at line 0; numbered it from line 1`;
  }
  return undefined;
}

// A zero count means the hunk sits *after* the given line (`@@ -0,0 +1,3 @@`), so its first line is one on.
// Line 0 with lines in it is malformed (headerProblem reports it); line numbers must stay >= 1.
function firstLine(start: number, declaredCount: number): number {
  return declaredCount === 0 ? start + 1 : Math.max(start, 1);
}

function bodyEnd(lines: readonly string[], from: number, header: HunkHeader): number {
  let oldLeft = header.oldLines;
  let newLeft = header.newLines;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('\\')) continue; // "\ No newline at end of file" belongs to the line before
    if (oldLeft > 0 || newLeft > 0) {
      // A truncated hunk followed by the next file's header: a body line is never followed by `@@`.
      if (isFileHeaderPair(lines, i) && parseHunkHeader(lines[i + 2])) break;
      // Some tools strip the single space of an empty context line.
      const op = line === '' ? ' ' : line[0];
      if (op === ' ') { oldLeft--; newLeft--; }
      else if (op === '-') oldLeft--;
      else if (op === '+') newLeft--;
      else break;
    } else {
      // Counts are used up. `-- ` is format-patch's signature separator; ---/+++ starts the next file.
      if (line === '-- ' || isFileHeaderPair(lines, i) || !/^[ +-]/.test(line)) break;
    }
  }
  return i;
}

interface Walk {
  readonly added: number[];
  readonly deleted: number[];
  readonly oldCount: number;
  readonly newCount: number;
}

/** Numbers each body line on its side: '+' on the RIGHT, '-' on the LEFT, context on both. */
function walkBody(body: readonly string[], header: HunkHeader): Walk {
  const added: number[] = [];
  const deleted: number[] = [];
  let oldLine = firstLine(header.oldStart, header.oldLines);
  let newLine = firstLine(header.newStart, header.newLines);
  let oldCount = 0;
  let newCount = 0;
  for (const line of body) {
    const op = line[0];
    if (op === '+') { added.push(newLine++); newCount++; }
    else if (op === '-') { deleted.push(oldLine++); oldCount++; }
    else if (op === ' ') { oldLine++; newLine++; oldCount++; newCount++; }
  }
  return { added, deleted, oldCount, newCount };
}
