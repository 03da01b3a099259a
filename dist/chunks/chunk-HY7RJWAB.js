#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  Query,
  attachTopLevelPredicates,
  getParser,
  isCall,
  languageOfGrammar,
  loadLanguage,
  nameMatches,
  qualifiedNames,
  resolveImports
} from "./chunk-ZCLPTS52.js";

// src/assess/rules/compile.ts
var queryCache = /* @__PURE__ */ new Map();
var TEMPLATE_REF = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
function grammarsOf(rule) {
  return rule.language === "typescript" ? ["typescript", "tsx"] : [rule.language];
}
async function compileRule(rule) {
  const loaded = /* @__PURE__ */ new Map();
  for (const grammar of grammarsOf(rule)) loaded.set(grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) });
  return compileLoaded(rule, loaded);
}
function compileLoaded(rule, loaded) {
  const queries = /* @__PURE__ */ new Map();
  const parsers = /* @__PURE__ */ new Map();
  for (const [grammar, { language, parser }] of loaded) {
    queries.set(grammar, compileQuery(rule, grammar, language));
    parsers.set(grammar, parser);
  }
  const first = queries.values().next().value;
  return checkedRule(rule, loaded.values().next().value.language, new Set(first.captureNames), queries, parsers);
}
function checkedWithoutQuery(rule, grammar, loaded, captures) {
  return checkedRule(rule, loaded.language, captures, new LazyQueries(rule, grammar, loaded.language), /* @__PURE__ */ new Map([[grammar, loaded.parser]]));
}
function checkedRule(rule, language, names, queries, parsers) {
  const need = (name, where) => {
    if (!names.has(name)) {
      const known = [...names].map((n) => `@${n}`).join(", ") || "none";
      throw new Error(`rule ${rule.id}: ${where} names capture @${name}, which the query does not define (it defines ${known})`);
    }
  };
  need(rule.report, "report");
  const regexes = /* @__PURE__ */ new Map();
  const regex = (source, where) => {
    try {
      regexes.set(source, new RegExp(source));
    } catch (e) {
      throw new Error(`rule ${rule.id}: ${where} is not a valid regular expression: ${e.message}`);
    }
  };
  for (const c of rule.where) {
    if ("capture" in c) need(c.capture, "where");
    if ("unitLacks" in c) regex(c.unitLacks, "unitLacks");
    if ("value" in c && c.value !== void 0) regex(c.value, `hasArgument ${c.hasArgument} value`);
    const types = "inside" in c ? c.inside : "notInside" in c ? c.notInside : [];
    for (const t of types) {
      if (language.idForNodeType(t, true) === null) throw new Error(`rule ${rule.id}: where names node type ${t}, which the ${rule.language} grammar does not have`);
    }
  }
  for (const edit of rule.fix?.edits ?? []) {
    need(edit.capture, "fix");
    if ("replace" in edit) for (const m of edit.replace.matchAll(TEMPLATE_REF)) need(m[1], "fix template");
  }
  return { id: rule.id, language: rule.language, rule, queries, parsers, regexes };
}
var LazyQueries = class {
  constructor(rule, grammar, language) {
    this.rule = rule;
    this.grammar = grammar;
    this.language = language;
  }
  rule;
  grammar;
  language;
  query;
  get size() {
    return 1;
  }
  has(grammar) {
    return grammar === this.grammar;
  }
  get(grammar) {
    return grammar === this.grammar ? this.query ??= compileQuery(this.rule, this.grammar, this.language) : void 0;
  }
  *entries() {
    yield [this.grammar, this.get(this.grammar)];
  }
  *keys() {
    yield this.grammar;
  }
  *values() {
    yield this.get(this.grammar);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(fn, thisArg) {
    fn.call(thisArg, this.get(this.grammar), this.grammar, this);
  }
};
function compileQuery(rule, grammar, language) {
  const key = `${rule.id}\0${grammar}\0${rule.query}`;
  const cached = queryCache.get(key);
  if (cached) return cached;
  let query;
  try {
    query = new Query(language, attachTopLevelPredicates(rule.query));
  } catch (e) {
    const offset = e.index;
    const where = typeof offset === "number" ? ` at offset ${offset} (${lineColumn(rule.query, offset)})` : "";
    throw new Error(`rule ${rule.id}: query does not compile for the ${grammar} grammar${where}: ${e.message}`);
  }
  queryCache.set(key, query);
  return query;
}
function lineColumn(text, offset) {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

// src/assess/rules/arguments.ts
var ARGUMENT_LISTS = /* @__PURE__ */ new Set(["argument_list", "arguments"]);
function findArgument(language, node, name) {
  const args = argumentList(language, node);
  if (!args) return { found: "no" };
  if (language === "python") return pythonArgument(args, name);
  if (language === "javascript" || language === "typescript") return jsArgument(args, name);
  return { found: "no" };
}
function argumentList(language, node) {
  if (ARGUMENT_LISTS.has(node.type)) return node;
  for (let n = node; n; n = n.parent) {
    if (isCall(language, n)) return n.childForFieldName("arguments") ?? void 0;
  }
  return void 0;
}
function pythonArgument(args, name) {
  let unknown = false;
  for (const a of args.namedChildren) {
    if (a.type === "keyword_argument" && a.childForFieldName("name")?.text === name) {
      return { found: "yes", value: a.childForFieldName("value") };
    }
    if (a.type === "dictionary_splat") unknown = true;
  }
  return { found: unknown ? "unknown" : "no" };
}
function jsArgument(args, name) {
  let unknown = false;
  for (const a of args.namedChildren) {
    if (a.type !== "object") continue;
    for (const p of a.namedChildren) {
      if (p.type === "pair") {
        const key = p.childForFieldName("key");
        const keyText = key?.type === "string" ? key.text.slice(1, -1) : key?.text;
        if (keyText === name) return { found: "yes", value: p.childForFieldName("value") };
      } else if (p.type === "shorthand_property_identifier" && p.text === name) {
        return { found: "yes", value: p };
      } else if (p.type === "spread_element") unknown = true;
    }
  }
  return { found: unknown ? "unknown" : "no" };
}

// src/assess/rules/literal.ts
var set = (...xs) => new Set(xs);
var JS = {
  leaf: set("number", "true", "false", "null", "undefined"),
  string: set("string", "template_string"),
  interpolation: set("template_substitution"),
  compound: set("binary_expression", "unary_expression", "parenthesized_expression", "array"),
  wrapper: set("as_expression", "satisfies_expression", "non_null_expression")
};
var C = {
  leaf: set("number_literal", "char_literal", "true", "false", "null", "nullptr", "user_defined_literal"),
  string: set("string_literal", "raw_string_literal", "system_lib_string"),
  interpolation: set(),
  compound: set("concatenated_string", "binary_expression", "unary_expression", "parenthesized_expression", "initializer_list"),
  wrapper: set()
};
var KINDS = {
  python: {
    leaf: set("integer", "float", "true", "false", "none", "ellipsis"),
    // f-strings are `string` nodes too; only those with an `{expr}` interpolation are not constant.
    string: set("string"),
    interpolation: set("interpolation"),
    compound: set("concatenated_string", "binary_operator", "unary_operator", "parenthesized_expression", "list", "tuple"),
    wrapper: set()
  },
  javascript: JS,
  typescript: JS,
  java: {
    leaf: set(
      "decimal_integer_literal",
      "hex_integer_literal",
      "octal_integer_literal",
      "binary_integer_literal",
      "decimal_floating_point_literal",
      "hex_floating_point_literal",
      "true",
      "false",
      "null_literal",
      "character_literal"
    ),
    string: set("string_literal", "text_block"),
    interpolation: set("string_interpolation", "template_expression"),
    compound: set("binary_expression", "unary_expression", "parenthesized_expression", "array_initializer"),
    wrapper: set()
  },
  go: {
    leaf: set("int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false", "nil", "iota"),
    string: set("interpreted_string_literal", "raw_string_literal"),
    interpolation: set(),
    compound: set("binary_expression", "unary_expression", "parenthesized_expression"),
    wrapper: set()
  },
  c: C,
  cpp: C
};
function isLiteral(language, node) {
  const k = KINDS[language];
  if (k.leaf.has(node.type)) return true;
  if (k.string.has(node.type)) return k.interpolation.size === 0 || node.descendantsOfType([...k.interpolation]).length === 0;
  if (k.wrapper.has(node.type)) return !!node.namedChild(0) && isLiteral(language, node.namedChild(0));
  if (k.compound.has(node.type)) {
    const parts = node.namedChildren.filter((c) => c.type !== "comment");
    return parts.every((c) => isLiteral(language, c) || cStringMacro(language, node, c));
  }
  return false;
}
function cStringMacro(language, parent, child) {
  return (language === "c" || language === "cpp") && parent.type === "concatenated_string" && child.type === "identifier" && /^[A-Z][A-Za-z0-9_]*$/.test(child.text);
}

// src/assess/rules/constraints.ts
var FUNCTIONS = {
  python: /* @__PURE__ */ new Set(["function_definition"]),
  javascript: /* @__PURE__ */ new Set(["function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration", "generator_function"]),
  typescript: /* @__PURE__ */ new Set(["function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration", "generator_function"]),
  java: /* @__PURE__ */ new Set(["method_declaration", "constructor_declaration", "lambda_expression", "compact_constructor_declaration"]),
  go: /* @__PURE__ */ new Set(["function_declaration", "method_declaration", "func_literal"]),
  c: /* @__PURE__ */ new Set(["function_definition"]),
  cpp: /* @__PURE__ */ new Set(["function_definition", "lambda_expression"])
};
function constraintsHold(where, ctx) {
  return where.every((c) => holds(c, ctx));
}
function holds(c, ctx) {
  if ("unitLacks" in c) return !ctx.regexes.get(c.unitLacks).test(enclosingUnitText(ctx));
  const node = ctx.captures.get(c.capture);
  if (!node) return false;
  if ("literal" in c) return isLiteral(ctx.language, node) === c.literal;
  if ("resolvesTo" in c) {
    const names = qualifiedNames(ctx.imports(), node);
    return names.some((q) => c.resolvesTo.some((n) => nameMatches(q, n)));
  }
  if ("hasArgument" in c) {
    const arg = findArgument(ctx.language, node, c.hasArgument);
    if (arg.found !== "yes") return false;
    return c.value === void 0 || ctx.regexes.get(c.value).test(arg.value.text);
  }
  if ("lacksArgument" in c) return findArgument(ctx.language, node, c.lacksArgument).found === "no";
  if ("inside" in c) return hasAncestor(node, c.inside);
  return !hasAncestor(node, c.notInside);
}
function hasAncestor(node, types) {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return true;
  return false;
}
function enclosingUnitText(ctx) {
  const fns = FUNCTIONS[ctx.language];
  for (let n = ctx.report.parent; n; n = n.parent) {
    if (!fns.has(n.type)) continue;
    return n.parent?.type === "decorated_definition" ? n.parent.text : n.text;
  }
  return ctx.source;
}

// src/assess/rules/run.ts
function runRules(rules, input) {
  const session = matchSession(input);
  for (const rule of rules) {
    if (rule.language !== session.language) continue;
    const query = rule.queries.get(input.grammar);
    if (!query) continue;
    for (const m of query.matches(input.tree.rootNode, session.options)) session.accept(rule, m);
  }
  return session.results();
}
function matchSession(input) {
  const language = languageOfGrammar(input.grammar);
  let imports = input.imports;
  const lazyImports = () => imports ??= resolveImports(input.grammar, input.tree, input.source);
  const options = input.range && {
    startPosition: { row: input.range.startLine - 1, column: 0 },
    endPosition: { row: input.range.endLine, column: 0 }
  };
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  return {
    language,
    options,
    accept(rule, m) {
      if (m.captures.length === 0) return;
      const nodes = /* @__PURE__ */ new Map();
      for (const c of m.captures) if (!nodes.has(c.name)) nodes.set(c.name, c.node);
      const report = nodes.get(rule.rule.report);
      if (!report) return;
      const { startLine, endLine } = lines(report);
      if (input.range && (startLine < input.range.startLine || endLine > input.range.endLine)) return;
      const key = `${rule.id}\0${report.startIndex}\0${report.endIndex}`;
      if (seen.has(key)) return;
      const ctx = { language, source: input.source, report, captures: nodes, regexes: rule.regexes, imports: lazyImports };
      if (!constraintsHold(rule.rule.where, ctx)) return;
      seen.add(key);
      const captures = {};
      for (const [name, node] of nodes) captures[name] = capture(node);
      out.push({ ruleId: rule.id, grammar: input.grammar, startLine, endLine, captures });
    },
    results: () => out.sort((a, b) => a.startLine - b.startLine || a.ruleId.localeCompare(b.ruleId)),
    resolvedImports: () => imports
  };
}
function lines(node) {
  const startLine = node.startPosition.row + 1;
  const end = node.endPosition;
  const endLine = end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
  return { startLine, endLine };
}
function capture(node) {
  return { text: node.text, type: node.type, ...lines(node), startIndex: node.startIndex, endIndex: node.endIndex };
}

export {
  TEMPLATE_REF,
  compileRule,
  compileLoaded,
  checkedWithoutQuery,
  runRules,
  matchSession
};
