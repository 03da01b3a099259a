#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  applyEdits,
  makeEdit
} from "./chunk-RHUYUCDS.js";
import {
  TEMPLATE_REF
} from "./chunk-HY7RJWAB.js";
import {
  JAVA_LANG,
  languageOfGrammar,
  requiredModule,
  resolveImports
} from "./chunk-ZCLPTS52.js";

// src/assess/rules/fix-delete.ts
function deletionRange(node, source) {
  const next = node.nextSibling;
  const prev = node.previousSibling;
  if (next?.type === ",") {
    const after = next.nextSibling;
    if (after?.isNamed) return [node.startIndex, after.startIndex];
    const line = wholeLine(source, node.startIndex, next.endIndex);
    if (line) return line;
    if (prev?.type === ",") return [prev.previousSibling?.endIndex ?? prev.startIndex, next.endIndex];
    return [node.startIndex, next.endIndex];
  }
  if (prev?.type === ",") return [prev.previousSibling?.endIndex ?? prev.startIndex, node.endIndex];
  if (prev && next && !prev.isNamed && !next.isNamed && !source.slice(prev.endIndex, next.startIndex).includes("\n")) {
    return [prev.endIndex, next.startIndex];
  }
  return wholeLine(source, node.startIndex, node.endIndex) ?? [node.startIndex, node.endIndex];
}
function wholeLine(source, start, end) {
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  let lineEnd2 = source.indexOf("\n", end);
  if (lineEnd2 < 0) lineEnd2 = source.length;
  if (source.slice(lineStart, start).trim() !== "" || source.slice(end, lineEnd2).trim() !== "") return void 0;
  return [lineStart, Math.min(lineEnd2 + 1, source.length)];
}

