import type { FixResult, TextEdit } from './types.js';

/** Applies edits bottom-up so earlier indices stay valid; refuses overlapping edits. */
export function applyEdits(source: string, edits: readonly TextEdit[]): FixResult {
  // Bottom-up; at one index the replacement goes first so that insertions there land before it, and
  // insertions at one index keep their given order.
  const order = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.startIndex - a.e.startIndex || b.e.endIndex - a.e.endIndex || b.i - a.i);
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
