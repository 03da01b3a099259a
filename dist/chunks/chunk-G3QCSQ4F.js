#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  UNIT_SPECS,
  lineSpan
} from "./chunk-2TTF3MLN.js";
import {
  LineIndex,
  parse
} from "./chunk-ZCLPTS52.js";
import {
  grammarOf
} from "./chunk-7OFN7BBI.js";

// src/code/outline.ts
function outline(tree, spec, lines, into) {
  const units = into?.outline.units ?? [];
  const statements = into?.outline.statements ?? [];
  const statementAt = into?.outline.statementAt ?? new Int32Array(lines.lineCount + 2).fill(-1);
  const lineOffset = into?.lineOffset ?? 0;
  const indexOffset = into?.indexOffset ?? 0;
  const skip = into?.skip ?? [];
  const open = [];
  const qualifiers = [];
  let openUnits = 0;
  const span = (node) => {
    const { start, end } = lineSpan(node);
    return { start: start + lineOffset, end: end + lineOffset };
  };
  const skipped = (node) => skip.length > 0 && skip.some((r) => node.startIndex >= r.startIndex && node.startIndex < r.endIndex);
  const addComment = (node) => {
    lines.addComment(
      node.startPosition.row + 1 + lineOffset,
      node.endPosition.row + 1 + lineOffset,
      node.startIndex + indexOffset,
      node.endIndex + indexOffset
    );
  };
  const addDocstring = (owner) => {
    const docstring = spec.docstring?.(owner);
    if (docstring) addComment(docstring);
  };
  const addStatements = (container) => {
    const skipFields = /* @__PURE__ */ new Set();
    for (const field of spec.nonStatementFields ?? []) {
      const child = container.childForFieldName(field);
      if (child) skipFields.add(child.id);
    }
    for (const child of container.namedChildren) {
      if (!child || spec.commentTypes.has(child.type) || skipFields.has(child.id) || skipped(child)) continue;
      const { start, end } = span(child);
      statementAt.fill(statements.length, start, end + 1);
      statements.push({ start, end, inert: spec.isInert(child) });
    }
  };
  const context = () => {
    const top = open[open.length - 1];
    return { insideUnit: openUnits > 0, nearest: top?.kind ?? "module", nearestName: top?.name };
  };
  const root = tree.rootNode;
  addDocstring(root);
  if (spec.containerTypes.has(root.type)) addStatements(root);
  const keywords = keywordTypes(tree.language, spec);
  for (const node of root.descendantsOfType(interestingTypes(spec))) {
    const type = node.type;
    if (keywords.has(type) && !node.isNamed) continue;
    if (skipped(node)) continue;
    if (spec.commentTypes.has(type)) {
      addComment(node);
      continue;
    }
    const endIndex = node.endIndex;
    while (open.length > 0 && open[open.length - 1].endIndex < endIndex) {
      const closed = open.pop();
      if (closed.name !== void 0) qualifiers.pop();
      if (closed.unit >= 0) openUnits--;
    }
    if (openUnits === 0 && spec.containerTypes.has(type)) addStatements(node);
    if (spec.unitTypes.has(type)) {
      const found = spec.unit(node, context());
      if (!found) continue;
      const index = units.length;
      let parent = -1;
      for (let i = open.length - 1; i >= 0 && parent < 0; i--) parent = open[i].unit;
      units.push({
        name: [...qualifiers, found.name].join(spec.separator),
        kind: found.kind,
        start: span(found.first).start,
        end: span(found.last).end,
        parent,
        children: []
      });
      if (parent >= 0) units[parent].children.push(index);
      open.push({ endIndex, kind: "unit", name: found.name, unit: index });
      qualifiers.push(found.name);
      openUnits++;
      addDocstring(node);
    } else if (spec.scopeTypes.has(type)) {
      const found = spec.scope(node);
      if (!found) continue;
      open.push({ endIndex, kind: found.kind, name: found.name, unit: -1 });
      if (found.name !== void 0) qualifiers.push(found.name);
      addDocstring(node);
      if (openUnits === 0 && spec.scopeBodiesAreContainers) {
        const body = node.childForFieldName("body");
        if (body) addStatements(body);
      }
    }
  }
  return { units, statements, statementAt };
}
var INTERESTING = /* @__PURE__ */ new WeakMap();
function interestingTypes(spec) {
  let types = INTERESTING.get(spec);
  if (!types) {
    types = [.../* @__PURE__ */ new Set([...spec.unitTypes, ...spec.scopeTypes, ...spec.containerTypes, ...spec.commentTypes])];
    INTERESTING.set(spec, types);
  }
  return types;
}
var KEYWORDS = /* @__PURE__ */ new WeakMap();
function keywordTypes(grammar, spec) {
  let bySpec = KEYWORDS.get(grammar);
  if (!bySpec) KEYWORDS.set(grammar, bySpec = /* @__PURE__ */ new Map());
  let keywords = bySpec.get(spec);
  if (!keywords) {
    const wanted = new Set(interestingTypes(spec));
    keywords = /* @__PURE__ */ new Set();
    for (let id = 0; id < grammar.nodeTypeCount; id++) {
      const type = grammar.types[id];
      if (type && wanted.has(type) && !grammar.nodeTypeIsNamed(id)) keywords.add(type);
    }
    bySpec.set(spec, keywords);
  }
  return keywords;
}

