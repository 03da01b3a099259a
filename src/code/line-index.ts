/**
 * Line arithmetic over a file's text, and which lines hold code rather than only blanks and comments.
 * Lines are 1-based and split at `\n` only, as tree-sitter counts rows, so CRLF text keeps its numbering.
 * Offsets are UTF-16 code-unit indices into the JavaScript string, which is what web-tree-sitter reports
 * for `startIndex`/`endIndex` when it parses a string.
 */
/** Offset of the first character of each line (split at `\n` only). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based row of an offset, given the line starts. */
export function rowAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];
  /** Lines covered from end to end by one comment. */
  private fullComment: Uint8Array;
  /** Comment ranges [start, end) on the lines where a comment starts or ends. */
  private readonly partial = new Map<number, number[]>();
  readonly lineCount: number;

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
    // A final newline ends the last line; it does not open another.
    this.lineCount = text.endsWith('\n') ? this.starts.length - 1 : this.starts.length;
    this.fullComment = new Uint8Array(this.lineCount + 2);
  }

  /** Offset of the line's first character. */
  lineStart(line: number): number {
    return this.starts[line - 1]!;
  }

  /** Offset just past the line's last character, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    let end = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    if (end > this.starts[line - 1]! && this.text.charCodeAt(end - 1) === 13 && end < this.text.length) end--;
    return end;
  }

  /** The exact source of lines start..end, without the last line's terminator. */
  slice(start: number, end: number): string {
    return this.text.slice(this.starts[start - 1], this.lineEnd(end));
  }

  /** Records a comment (or a docstring) from its rows (1-based) and offsets. */
  addComment(startLine: number, endLine: number, startIndex: number, endIndex: number): void {
    if (endLine > startLine + 1) this.fullComment.fill(1, startLine + 1, endLine);
    for (const line of startLine === endLine ? [startLine] : [startLine, endLine]) {
      const ranges = this.partial.get(line);
      if (ranges) ranges.push(startIndex, endIndex);
      else this.partial.set(line, [startIndex, endIndex]);
    }
  }

  /** Does the line hold anything but whitespace and comments? */
  isCode(line: number): boolean {
    if (line < 1 || line > this.lineCount || this.fullComment[line]) return false;
    const ranges = this.partial.get(line);
    const end = this.lineEnd(line);
    for (let i = this.starts[line - 1]!; i < end; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xfeff) continue;
      if (!ranges) return true;
      let inComment = false;
      for (let r = 0; r < ranges.length; r += 2) {
        if (i >= ranges[r]! && i < ranges[r + 1]!) {
          inComment = true;
          i = ranges[r + 1]! - 1; // skip the rest of the comment
          break;
        }
      }
      if (!inComment) return true;
    }
    return false;
  }
}
