/**
 * Where the model's replacement goes, found by content: the reply's `original` (the lines it replaces,
 * copied from the unit) is matched against the file's lines, comparing each line without its leading and
 * trailing whitespace. Line numbers the model may add are never read. The match must lie inside the unit,
 * cover only lines the model was shown, and be unique (ties broken only by overlap with the changed lines).
 */
export type Location = { readonly ok: true; readonly startLine: number; readonly endLine: number } | { readonly ok: false; readonly reason: string };

export interface LocateInput {
  /** The file's lines (the head text split at `\n`). */
  readonly lines: readonly string[];
  /** The reply's `original`, secrets restored. */
  readonly original: string;
  readonly unit: { readonly startLine: number; readonly endLine: number };
  /** Lines the prompt showed (the slice and the changed region). */
  readonly shown: ReadonlySet<number>;
  readonly changedLines: readonly number[];
}

const NUMBERED = /^\s*\d+\s*\|\s?/;

/** The original's lines: blank lines around it dropped; a `12 | ` prefix on every line (copied from the prompt) removed. */
export function originalLines(original: string): string[] {
  const lines = original.replace(/\r\n/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  if (lines.length && lines.every((l) => !l.trim() || NUMBERED.test(l))) return lines.map((l) => l.replace(NUMBERED, ''));
  return lines;
}

export function locateOriginal(input: LocateInput): Location {
  const wanted = originalLines(input.original).map(norm);
  if (wanted.length === 0) return { ok: false, reason: '"original" is empty; copy the lines to replace from the code' };
  if (wanted.some((l) => l === '...')) return { ok: false, reason: '"original" contains an elided "..." line; copy only lines that are shown' };
  const hits: number[] = [];
  for (let start = input.unit.startLine; start + wanted.length - 1 <= input.unit.endLine; start++) {
    let ok = true;
    for (let k = 0; k < wanted.length && ok; k++) ok = norm(input.lines[start + k - 1] ?? '') === wanted[k];
    if (ok) hits.push(start);
  }
  if (hits.length === 0) return { ok: false, reason: '"original" does not match any run of lines of the unit; copy the lines exactly as shown, without line numbers' };
  const changed = new Set(input.changedLines);
  const touching = hits.filter((s) => wanted.some((_, k) => changed.has(s + k)));
  const pick = touching.length ? touching : hits;
  if (pick.length > 1) return { ok: false, reason: `"original" matches ${pick.length} places in the unit; include more lines so it is unique` };
  const startLine = pick[0]!;
  const endLine = startLine + wanted.length - 1;
  for (let l = startLine; l <= endLine; l++) {
    if (!input.shown.has(l)) return { ok: false, reason: '"original" spans lines that were elided ("...") in the request; replace only lines that are shown' };
  }
  return { ok: true, startLine, endLine };
}

function norm(line: string): string {
  return line.trim();
}

/**
 * The replacement indented like the file: when the model dropped (or added) the base indentation of the
 * original, the same difference is applied to every non-blank line of the replacement.
 */
export function reindent(replacement: string, original: string, fileFirstLine: string): string {
  const text = replacement.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const first = originalLines(original).find((l) => l.trim()) ?? '';
  const modelIndent = /^\s*/.exec(first)![0];
  const fileIndent = /^\s*/.exec(fileFirstLine)![0];
  if (modelIndent === fileIndent) return text;
  if (fileIndent.startsWith(modelIndent)) {
    const extra = fileIndent.slice(modelIndent.length);
    return text.split('\n').map((l) => (l.trim() ? extra + l : l)).join('\n');
  }
  if (modelIndent.startsWith(fileIndent)) {
    const cut = modelIndent.length - fileIndent.length;
    return text.split('\n').map((l) => (l.slice(0, cut).trim() === '' ? l.slice(Math.min(cut, /^\s*/.exec(l)![0].length)) : l)).join('\n');
  }
  return text;
}