// src/code/recovery.ts
function recoverableRegions(root, spec, lines) {
  const starts = spec.recoveryLine;
  if (!starts || !root.hasError) return [];
  const regions = [];
  for (const child of root.namedChildren) {
    if (child?.type !== "ERROR") continue;
    const { start, end } = lineSpan(child);
    const cuts = [start];
    for (let line = start + 1; line <= end; line++) {
      if (starts.test(lines.text.slice(lines.lineStart(line), lines.lineEnd(line)))) cuts.push(line);
    }
    if (cuts.length < 2) continue;
    regions.push({
      startIndex: lines.lineStart(start),
      endIndex: lines.lineEnd(end),
      pieces: cuts.map((cut, i) => ({ start: cut, end: (cuts[i + 1] ?? end + 1) - 1 }))
    });
  }
  return regions;
}

// src/code/units.ts
async function extractUnits(input) {
  const spec = UNIT_SPECS[input.language];
  const lines = new LineIndex(input.text);
  const grammar = grammarOf(input.path, input.language);
  const tree = input.tree ?? await parse(grammar, input.text);
  let found;
  let parseErrors;
  let regions;
  try {
    parseErrors = tree.rootNode.hasError;
    regions = recoverableRegions(tree.rootNode, spec, lines);
    found = outline(tree, spec, lines, { outline: emptyOutline(lines), skip: regions });
  } finally {
    if (!input.tree) tree.delete();
  }
  for (const piece of regions.flatMap((r) => r.pieces)) {
    const pieceTree = await parse(grammar, lines.slice(piece.start, piece.end));
    try {
      const at = { lineOffset: piece.start - 1, indexOffset: lines.lineStart(piece.start) };
      outline(pieceTree, spec, lines, { outline: found, ...at });
    } finally {
      pieceTree.delete();
    }
  }
  uniqueNames(found.units);
  const make = (name, kind, start, end, changedLines) => ({
    path: input.path,
    language: input.language,
    name,
    kind,
    startLine: start,
    endLine: end,
    changedLines,
    text: lines.slice(start, end)
  });
  const units = [];
  const changed = input.changedLines && normalize(input.changedLines, lines);
  for (const unit of found.units) {
    const own = changed ? ownLines(unit, found.units, changed) : range(unit.start, unit.end);
    if (own.length > 0) units.push(make(unit.name, unit.kind, unit.start, unit.end, own));
  }
  const module = moduleUnit(found, lines, changed);
  if (module) units.push(make("<module>", "module", module.start, module.end, module.lines));
  units.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return { units, parseErrors };
}
function normalize(changedLines, lines) {
  const sorted = [...new Set(changedLines)].filter((l) => Number.isInteger(l)).sort((a, b) => a - b);
  return sorted.filter((l) => lines.isCode(l));
}
function range(start, end) {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
function lowerBound(sorted, target) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function ownLines(unit, all, changed) {
  const own = [];
  let child = 0;
  for (let i = lowerBound(changed, unit.start); i < changed.length && changed[i] <= unit.end; i++) {
    const line = changed[i];
    while (child < unit.children.length && all[unit.children[child]].end < line) child++;
    let claimed = false;
    for (let c = child; c < unit.children.length && all[unit.children[c]].start <= line; c++) {
      if (all[unit.children[c]].end >= line) {
        claimed = true;
        break;
      }
    }
    if (!claimed) own.push(line);
  }
  return own;
}
function moduleUnit(found, lines, changed) {
  const inUnit = new Uint8Array(lines.lineCount + 2);
  for (const unit of found.units) if (unit.parent < 0) inUnit.fill(1, unit.start, unit.end + 1);
  const candidates = changed ?? range(1, lines.lineCount);
  const own = [];
  let start = Infinity;
  let end = -Infinity;
  for (const line of candidates) {
    if (inUnit[line] || !lines.isCode(line)) continue;
    const index = found.statementAt[line];
    const statement = index >= 0 ? found.statements[index] : { start: line, end: line, inert: false };
    if (statement.inert) continue;
    own.push(line);
    start = Math.min(start, statement.start);
    end = Math.max(end, statement.end);
  }
  return own.length > 0 ? { start, end, lines: own } : void 0;
}
function emptyOutline(lines) {
  return { units: [], statements: [], statementAt: new Int32Array(lines.lineCount + 2).fill(-1) };
}
function uniqueNames(units) {
  const seen = /* @__PURE__ */ new Map();
  for (const unit of [...units].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const count = (seen.get(unit.name) ?? 0) + 1;
    seen.set(unit.name, count);
    if (count > 1) unit.name = `${unit.name}#${count}`;
  }
}

export {
  outline,
  extractUnits
};