// src/assess/rules/fix-imports-js.ts
function jsImportStatements(root) {
  return root.namedChildren.filter((s) => {
    if (s.type === "import_statement") return true;
    if (s.type !== "lexical_declaration" && s.type !== "variable_declaration") return false;
    return s.descendantsOfType("call_expression").some((c) => requiredModule(c) !== void 0);
  });
}
function moduleStyle(root) {
  let style;
  for (const s of jsImportStatements(root)) {
    if (s.type === "import_statement" && !s.namedChildren.some((c) => c.type === "import_require_clause")) return "esm";
    style = "cjs";
  }
  if (root.namedChildren.some((s) => s.type === "export_statement")) return "esm";
  return style;
}
var ESM = /^import\s+(.+?)\s+from\s+(['"])([^'"]+)\2\s*;?$/;
var CJS = /^(?:const|let|var)\s+(.+?)\s*=\s*require\(\s*(['"])([^'"]+)\2\s*\)((?:\.[A-Za-z_$][\w$]*)?)\s*;?$/;
function toModuleStyle(line, style) {
  const text = line.trim();
  if (style === "esm") {
    const m = CJS.exec(text);
    if (!m) return [text];
    const [, pattern, q, mod, member] = m;
    if (member) return [`import { ${member.slice(1)}${member.slice(1) === pattern ? "" : ` as ${pattern}`} } from ${q}${mod}${q};`];
    if (pattern.startsWith("{")) {
      const names = splitNames(pattern).map((n) => n.replace(/\s*:\s*/, " as "));
      return [`import { ${names.join(", ")} } from ${q}${mod}${q};`];
    }
    return [`import ${pattern} from ${q}${mod}${q};`];
  }
  if (style === "cjs") {
    const m = ESM.exec(text);
    if (!m) return [text];
    const [, clause, q, mod] = m;
    const req = `require(${q}${mod}${q})`;
    const out = [];
    const named = /\{([^}]*)\}/.exec(clause);
    const head = clause.replace(/\{[^}]*\}/, "").replace(/,\s*$/, "").replace(/^\s*,/, "").trim();
    if (head) out.push(`const ${head.replace(/^\*\s+as\s+/, "")} = ${req};`);
    if (named) {
      const names = splitNames(`{${named[1]}}`).map((n) => n.replace(/\s+as\s+/, ": "));
      out.push(`const { ${names.join(", ")} } = ${req};`);
    }
    return out.length ? out : [text];
  }
  return [text];
}
function splitNames(pattern) {
  return pattern.replace(/^\{|\}$/g, "").split(",").map((s) => s.trim()).filter(Boolean);
}

// src/assess/rules/fix-imports.ts
function importEdits(grammar, tree, source, lines, parser) {
  const language = languageOfGrammar(grammar);
  const root = tree.rootNode;
  const fileMap = resolveImports(grammar, tree, source);
  const style = language === "javascript" || language === "typescript" ? moduleStyle(root) : void 0;
  const candidates = lines.flatMap((l) => style ? toModuleStyle(l, style) : [l.trim()]);
  const wanted = candidates.filter((l, i) => candidates.indexOf(l) === i && !present(language, l, source, root, fileMap, parser));
  if (wanted.length === 0) return { edits: [] };
  if (language === "go") return goEdits(root, source, wanted);
  const anchor = lastImport(language, root);
  if (anchor) return { edits: [insertAfterLine(source, anchor, wanted.join("\n") + "\n")] };
  const preamble = preambleEnd(language, root);
  if (preamble && language === "java") return { edits: [insertAfterLine(source, preamble, "\n" + wanted.join("\n") + "\n")] };
  const at = preamble ? afterNode(source, preamble) : 0;
  const nextLine = source.slice(at, source.indexOf("\n", at) < 0 ? source.length : source.indexOf("\n", at));
  const gap = nextLine.trim() === "" ? "" : "\n";
  return { edits: [makeEdit(source, at, at, (at === source.length && at > 0 && !source.endsWith("\n") ? "\n" : "") + wanted.join("\n") + "\n" + gap)] };
}
function present(language, line, source, root, fileMap, parser) {
  if (source.split("\n").some((l) => l.trim() === line)) return true;
  if (language === "c" || language === "cpp") {
    const header = /#\s*include\s*([<"][^>"]+[>"])/.exec(line)?.[1];
    return !!header && root.descendantsOfType("preproc_include").some((n) => n.childForFieldName("path")?.text === header);
  }
  if (language === "go") {
    const spec = goSpec(line);
    return !!spec && root.descendantsOfType("import_spec").some((s) => s.text.replace(/\s+/g, " ") === spec);
  }
  const tree = parser.parse(line);
  if (!tree) return false;
  try {
    const lineMap = resolveImports(language, tree, line);
    if (lineMap.bindings.size === 0) return false;
    return [...lineMap.bindings].every(([name, target]) => {
      if (fileMap.bindings.get(name) === target) return true;
      if (language !== "java") return false;
      const pkg = target.slice(0, target.lastIndexOf("."));
      return fileMap.wildcards.includes(pkg) || pkg === "java.lang" && JAVA_LANG.has(name);
    });
  } finally {
    tree.delete();
  }
}
var TOP_IMPORTS = {
  python: /* @__PURE__ */ new Set(["import_statement", "import_from_statement", "future_import_statement"]),
  java: /* @__PURE__ */ new Set(["import_declaration"])
};
function lastImport(language, root) {
  let found;
  if (language === "javascript" || language === "typescript") found = jsImportStatements(root);
  else if (language === "c" || language === "cpp") found = root.descendantsOfType("preproc_include");
  else found = root.namedChildren.filter((n) => TOP_IMPORTS[language]?.has(n.type));
  return found[found.length - 1];
}
function preambleEnd(language, root) {
  let last;
  for (const n of root.namedChildren) {
    const stringStatement = n.type === "expression_statement" && n.namedChildCount === 1 && n.namedChild(0).type === "string";
    if (n.type === "comment" || n.type === "hash_bang_line" || n.type === "package_declaration") last = n;
    else if (stringStatement && (language === "python" || /^['"]use strict['"]/.test(n.text))) last = n;
    else break;
  }
  return last;
}
function goSpec(line) {
  const m = /^(?:import\s+)?(?:([\w.]+)\s+)?("[^"]+")\s*$/.exec(line.trim());
  return m ? m[1] ? `${m[1]} ${m[2]}` : m[2] : void 0;
}
function goEdits(root, source, lines) {
  const specs = lines.map(goSpec);
  const bad = lines.find((_, i) => specs[i] === void 0);
  if (bad !== void 0) return { error: `cannot read Go import line: ${bad}` };
  const block = root.descendantsOfType("import_spec_list").pop();
  if (block) {
    const close = block.lastChild;
    const at = source.lastIndexOf("\n", close.startIndex - 1) + 1;
    const onOwnLine = source.slice(at, close.startIndex).trim() === "";
    const text = specs.map((s) => `	${s}
`).join("");
    return { edits: [onOwnLine ? makeEdit(source, at, at, text) : makeEdit(source, close.startIndex, close.startIndex, `
${text}`)] };
  }
  const created = `import (
${specs.map((s) => `	${s}
`).join("")})
`;
  const single = root.namedChildren.filter((n) => n.type === "import_declaration").pop();
  if (single) return { edits: [insertAfterLine(source, single, created)] };
  const pkg = root.namedChildren.find((n) => n.type === "package_clause");
  if (pkg) return { edits: [insertAfterLine(source, pkg, "\n" + created)] };
  return { edits: [makeEdit(source, 0, 0, created + "\n")] };
}
function lineEnd(source, index) {
  const nl = source.indexOf("\n", index);
  return nl < 0 ? source.length : nl + 1;
}
function afterNode(source, node) {
  return lineEnd(source, Math.max(node.startIndex, node.endIndex - 1));
}
function insertAfterLine(source, node, text) {
  const at = afterNode(source, node);
  const lead = at === source.length && !source.endsWith("\n") ? "\n" : "";
  return makeEdit(source, at, at, lead + text);
}

// src/assess/rules/fix.ts
function applyFix(rule, match, source, tree) {
  const fix = rule.rule.fix;
  if (!fix) return { error: `rule ${rule.id} has no fix` };
  const parser = rule.parsers.get(match.grammar);
  if (!parser) return { error: `rule ${rule.id} does not run on the ${match.grammar} grammar` };
  let own = null;
  const getTree = () => tree ?? (own ??= parser.parse(source));
  try {
    const edits = [];
    for (const edit of fix.edits) {
      const cap = match.captures[edit.capture];
      if (!cap) return { error: `rule ${rule.id}: capture @${edit.capture} is not bound in this match` };
      if (source.slice(cap.startIndex, cap.endIndex) !== cap.text) {
        return { error: `rule ${rule.id}: the source differs from the one the match came from` };
      }
      if ("replace" in edit) {
        let missing;
        const text = edit.replace.replace(TEMPLATE_REF, (_, name) => {
          const c = match.captures[name];
          if (!c) missing = name;
          return c?.text ?? "";
        });
        if (missing) return { error: `rule ${rule.id}: template capture @${missing} is not bound in this match` };
        edits.push(makeEdit(source, cap.startIndex, cap.endIndex, text));
      } else {
        const node = findNode(getTree().rootNode, cap.startIndex, cap.endIndex, cap.type);
        if (!node) return { error: `rule ${rule.id}: cannot find @${edit.capture} again in the source` };
        const [start, end] = deletionRange(node, source);
        edits.push(makeEdit(source, start, end, ""));
      }
    }
    if (fix.imports.length > 0) {
      const added = importEdits(match.grammar, getTree(), source, fix.imports, parser);
      if ("error" in added) return { error: `rule ${rule.id}: ${added.error}` };
      edits.push(...added.edits);
    }
    return applyEdits(source, edits);
  } finally {
    own?.delete();
  }
}
function findNode(root, start, end, type) {
  let node = root;
  while (node) {
    if (node.startIndex === start && node.endIndex === end) {
      for (let n = node; n && n.startIndex === start && n.endIndex === end; n = n.parent) {
        if (n.type === type) return n;
      }
    }
    const holds = (c) => !!c && c.startIndex <= start && c.endIndex >= end && c.endIndex > c.startIndex;
    const quick = start < end ? node.firstChildForIndex(start) : void 0;
    node = holds(quick) ? quick : node.children.find(holds);
  }
  return void 0;
}

export {
  importEdits,
  applyFix,
  findNode
};
