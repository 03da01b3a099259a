import type { FixResult, TextEdit } from './types.js';

/** Applies edits bottom-up so earlier indices stay valid; refuses overlapping edits. */
export function applyEdits(source: string, edits: readonly TextEdit[]): FixResult {
  // Insertions at the same point keep their given order: sort by start, then by list position, descending.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startIndex - a.e.startIndex || b.i - a.i);
  let text = source;
  let limit = Infinity;
  for (const { e } of order) {
    if (e.endIndex > limit) return { error: `overlapping edits at index ${e.startIndex}` };
    text = text.slice(0, e.startIndex) + e.text + text.slice(e.endIndex);
    limit = e.startIndex;
  }
  return { text, edits: [...edits].sort((a, b) => a.startIndex - b.startIndex) };
}

export function makeEdit(source: string, startIndex: number, endIndex: number, text: string): TextEdit {
  const lineAt = (i: number): number => source.slice(0, i).split('\n').length;
  return { startIndex, endIndex, text, startLine: lineAt(startIndex), endLine: lineAt(Math.max(startIndex, endIndex - 1)) };
}
