import type { Language } from '../code/languages.js';
import type { Finding } from '../assess/finding.js';

/** An insertion or replacement by character index into the original text. */
export interface IndexEdit {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
}

/**
 * Places import lines in a file's import block, returning edits against `text`. The default uses the
 * knowledge base's language-aware placement (src/review/import-placer.ts); tests pass a simple one.
 */
export type ImportPlacer = (path: string, language: Language, text: string, lines: readonly string[]) => Promise<readonly IndexEdit[] | { error: string }>;

export interface ChangedText {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly findings: readonly Finding[];
}

export interface FixRefusal {
  readonly finding: Finding;
  readonly reason: string;
}

export interface AppliedFixes {
  readonly files: readonly ChangedText[];
  readonly applied: readonly Finding[];
  readonly refused: readonly FixRefusal[];
}

/** Workflows are never rewritten: the workflow token cannot push them, and CI is not ours to change. */
export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\//.test(path);
}

function lineStartIndices(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * Applies the verified fixes of `findings` to the head texts, per file, bottom-up so earlier lines keep
 * their numbers. A fix replaces whole lines startLine..endLine (line ends kept as the file has them); its
 * imports go to the file's import block. When two fixes overlap, the first in `findings` order wins and the
 * other is refused with the reason; so are fixes to workflows and fixes whose lines are not in the file.
 */
export async function applyFixes(
  findings: readonly Finding[],
  readText: (path: string) => string | undefined,
  placeImports?: ImportPlacer,
): Promise<AppliedFixes> {
  const refused: FixRefusal[] = [];
  const perFile = new Map<string, { finding: Finding; edit: IndexEdit }[]>();
  for (const f of findings) {
    const fix = f.fix;
    if (!fix?.verified) continue;
    if (isWorkflowPath(f.path)) {
      refused.push({ finding: f, reason: 'files under .github/workflows/ are never changed by RESCUE (the workflow token cannot push them)' });
      continue;
    }
    const text = readText(f.path);
    if (text === undefined) {
      refused.push({ finding: f, reason: 'the head content of the file is not available' });
      continue;
    }
    const starts = lineStartIndices(text);
    const lineCount = text.endsWith('\n') ? starts.length - 1 : starts.length;
    if (fix.startLine < 1 || fix.endLine < fix.startLine || fix.endLine > lineCount) {
      refused.push({ finding: f, reason: `lines ${fix.startLine}–${fix.endLine} are not in the file (${lineCount} lines)` });
      continue;
    }
    const list = perFile.get(f.path) ?? [];
    const clash = list.find((o) => o.finding.fix!.startLine <= fix.endLine && fix.startLine <= o.finding.fix!.endLine);
    if (clash) {
      refused.push({ finding: f, reason: `its lines ${fix.startLine}–${fix.endLine} overlap the fix of ${clash.finding.cwe} at lines ${clash.finding.fix!.startLine}–${clash.finding.fix!.endLine}, applied first` });
      continue;
    }
    const crlf = text.includes('\r\n');
    const startIndex = starts[fix.startLine - 1]!;
    let endIndex = fix.endLine < starts.length ? starts[fix.endLine]! - 1 : text.length;
    if (crlf && text[endIndex - 1] === '\r') endIndex--;
    const replacement = crlf ? fix.replacement.replace(/\r?\n/g, '\r\n') : fix.replacement;
    list.push({ finding: f, edit: { startIndex, endIndex, text: replacement } });
    perFile.set(f.path, list);
  }

  const files: ChangedText[] = [];
  const applied: Finding[] = [];
  for (const [path, list] of perFile) {
    const text = readText(path)!;
    let accepted = list;
    let importEdits: readonly IndexEdit[] = [];
    const wanted = [...new Set(list.flatMap((x) => x.finding.fix!.imports ?? []))];
    if (wanted.length) {
      const placed = placeImports ? await placeImports(path, list[0]!.finding.language, text, wanted) : { error: 'no import placement available' };
      if ('error' in placed) {
        for (const x of list.filter((x) => x.finding.fix!.imports?.length)) refused.push({ finding: x.finding, reason: `the imports it needs could not be added: ${placed.error}` });
        accepted = list.filter((x) => !x.finding.fix!.imports?.length);
      } else importEdits = placed;
    }
    if (accepted.length === 0) continue;
    const result = applyIndexEdits(text, [...accepted.map((x) => x.edit), ...importEdits]);
    if ('error' in result) {
      for (const x of accepted) refused.push({ finding: x.finding, reason: result.error });
      continue;
    }
    files.push({ path, before: text, after: result.text, findings: accepted.map((x) => x.finding) });
    applied.push(...accepted.map((x) => x.finding));
  }
  return { files, applied, refused };
}

/** Bottom-up; insertions at the same index keep their order; overlapping edits are refused. */
export function applyIndexEdits(text: string, edits: readonly IndexEdit[]): { text: string } | { error: string } {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startIndex - a.e.startIndex || b.e.endIndex - a.e.endIndex || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const { e } of order) {
    if (e.endIndex > limit) return { error: `an import and a fix overlap at character ${e.startIndex}` };
    out = out.slice(0, e.startIndex) + e.text + out.slice(e.endIndex);
    limit = e.startIndex;
  }
  return { text: out };
}
