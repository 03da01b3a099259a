import { extractUnits } from '../../code/units.js';
import { languageOf, type Language } from '../../code/languages.js';
import { changedFileFromGithub } from '../../diff/github-patch.js';
import { touchedLines } from '../../pipeline/touched-lines.js';

/** One file of a fix (a commit or a pull request), as GitHub lists it, with both versions when read. */
export interface FixFile {
  readonly filename: string;
  readonly previousFilename?: string;
  readonly status: string;
  /** The hunks GitHub sends (absent for binary files and very large diffs). */
  readonly patch?: string;
}

/** A function changed by a fix: its whole text before and after, dedented. */
export interface FunctionPair {
  readonly path: string;
  readonly language: Language;
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

export interface FunctionPairsResult {
  readonly pairs: FunctionPair[];
  /** Functions (or the whole file) left out, and why. */
  readonly skipped: { readonly path: string; readonly name?: string; readonly reason: string }[];
}

/** Functions longer than this are not examples anyone can read in a prompt. */
export const MAX_FUNCTION_LINES = 150;

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testdata|fixtures?)\/|(_test\.go|_test\.py|\.test\.[cm]?[jt]sx?|\.spec\.[cm]?[jt]sx?|Test\.java|Tests\.java)$|(^|\/)test_[^/]*\.py$/;

/** Whether a changed file can give pairs: a modified (or renamed) source file of a reviewed language, not a test. */
export function fixFileProblem(file: FixFile): string | undefined {
  if (!languageOf(file.filename)) return 'not a language RESCUE reviews';
  if (TEST_PATH.test(file.filename)) return 'a test file';
  if (file.status === 'added') return 'added by the fix (no vulnerable version)';
  if (file.status === 'removed') return 'removed by the fix';
  if (!file.patch) return 'GitHub sent no patch (binary or too large)';
  return undefined;
}

/**
 * Function-level before/after pairs of one changed file: the functions of the new version that the patch
 * touches, each paired with the function of the same qualified name in the old version. Functions the fix
 * added, module-level code and functions whose text did not change are left out with a reason.
 */
export async function functionPairs(file: FixFile, before: string, after: string): Promise<FunctionPairsResult> {
  const language = languageOf(file.filename)!;
  const skipped: FunctionPairsResult['skipped'] = [];
  const changed = changedFileFromGithub({ filename: file.filename, status: file.status, patch: file.patch, ...(file.previousFilename && { previous_filename: file.previousFilename }) });
  if (!changed.file) return { pairs: [], skipped: [{ path: file.filename, reason: changed.skipped?.detail ?? 'the patch cannot be read' }] };
  const touched = touchedLines(changed.file);
  const [newUnits, oldUnits] = await Promise.all([
    extractUnits({ path: file.filename, language, text: after, changedLines: touched }),
    extractUnits({ path: file.previousFilename ?? file.filename, language, text: before }),
  ]);
  const oldByName = new Map(oldUnits.units.map((u) => [u.name, u]));
  const pairs: FunctionPair[] = [];
  for (const unit of newUnits.units) {
    if (unit.kind === 'module') continue;
    const old = oldByName.get(unit.name);
    if (!old) {
      skipped.push({ path: file.filename, name: unit.name, reason: 'added by the fix (no vulnerable version)' });
      continue;
    }
    const a = dedent(old.text);
    const b = dedent(unit.text);
    if (normalize(a) === normalize(b)) {
      skipped.push({ path: file.filename, name: unit.name, reason: 'only whitespace changed' });
      continue;
    }
    if (Math.max(a.split('\n').length, b.split('\n').length) > MAX_FUNCTION_LINES) {
      skipped.push({ path: file.filename, name: unit.name, reason: `longer than ${MAX_FUNCTION_LINES} lines` });
      continue;
    }
    pairs.push({ path: file.filename, language, name: unit.name, before: a, after: b });
  }
  if (!pairs.length && !skipped.length) skipped.push({ path: file.filename, reason: 'the change touches no function' });
  return { pairs, skipped };
}

/** Removes the indentation common to every non-blank line (a method becomes a top-level snippet). */
export function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
