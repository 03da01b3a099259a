#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  UNIT_SPECS
} from "./chunk-2TTF3MLN.js";
import {
  applyEdits
} from "./chunk-RHUYUCDS.js";
import {
  runRules
} from "./chunk-HY7RJWAB.js";
import {
  Edit,
  getParser,
  importNodeTypes,
  languageOfGrammar,
  lineStarts,
  rowAt
} from "./chunk-ZCLPTS52.js";

// src/assess/finding.ts
var SEVERITIES = ["low", "medium", "high", "critical"];
function atLeast(severity, threshold) {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

// src/assess/suppressions.ts
var MARKER = /rescue-ignore(?![\w-])/;
var CWE_LIST = /^\s*\[?\s*((?:CWE-\d+\s*[,\s]\s*)*CWE-\d+)\s*\]?/i;
function findSuppressions(source, tree) {
  if (!source.includes("rescue-ignore")) return [];
  const out = [];
  const lines = source.split("\n");
  for (let row = 0; row < lines.length; row++) {
    const text = lines[row];
    const m = MARKER.exec(text);
    if (!m) continue;
    const node = tree.rootNode.descendantForPosition({ row, column: m.index });
    if (!node || !/comment/.test(node.type)) continue;
    const ownLine = node.startPosition.row < row || text.slice(0, node.startPosition.column).trim() === "";
    out.push({ line: row + 1, ownLine, ...parseMarker(text.slice(m.index + m[0].length)) });
  }
  return out;
}
function parseMarker(rest) {
  const body = rest.replace(/\s*(\*\/|-->)\s*$/, "");
  const ids = CWE_LIST.exec(body);
  const cwes = ids ? ids[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()) : [];
  const after = (ids ? body.slice(ids[0].length) : body).replace(/^\s*(?::|--|—|-)\s*/, "").trim();
  return after ? { cwes, reason: after } : { cwes };
}
function suppressionFor(suppressions, finding) {
  return suppressions.find(
    (s) => (s.ownLine && s.line === finding.startLine - 1 || s.line >= finding.startLine && s.line <= finding.endLine) && (s.cwes.length === 0 || s.cwes.includes(finding.cwe))
  );
}

// src/assess/fingerprint.ts
import { createHash } from "node:crypto";
var FINGERPRINT_LENGTH = 20;
function fingerprint(input) {
  const parts = [input.cwe, input.ruleId ?? "llm", input.path, normalizeCode(input.text)];
  if (input.occurrence) parts.push(String(input.occurrence));
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, FINGERPRINT_LENGTH);
}
function normalizeCode(text) {
  return text.replace(/\s+/g, " ").trim();
}

// src/verify/signature.ts
function signatureOf(tree, language, startLine, endLine) {
  const types = UNIT_SPECS[language].unitTypes;
  let best;
  const visit = (node) => {
    const start = node.startPosition.row + 1;
    const end = node.endPosition.row + 1;
    if (end < startLine || start > endLine) return;
    if (types.has(node.type) && start >= startLine && end <= endLine) {
      best = node;
      return;
    }
    for (const child of node.namedChildren) {
      if (best) return;
      if (child) visit(child);
    }
  };
  visit(tree.rootNode);
  if (!best) return void 0;
  const body = best.childForFieldName("body");
  const text = body ? best.text.slice(0, body.startIndex - best.startIndex) : best.text.split("\n")[0];
  return text.replace(/\s+/g, " ").trim();
}

