#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  languageOf
} from "./chunk-7OFN7BBI.js";

// src/diff/changed-file.ts
function toChangedFile(facts, read) {
  const language = languageOf(facts.path);
  return {
    path: facts.path,
    // oldPath is meaningful only where the file moved; elsewhere it would only repeat path.
    ...facts.oldPath !== void 0 && facts.oldPath !== facts.path ? { oldPath: facts.oldPath } : {},
    status: facts.status,
    ...language ? { language } : {},
    binary: facts.binary,
    ...facts.oldMode ? { oldMode: facts.oldMode } : {},
    ...facts.newMode ? { newMode: facts.newMode } : {},
    hunks: read.map((r) => r.hunk),
    addedLines: ascending(read.flatMap((r) => r.added)),
    deletedLines: ascending(read.flatMap((r) => r.deleted))
  };
}
function ascending(lines) {
  return [...new Set(lines)].sort((a, b) => a - b);
}

// src/diff/hunk-reader.ts
var HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
function splitDiffLines(text) {
  if (text === "") return [];
  const lines = text.split("\n").map((line) => line.replace(/\r+$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function parseHunkHeader(line) {
  const m = line === void 0 ? null : HUNK_HEADER.exec(line);
  if (!m) return void 0;
  return {
    oldStart: Number(m[1]),
    oldLines: m[2] === void 0 ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newLines: m[4] === void 0 ? 1 : Number(m[4]),
    section: m[5] ?? ""
  };
}
function isFileHeaderPair(lines, at) {
  return (lines[at]?.startsWith("--- ") ?? false) && (lines[at + 1]?.startsWith("+++ ") ?? false);
}
function readHunk(lines, at, header) {
  const end = bodyEnd(lines, at + 1, header);
  const body = lines.slice(at + 1, end).map((line) => line === "" ? " " : line);
  const walk = walkBody(body, header);
  const hunk = {
    oldStart: walk.oldCount > 0 ? firstLine(header.oldStart, header.oldLines) : header.oldStart,
    oldLines: walk.oldCount,
    newStart: walk.newCount > 0 ? firstLine(header.newStart, header.newLines) : header.newStart,
    newLines: walk.newCount,
    section: header.section,
    lines: body
  };
  const problem = headerProblem(lines[at], header, walk);
  return { hunk, added: walk.added, deleted: walk.deleted, end, ...problem ? { problem } : {} };
}
function headerProblem(line, header, walk) {
  if (walk.oldCount !== header.oldLines || walk.newCount !== header.newLines) {
    return `hunk "${line}" declares ${header.oldLines} old and ${header.newLines} new lines but its body has ${walk.oldCount} and ${walk.newCount}; kept the lines present`;
  }
  if (header.oldStart === 0 && header.oldLines > 0 || header.newStart === 0 && header.newLines > 0) {
    return `hunk "${line}" starts a non-empty side at line 0; numbered it from line 1`;
  }
  return void 0;
}
function firstLine(start, declaredCount) {
  return declaredCount === 0 ? start + 1 : Math.max(start, 1);
}
function bodyEnd(lines, from, header) {
  let oldLeft = header.oldLines;
  let newLeft = header.newLines;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("\\")) continue;
    if (oldLeft > 0 || newLeft > 0) {
      if (isFileHeaderPair(lines, i) && parseHunkHeader(lines[i + 2])) break;
      const op = line === "" ? " " : line[0];
      if (op === " ") {
        oldLeft--;
        newLeft--;
      } else if (op === "-") oldLeft--;
      else if (op === "+") newLeft--;
      else break;
    } else {
      if (line === "-- " || isFileHeaderPair(lines, i) || !/^[ +-]/.test(line)) break;
    }
  }
  return i;
}
function walkBody(body, header) {
  const added = [];
  const deleted = [];
  let oldLine = firstLine(header.oldStart, header.oldLines);
  let newLine = firstLine(header.newStart, header.newLines);
  let oldCount = 0;
  let newCount = 0;
  for (const line of body) {
    const op = line[0];
    if (op === "+") {
      added.push(newLine++);
      newCount++;
    } else if (op === "-") {
      deleted.push(oldLine++);
      oldCount++;
    } else if (op === " ") {
      oldLine++;
      newLine++;
      oldCount++;
      newCount++;
    }
  }
  return { added, deleted, oldCount, newCount };
}

export {
  toChangedFile,
  splitDiffLines,
  parseHunkHeader,
  isFileHeaderPair,
  readHunk
};
