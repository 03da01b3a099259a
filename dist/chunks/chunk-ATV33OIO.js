#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);

// src/pipeline/touched-lines.ts
function touchedLines(file) {
  const lines = new Set(file.addedLines);
  for (const hunk of file.hunks) {
    let right = hunk.newStart;
    let pendingDeletion = false;
    for (const line of hunk.lines) {
      const mark = line[0];
      if (mark === "-") {
        pendingDeletion = true;
        continue;
      }
      if (mark === "\\") continue;
      if (pendingDeletion) {
        lines.add(right);
        pendingDeletion = false;
      }
      right++;
    }
    if (pendingDeletion && right > 1) lines.add(right - 1);
  }
  return [...lines].filter((n) => n >= 1).sort((a, b) => a - b);
}

export {
  touchedLines
};