// src/verify/reparse.ts
var READ_CHUNK = 1024;
function reparse(parser, tree, starts, edits, text) {
  const edited = tree.copy();
  try {
    for (const e of [...edits].sort((a, b) => b.startIndex - a.startIndex)) edited.edit(treeEdit(starts, e));
    const out = parser.parse((index) => text.slice(index, index + READ_CHUNK), edited);
    if (!out) throw new Error("tree-sitter returned no tree");
    if (!out.rootNode.hasError) return out;
    out.delete();
  } finally {
    edited.delete();
  }
  const fresh = parser.parse(text);
  if (!fresh) throw new Error("tree-sitter returned no tree");
  return fresh;
}
function treeEdit(starts, e) {
  const startPosition = pointAt(starts, e.startIndex);
  let row = startPosition.row;
  let column = startPosition.column;
  const lastBreak = e.text.lastIndexOf("\n");
  if (lastBreak >= 0) {
    for (let i = e.text.indexOf("\n"); i !== -1; i = e.text.indexOf("\n", i + 1)) row++;
    column = e.text.length - lastBreak - 1;
  } else {
    column += e.text.length;
  }
  return new Edit({
    startIndex: e.startIndex,
    oldEndIndex: e.endIndex,
    newEndIndex: e.startIndex + e.text.length,
    startPosition,
    oldEndPosition: pointAt(starts, e.endIndex),
    newEndPosition: { row, column }
  });
}
function pointAt(starts, index) {
  const row = rowAt(starts, index);
  return { row, column: index - starts[row] };
}

