#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/assess/rules/edits.ts
function applyEdits(source, edits) {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startIndex - a.e.startIndex || b.e.endIndex - a.e.endIndex || b.i - a.i);
  let text = source;
  let limit = Infinity;
  for (const { e } of order) {
    if (e.endIndex > limit) return { error: `overlapping edits at index ${e.startIndex}` };
    text = text.slice(0, e.startIndex) + e.text + text.slice(e.endIndex);
    limit = e.startIndex;
  }
  return { text, edits: [...edits].sort((a, b) => a.startIndex - b.startIndex) };
}
function makeEdit(source, startIndex, endIndex, text) {
  const lineAt = (i) => source.slice(0, i).split("\n").length;
  return { startIndex, endIndex, text, startLine: lineAt(startIndex), endLine: lineAt(Math.max(startIndex, endIndex - 1)) };
}

export {
  applyEdits,
  makeEdit
};
