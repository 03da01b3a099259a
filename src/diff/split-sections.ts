import { isFileHeaderPair, parseHunkHeader, readHunk, type ReadHunk } from './hunk-reader.js';

/**
 * How a file section began: `diff --git` (git), a bare `---`/`+++` pair (plain `diff -u`), a hunk with
 * no file header at all (headerless), or a merge's combined diff, which we do not review (combined).
 */
export type SectionKind = 'git' | 'plain' | 'headerless' | 'combined';

/** One file's part of a multi-file diff: its header lines, its hunks, and what was wrong with it. */
export interface Section {
  readonly kind: SectionKind;
  /** 1-based line number in the diff where the section starts, for messages. */
  readonly line: number;
  readonly header: string[];
  readonly hunks: ReadHunk[];
  readonly problems: string[];
  hasFileHeader: boolean;
}

// Text that legitimately sits between diffs and is not ours to judge: the mail signature that closes
// a format-patch, the mbox line that starts the next patch of a series, the commit header of `git log -p`,
// the command line and notes of a recursive `diff -r`, and the Index header of `svn diff`.
const NOT_DIFF = [
  /^-- $/,
  /^From [0-9a-f]{40} /,
  /^commit [0-9a-f]{40}/,
  /^diff /,
  /^Only in /,
  /^Common subdirectories: /,
  /^Binary files .* differ$/,
  /^Index: /,
  /^={20,}$/,
];

/**
 * Cuts diff lines into file sections. This is the part `parsePatch` cannot do for us: it throws at the
 * first bad hunk and loses every file, while a review must keep the files it can read.
 */
export function splitSections(lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let lastStray = -2;
  const open = (kind: SectionKind, at: number): Section => {
    const section: Section = { kind, line: at + 1, header: [], hunks: [], problems: [], hasFileHeader: false };
    sections.push(section);
    return section;
  };

  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      current = open('git', i);
      current.header.push(line);
      i++;
    } else if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      current = open('combined', i);
      current.header.push(line);
      i++;
    } else if (isFileHeaderPair(lines, i)) {
      if (!current || !takesFileHeader(current)) current = open('plain', i);
      current.header.push(line, lines[i + 1]!);
      current.hasFileHeader = true;
      i += 2;
    } else if (line.startsWith('@@')) {
      current ??= open('headerless', i);
      i = readHunkAt(lines, i, current);
    } else if ((current?.kind === 'git' || current?.kind === 'combined') && current.hunks.length === 0) {
      current.header.push(line); // extended headers, binary patch data
      i++;
    } else if (NOT_DIFF.some((re) => re.test(line))) {
      current = undefined; // what follows, up to the next diff, is mail or log text
      i++;
    } else {
      if (current && line.trim() !== '' && lastStray !== i - 1) {
        current.problems.push(`line ${i + 1}: unexpected text outside any hunk: "${excerpt(line)}"`);
      }
      if (line.trim() !== '') lastStray = i;
      i++;
    }
  }
  return sections;
}

// A git section takes its ---/+++ pair once, before any hunk; anything later starts a new file.
function takesFileHeader(section: Section): boolean {
  const gitLike = section.kind === 'git' || section.kind === 'combined';
  return gitLike && !section.hasFileHeader && section.hunks.length === 0;
}

function readHunkAt(lines: readonly string[], at: number, section: Section): number {
  const header = parseHunkHeader(lines[at]);
  if (!header) {
    section.problems.push(`line ${at + 1}: unreadable hunk header "${excerpt(lines[at]!)}"; hunk ignored`);
    return skipBody(lines, at + 1);
  }
  const read = readHunk(lines, at, header);
  section.hunks.push(read);
  if (read.problem) section.problems.push(`line ${at + 1}: ${read.problem}`);
  return read.end;
}

// The body of a hunk we could not read is not "unexpected text": report the hunk once, not each line.
function skipBody(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && /^[ +\-\\]/.test(lines[i]!) && !isFileHeaderPair(lines, i)) i++;
  return i;
}

function excerpt(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