// src/verify/syntax.ts
function syntaxErrorsIn(tree, startLine, endLine) {
  const out = [];
  const visit = (node) => {
    if (node.endPosition.row + 1 < startLine || node.startPosition.row + 1 > endLine) return;
    if (node.isError || node.isMissing) {
      out.push(node);
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return out;
}
function describeSyntaxError(node) {
  const line = node.startPosition.row + 1;
  if (node.isMissing) return `line ${line}: missing ${JSON.stringify(node.type)}`;
  const text = node.text.length > 40 ? `${node.text.slice(0, 40)}\u2026` : node.text;
  return `line ${line}: unexpected ${JSON.stringify(text)}`;
}

// src/verify/verify-replacement.ts
async function verifyReplacement(input) {
  const { source, unit, candidate } = input;
  const reject = (check, reason) => ({ verified: false, check, reason });
  const starts = lineStarts(source);
  const lineCount = source.endsWith("\n") ? starts.length - 1 : starts.length;
  if (candidate.startLine > candidate.endLine || candidate.startLine < 1 || candidate.endLine > lineCount) {
    return reject("outside-unit", `lines ${candidate.startLine}-${candidate.endLine} are not lines of the file`);
  }
  if (candidate.startLine < unit.startLine || candidate.endLine > unit.endLine) {
    return reject("outside-unit", `the edit covers lines ${candidate.startLine}-${candidate.endLine}, outside the unit (lines ${unit.startLine}-${unit.endLine})`);
  }
  const from = starts[candidate.startLine - 1];
  const to = lineEndIndex(source, starts, candidate.endLine);
  const replacement = candidate.replacement.replace(/\r?\n$/, "");
  const insertions = candidate.insertions ?? [];
  if (replacement === source.slice(from, to) && insertions.length === 0) return reject("empty", "the replacement changes nothing");
  for (const ins of insertions) {
    if (ins.startIndex !== ins.endIndex) return reject("outside-unit", `an extra edit at line ${ins.startLine} replaces existing text outside the unit`);
    if (ins.startIndex > from && ins.startIndex < to) return reject("outside-unit", `an extra edit at line ${ins.startLine} falls inside the replaced lines`);
  }
  const main = { startIndex: from, endIndex: to, text: replacement, startLine: candidate.startLine, endLine: candidate.endLine };
  const applied = applyEdits(source, [main, ...insertions]);
  if ("error" in applied) return reject("outside-unit", applied.error);
  const text = applied.text;
  const unitFrom = starts[unit.startLine - 1];
  const unitTo = lineEndIndex(source, starts, unit.endLine);
  let shift = 0;
  let grow = newlines(replacement) - (candidate.endLine - candidate.startLine);
  for (const ins of insertions) {
    if (ins.startIndex <= unitFrom) shift += newlines(ins.text);
    else if (ins.startIndex <= unitTo) grow += newlines(ins.text);
  }
  const newUnit = { startLine: unit.startLine + shift, endLine: unit.endLine + shift + grow };
  const parser = await getParser(input.grammar);
  const oldTree = input.tree ?? parser.parse(source);
  const newTree = reparse(parser, oldTree, starts, [main, ...insertions], text);
  try {
    const language = languageOfGrammar(input.grammar);
    const newErrors = syntaxErrorsIn(newTree, newUnit.startLine, newUnit.endLine);
    const oldErrors = syntaxErrorsIn(oldTree, unit.startLine, unit.endLine);
    if (newErrors.length > 0 && (oldErrors.length === 0 || newErrors.length > oldErrors.length)) {
      return reject("parse", `the new code does not parse: ${newErrors.slice(0, 2).map(describeSyntaxError).join("; ")}`);
    }
    const fileErrorsBefore = syntaxErrorsIn(oldTree, 1, Number.MAX_SAFE_INTEGER).length;
    const fileErrorsAfter = syntaxErrorsIn(newTree, 1, Number.MAX_SAFE_INTEGER).length;
    if (fileErrorsAfter > fileErrorsBefore) {
      const where = syntaxErrorsIn(newTree, 1, Number.MAX_SAFE_INTEGER).slice(0, 1).map(describeSyntaxError).join("");
      return reject("parse", `the edited file does not parse: ${where}`);
    }
    const run = input.run ?? ((i) => runRules(input.rules, i));
    const before = run({ grammar: input.grammar, tree: oldTree, source, range: unit });
    const importNodes = importNodeTypes(language);
    const keepsImports = insertions.length === 0 && (importNodes.length === 0 || !touches(oldTree, importNodes, from, to, starts) && !touches(newTree, importNodes, from, from + replacement.length, lineStarts(text)));
    const after = run({ grammar: input.grammar, tree: newTree, source: text, range: newUnit, ...keepsImports && { importsOf: oldTree } });
    if (input.firedRuleId) {
      const count = (ms) => ms.filter((m) => m.ruleId === input.firedRuleId).length;
      if (count(after) >= count(before)) {
        const still = after.find((m) => m.ruleId === input.firedRuleId);
        return reject("rule-still-fires", `rule ${input.firedRuleId} still fires${still ? ` at line ${still.startLine}` : ""}`);
      }
    }
    const remaining = /* @__PURE__ */ new Map();
    for (const m of before) remaining.set(matchKey(input.rules, m), (remaining.get(matchKey(input.rules, m)) ?? 0) + 1);
    for (const m of after) {
      const key = matchKey(input.rules, m);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return reject("new-rule-fires", `rule ${m.ruleId} fires on the new code at line ${m.startLine}`);
      remaining.set(key, left - 1);
    }
    if (!input.allowSignatureChange) {
      const oldSig = signatureOf(oldTree, language, unit.startLine, unit.endLine);
      if (oldSig !== void 0) {
        const newSig = signatureOf(newTree, language, newUnit.startLine, newUnit.endLine);
        if (newSig !== oldSig) return reject("signature", `the function signature changes from \`${oldSig}\` to \`${newSig ?? "(none)"}\``);
      }
    }
    return { verified: true, text, newUnit };
  } finally {
    newTree.delete();
    if (!input.tree) oldTree.delete();
  }
}
function matchKey(rules, m) {
  const report = rules.find((r) => r.id === m.ruleId)?.rule.report;
  const text = report ? m.captures[report]?.text ?? "" : "";
  return `${m.ruleId}\0${normalizeCode(text)}`;
}
function lineEndIndex(source, starts, line) {
  let end = line < starts.length ? starts[line] - 1 : source.length;
  if (end > starts[line - 1] && source.charCodeAt(end - 1) === 13) end--;
  return end;
}
function newlines(text) {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
function touches(tree, types, from, to, starts) {
  return tree.rootNode.descendantsOfType([...types], pointAt(starts, from), pointAt(starts, Math.max(to, from + 1))).length > 0;
}

export {
  SEVERITIES,
  atLeast,
  fingerprint,
  verifyReplacement,
  lineEndIndex,
  findSuppressions,
  suppressionFor
};
