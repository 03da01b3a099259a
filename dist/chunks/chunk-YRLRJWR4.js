#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  CWE_TEXT_FIELDS,
  MiniSearch,
  processCodeTerm,
  silentLogger,
  sliceUnit,
  tokenizeCode
} from "./chunk-36CMHGC7.js";
import {
  compileRule,
  runRules
} from "./chunk-HY7RJWAB.js";
import {
  calleeOf,
  isCall,
  languageOfGrammar,
  parse,
  qualifiedNames,
  resolveImports
} from "./chunk-ZCLPTS52.js";

// src/facets/api.ts
var MEMBER_TYPES = {
  python: /* @__PURE__ */ new Set(["attribute"]),
  javascript: /* @__PURE__ */ new Set(["member_expression"]),
  typescript: /* @__PURE__ */ new Set(["member_expression"]),
  java: /* @__PURE__ */ new Set(["field_access"]),
  go: /* @__PURE__ */ new Set(["selector_expression"]),
  c: /* @__PURE__ */ new Set(["field_expression"]),
  cpp: /* @__PURE__ */ new Set(["field_expression"])
};
var MAX_MEMBERS = 64;
function collectApis(map, root, range) {
  const calls = /* @__PURE__ */ new Set();
  const members = /* @__PURE__ */ new Set();
  const calleeNodes = /* @__PURE__ */ new Set();
  const memberTypes = MEMBER_TYPES[map.language];
  const inRange = (n) => !range || n.endPosition.row + 1 >= range.startLine && n.startPosition.row + 1 <= range.endLine;
  const stack = [root];
  const order = [];
  while (stack.length) {
    const node = stack.pop();
    if (!inRange(node)) continue;
    order.push(node);
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]);
  }
  for (const node of order) {
    if (!isCall(map.language, node)) continue;
    const callee = calleeOf(map.language, node);
    if (callee) markPath(callee, calleeNodes, memberTypes);
    if (isRequire(map, node) || isRaised(node)) continue;
    for (const name of qualifiedNames(map, node)) calls.add(name);
  }
  for (const node of order) {
    if (members.size >= MAX_MEMBERS) break;
    if (!memberTypes.has(node.type) || calleeNodes.has(node.id)) continue;
    if (node.parent && memberTypes.has(node.parent.type) && !calleeNodes.has(node.parent.id)) continue;
    const name = qualifiedNames(map, node)[0];
    if (name && !calls.has(name)) members.add(name);
  }
  return { calls: [...calls], members: [...members] };
}
function markPath(callee, marked, memberTypes) {
  let n = callee;
  while (n && (n === callee || memberTypes.has(n.type))) {
    marked.add(n.id);
    n = n.namedChild(0);
  }
}
var THROWS = /* @__PURE__ */ new Set(["raise_statement", "throw_statement", "throw_expression"]);
function isRaised(node) {
  return !!node.parent && THROWS.has(node.parent.type);
}
function isRequire(map, node) {
  return (map.language === "javascript" || map.language === "typescript") && node.childForFieldName("function")?.text === "require";
}
function apiQueryTerms(facet) {
  return [...facet.calls, ...facet.members];
}

// src/facets/cause.ts
var STRING_TYPES = /* @__PURE__ */ new Set([
  "string",
  "string_literal",
  "template_string",
  "interpreted_string_literal",
  "raw_string_literal",
  "char_literal",
  "concatenated_string",
  "text_block"
]);
function causeSources(root, range) {
  const identifiers = [];
  const strings = [];
  const comments = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (range && (node.endPosition.row + 1 < range.startLine || node.startPosition.row + 1 > range.endLine)) continue;
    if (node.type.includes("comment")) {
      comments.push(node.text);
      continue;
    }
    if (STRING_TYPES.has(node.type)) {
      strings.push(stripQuotes(node.text));
      continue;
    }
    if (node.type.endsWith("identifier") && node.namedChildCount === 0) identifiers.push(node.text);
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]);
  }
  return { identifiers, strings, comments };
}
function stripQuotes(text) {
  return text.replace(/^[A-Za-z]{0,3}("""|'''|["'`])/, "").replace(/("""|'''|["'`])$/, "");
}
var STOPWORDS = new Set(
  `a about above after all also an and any are as at be been before being but by can could did do does
  each for from had has have how if in into is it its may might more most must no not of on only or other
  our out over same should so some such than that the their them then there these they this those through
  to too under until up very was we were what when where which while who why will with would you your
  should shall use used using uses given based returns return ensure ensures make makes take takes
  def self cls let var const function fn func void int str bool boolean string char long short float double
  true false none null nil undefined new return returns import from package class struct public private
  protected static final async await yield else elif try except catch finally throw throws raise lambda
  args kwargs arg param params value values result results data obj item items tmp temp val err error
  get set list dict map len print println printf main init`.split(/\s+/).filter(Boolean)
);
var WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
function causeWords(text) {
  const out = [];
  for (const word of text.match(WORDS) ?? []) {
    const w = word.toLowerCase();
    if (w.length < 3 || /^\d+$/.test(w) || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}
var MAX_CAUSE_WORDS = 160;
function offlineCauseQuery(input) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const add = (text) => {
    for (const w of causeWords(text)) {
      if (out.length >= MAX_CAUSE_WORDS) return;
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
  };
  if (input.description) add(input.description);
  for (const c of input.sources.comments) add(c);
  for (const s of input.sources.strings) add(s);
  for (const id of input.sources.identifiers) add(id);
  return out.join(" ");
}

// src/facets/code.ts
function unitText(source, startLine, endLine) {
  return source.split("\n").slice(startLine - 1, endLine).join("\n");
}
async function codeFacet(input) {
  const whole = unitText(input.source, input.startLine, input.endLine);
  const changed = (input.changedLines ?? []).filter((l) => l >= input.startLine && l <= input.endLine);
  if (changed.length === 0 || changed.length >= input.endLine - input.startLine + 1) return { text: whole, sliced: false };
  try {
    const slice = await sliceUnit({
      grammar: input.grammar,
      source: input.source,
      startLine: input.startLine,
      endLine: input.endLine,
      pointsOfInterest: changed
    });
    if (slice.fallback) return { text: whole, sliced: false, fallback: slice.fallback };
    return { text: slice.text, sliced: true };
  } catch (e) {
    return { text: whole, sliced: false, fallback: e.message };
  }
}

// src/facets/rules.ts
var CONFIDENCE_WEIGHT = { high: 1, medium: 0.7, low: 0.4 };
var compiled = /* @__PURE__ */ new WeakMap();
function kbRules(kb, language) {
  let byLanguage = compiled.get(kb);
  if (!byLanguage) compiled.set(kb, byLanguage = /* @__PURE__ */ new Map());
  let rules = byLanguage.get(language);
  if (!rules) {
    const sources = kb.document.cwes.flatMap((c) => c.rules).filter((r) => r.language === language);
    rules = Promise.all(sources.map((r) => compileRule(r)));
    byLanguage.set(language, rules);
  }
  return rules;
}
async function ruleHits(kb, input) {
  const rules = await kbRules(kb, languageOfGrammar(input.grammar));
  const byId = new Map(kb.document.cwes.flatMap((c) => c.rules.map((r) => [r.id, r])));
  return runRules(rules, input).flatMap((m) => {
    const rule = byId.get(m.ruleId);
    return rule ? [{ ruleId: m.ruleId, cwe: rule.cwe, confidence: rule.confidence, startLine: m.startLine }] : [];
  });
}
function ruleScores(hits) {
  const seen = /* @__PURE__ */ new Set();
  const scores = /* @__PURE__ */ new Map();
  for (const h of hits) {
    if (seen.has(h.ruleId)) continue;
    seen.add(h.ruleId);
    scores.set(h.cwe, (scores.get(h.cwe) ?? 0) + CONFIDENCE_WEIGHT[h.confidence]);
  }
  return scores;
}

// src/facets/extract.ts
async function extractFacets(input) {
  const lineCount = input.source.split("\n").length;
  const startLine = Math.max(1, input.startLine ?? 1);
  const endLine = Math.min(lineCount, input.endLine ?? lineCount);
  const range = { startLine, endLine };
  const tree = await parse(input.grammar, input.source);
  let apis;
  let offline;
  let rules = [];
  try {
    const imports = resolveImports(input.grammar, tree, input.source);
    apis = collectApis(imports, tree.rootNode, range);
    offline = input.causeText ? "" : offlineCauseQuery({ sources: causeSources(tree.rootNode, range), description: input.description });
    if (input.kb) rules = await ruleHits(input.kb, { grammar: input.grammar, tree, source: input.source, range, imports });
  } finally {
    tree.delete();
  }
  const code = input.slice === false ? { text: input.source.split("\n").slice(startLine - 1, endLine).join("\n") } : await codeFacet({ grammar: input.grammar, source: input.source, startLine, endLine, changedLines: input.changedLines });
  return {
    language: languageOfGrammar(input.grammar),
    apis,
    cause: input.causeText ?? offline,
    causeSource: input.causeText ? "llm" : "offline",
    code: code.text,
    rules
  };
}

// src/retrieve/calibration-values.ts
var CALIBRATION = {
  "version": 1,
  "date": "2026-11-23",
  "method": "coordinate descent on the calibration half: CWE-level fusion thresholds (BM25+, cause and code length-normalized) maximizing MRR; gate thresholds (>= fusion) maximizing MRR - 1 x share of benign units marked relevant subject to a share of vulnerable units marked relevant >= 0.95; example level: 10th percentile of correct matches",
  "seed": 1,
  "data": {
    "kbCwes": 58,
    "kbExamples": 329,
    "seccodeplt": 1411,
    "seccodepltCalibration": 705,
    "cyberseceval": 1315,
    "cyberseceval_calibration": 656,
    "benign": 276,
    "benignCalibration": 137
  },
  "bm25": {
    "cwe": {
      "cause": 0,
      "apis": 2.406,
      "code": 1.022,
      "rules": 0
    },
    "gate": {
      "cause": 0.179,
      "apis": 2.406,
      "code": 1.022,
      "rules": 0
    },
    "example": {
      "cause": 0,
      "apis": 0.384,
      "code": 2e-3
    }
  },
  "dense": {},
  "results": {
    "seccodeplt calibration": {
      "n": 705,
      "inScope": 678,
      "hit1": "68.4",
      "hit4": "88.2",
      "mrr": "77.1",
      "hit1Exact": "60.2",
      "hit4Exact": "82.0",
      "gateVulnerable": "96.0",
      "gateFixed": "95.2"
    },
    "cyberseceval calibration": {
      "n": 656,
      "inScope": 622,
      "hit1": "61.4",
      "hit4": "81.4",
      "mrr": "69.8",
      "hit1Exact": "54.7",
      "hit4Exact": "73.8",
      "gateVulnerable": "95.4",
      "gateFixed": "\u2013"
    },
    "benign calibration: share marked relevant": "54.0",
    "seccodeplt held-out": {
      "n": 706,
      "inScope": 682,
      "hit1": "69.2",
      "hit4": "87.4",
      "mrr": "77.1",
      "hit1Exact": "60.0",
      "hit4Exact": "81.2",
      "gateVulnerable": "95.6",
      "gateFixed": "95.0"
    },
    "cyberseceval held-out": {
      "n": 659,
      "inScope": 627,
      "hit1": "57.3",
      "hit4": "78.5",
      "mrr": "66.0",
      "hit1Exact": "51.8",
      "hit4Exact": "72.2",
      "gateVulnerable": "96.1",
      "gateFixed": "\u2013"
    },
    "benign held-out: share marked relevant": "58.3",
    "seccodeplt all": {
      "n": 1411,
      "inScope": 1360,
      "hit1": "68.8",
      "hit4": "87.8",
      "mrr": "77.1",
      "hit1Exact": "60.1",
      "hit4Exact": "81.6",
      "gateVulnerable": "95.8",
      "gateFixed": "95.1"
    },
    "cyberseceval all": {
      "n": 1315,
      "inScope": 1249,
      "hit1": "59.3",
      "hit4": "79.9",
      "mrr": "67.9",
      "hit1Exact": "53.2",
      "hit4Exact": "73.0",
      "gateVulnerable": "95.7",
      "gateFixed": "\u2013"
    },
    "benign all: share marked relevant": "56.2"
  }
};

// src/retrieve/calibration.ts
var PAPER_DENSE = { cweCause: 0.75, exampleCode: 0.65 };
var calibration = CALIBRATION;
function thresholdsFor(model, file = calibration) {
  const dense = model !== void 0 && file.dense[model] || void 0;
  const d = dense ?? PAPER_DENSE;
  return {
    cwe: { ...file.bm25.cwe, causeDense: d.cweCause },
    ...file.bm25.gate && { gate: { ...file.bm25.gate, causeDense: d.cweCause } },
    example: { ...file.bm25.example, codeDense: d.exampleCode },
    denseCalibrated: dense !== void 0
  };
}

// src/retrieve/api-index.ts
var SAFE_WEIGHT = 0.5;
var BARE_WEIGHT = 0.5;
var QUALIFIED_LANGUAGES = /* @__PURE__ */ new Set(["python", "javascript", "typescript", "java", "go"]);
var MATCH_WEIGHTS = [1, 0.75, 0.4, 0.25];
var SEP = /\.|::|->|\//;
function segments(name) {
  return name.split(SEP).filter(Boolean);
}
function apiKeys(name) {
  const s = segments(name);
  if (s.length === 0) return [[], [], [], []];
  const suffixes = s.map((_, i) => s.slice(i).join(".")).filter((x, i) => i === 0 || s.length - i >= 2);
  const lower = s.map((x) => x.toLowerCase());
  return [
    suffixes,
    s.length >= 2 ? [lower.slice(-2).join(".")] : [],
    [lower[lower.length - 1]],
    s.length >= 2 ? [lower[0]] : []
  ];
}
var cache = /* @__PURE__ */ new WeakMap();
function languageApis(kb, language) {
  let byLanguage = cache.get(kb);
  if (!byLanguage) cache.set(kb, byLanguage = /* @__PURE__ */ new Map());
  if (byLanguage.has(language)) return byLanguage.get(language);
  let built = build(kb, [language]);
  if (!built) built = build(kb, Object.keys(kb.document.cwes.reduce((a, c) => ({ ...a, ...c.apis }), {})));
  byLanguage.set(language, built);
  return built;
}
function build(kb, languages) {
  const levels = MATCH_WEIGHTS.map(() => ({ keys: /* @__PURE__ */ new Map(), docs: 0 }));
  let docs = 0;
  for (const cwe of kb.cwes.values()) {
    const names = /* @__PURE__ */ new Map();
    for (const language of languages) {
      const set = cwe.apis[language];
      if (!set) continue;
      for (const n of set.safe) names.set(n, Math.max(names.get(n) ?? 0, SAFE_WEIGHT));
      for (const n of set.insecure) names.set(n, 1);
    }
    if (names.size === 0) continue;
    docs++;
    for (const [name, weight] of names) {
      apiKeys(name).forEach((keys, level) => {
        for (const key of keys) {
          let byCwe = levels[level].keys.get(key);
          if (!byCwe) levels[level].keys.set(key, byCwe = /* @__PURE__ */ new Map());
          byCwe.set(cwe.id, Math.max(byCwe.get(cwe.id) ?? 0, weight));
        }
      });
    }
  }
  if (docs === 0) return null;
  return { levels: levels.map((l) => ({ keys: l.keys, docs })) };
}
function idf(n, df) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
function apiMatch(apis, name, bareWeight = 1) {
  const best = /* @__PURE__ */ new Map();
  const bare = segments(name).length === 1;
  apiKeys(name).forEach((keys, level) => {
    const keyed = apis.levels[level];
    for (const key of keys) {
      const byCwe = keyed.keys.get(key);
      if (!byCwe) continue;
      const specificity = MATCH_WEIGHTS[level] * idf(keyed.docs, byCwe.size) * (bare ? bareWeight : 1);
      for (const [cwe, weight] of byCwe) best.set(cwe, Math.max(best.get(cwe) ?? 0, specificity * weight));
    }
  });
  return best;
}
function apiFamily(name) {
  const m = /^(.*?)(?:\.|::|->)[^.:>]+$/.exec(name);
  return m?.[1] || name;
}
function apiScores(kb, language, names) {
  const apis = languageApis(kb, language);
  if (!apis) return [];
  const families = /* @__PURE__ */ new Map();
  for (const name of new Set(names)) {
    const match = apiMatch(apis, name, QUALIFIED_LANGUAGES.has(language) ? BARE_WEIGHT : 1);
    if (match.size === 0) continue;
    const family = apiFamily(name);
    let best = families.get(family);
    if (!best) families.set(family, best = /* @__PURE__ */ new Map());
    for (const [cwe, s] of match) if (s > (best.get(cwe) ?? 0)) best.set(cwe, s);
  }
  const total = /* @__PURE__ */ new Map();
  for (const best of families.values()) for (const [id, s] of best) total.set(id, (total.get(id) ?? 0) + s);
  return [...total].map(([id, score]) => ({ id, score }));
}

// src/retrieve/bm25.ts
var MIN_QUERY_TERMS = 8;
function prepareQuery(text) {
  const terms = /* @__PURE__ */ new Set();
  for (const t of tokenizeCode(text)) {
    const p = processCodeTerm(t);
    if (p) terms.add(p);
  }
  return { terms: [...terms] };
}
var SPACE = (s) => s.split(" ");
var SAME = (t) => t;
function bm25Scores(index, query, fields, keep, lengthNormalized = false, boost) {
  const { terms } = typeof query === "string" ? prepareQuery(query) : query;
  if (terms.length === 0) return [];
  const results = index.search(terms.join(" "), {
    fields: [...fields],
    tokenize: SPACE,
    processTerm: SAME,
    ...boost && { boost: { ...boost } },
    ...keep && { filter: (r) => keep(String(r.id)) }
  });
  const q = lengthNormalized ? Math.max(MIN_QUERY_TERMS, terms.length) : 1;
  const scale = 1 / (q * q);
  return results.map((r) => ({ id: String(r.id), score: r.score * scale }));
}

// src/retrieve/dense.ts
function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
function denseScores(kb, query, prefix, ids) {
  const vectors = kb.vectors;
  if (!vectors || query.length !== vectors.set.dimensions) return [];
  const { set, rows } = vectors;
  const out = [];
  for (const id of ids) {
    const row = rows.get(`${prefix}:${id}`);
    if (row === void 0) continue;
    out.push({ id, score: cosine(query, set.data.subarray(row * set.dimensions, (row + 1) * set.dimensions)) });
  }
  return out;
}

// src/retrieve/fusion.ts
var RRF_ALPHA = 60;
var RRF_TOP_N = 10;
function rankHits(hits) {
  const sorted = [...hits].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rank = 0;
  return sorted.map((h, i) => {
    if (i === 0 || h.score !== sorted[i - 1].score) rank = i + 1;
    return { id: h.id, score: h.score, rank };
  });
}
function fuse(lists, options = {}) {
  const alpha = options.alpha ?? RRF_ALPHA;
  const topN = options.topN ?? RRF_TOP_N;
  const items = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const hit of rankHits(list.hits)) {
      const counted = hit.score >= list.threshold && hit.rank <= topN;
      let item = items.get(hit.id);
      if (!item) items.set(hit.id, item = { score: 0, counted: 0, evidence: 0, facets: {} });
      item.facets[list.name] = { score: hit.score, rank: hit.rank, counted };
      item.evidence += 1 / (hit.rank + alpha);
      if (counted) {
        item.score += 1 / (hit.rank + alpha);
        item.counted += 1;
      }
    }
  }
  return [...items].filter(([, v]) => v.counted > 0).sort(([a, x], [b, y]) => y.score - x.score || y.counted - x.counted || y.evidence - x.evidence || (a < b ? -1 : a > b ? 1 : 0)).map(([id, v]) => ({ id, score: v.score, facets: v.facets }));
}

// src/retrieve/cwe-level.ts
var DEFAULT_CWE_FACETS = /* @__PURE__ */ new Set(["cause", "apis", "rules", "cause-dense"]);
var CAUSE_FIELD_BOOST = { name: 2, cause: 1, guidelines: 1 };
function cweFacetLists(kb, facets, thresholds, vectors = {}, use) {
  const on = (f) => (use ?? DEFAULT_CWE_FACETS).has(f);
  const lists = [];
  if (on("cause")) lists.push({ name: "cause", threshold: thresholds.cause, hits: bm25Scores(kb.cweIndex, facets.cause, CWE_TEXT_FIELDS, void 0, true, CAUSE_FIELD_BOOST) });
  if (on("apis")) lists.push({ name: "apis", threshold: thresholds.apis, hits: apiScores(kb, facets.language, apiQueryTerms(facets.apis)) });
  if (on("code")) lists.push({ name: "code", threshold: thresholds.code, hits: codeByCwe(kb, facets.code, facets.language) });
  if (on("rules") && facets.rules.length) {
    lists.push({ name: "rules", threshold: thresholds.rules, hits: [...ruleScores(facets.rules)].map(([id, score]) => ({ id, score })) });
  }
  if (on("cause-dense") && vectors.cause) {
    lists.push({ name: "cause-dense", threshold: thresholds.causeDense, hits: denseScores(kb, vectors.cause, "cwe", kb.cwes.keys()) });
  }
  return lists;
}
function codeByCwe(kb, code, language) {
  const best = /* @__PURE__ */ new Map();
  const sameLanguage = (id) => kb.examples.get(id)?.language === language;
  for (const hit of bm25Scores(kb.exampleIndex, code, ["code"], sameLanguage, true)) {
    const cwe = kb.examples.get(hit.id)?.cwe;
    if (cwe !== void 0 && hit.score > (best.get(cwe) ?? 0)) best.set(cwe, hit.score);
  }
  return [...best].map(([id, score]) => ({ id, score }));
}
function passesGate(lists, gate, topN = RRF_TOP_N) {
  return lists.some((list) => {
    const threshold = gate[list.name] ?? list.threshold;
    return rankHits(list.hits).some((h) => h.rank <= topN && h.score >= threshold);
  });
}
function byFacet(t) {
  return { cause: t.cause, apis: t.apis, code: t.code, rules: t.rules, "cause-dense": t.causeDense };
}
function rankCwes(kb, facets, thresholds, options = {}) {
  const fusion = options.gate ? minThresholds(thresholds, options.gate) : thresholds;
  const lists = cweFacetLists(kb, facets, fusion, options.vectors, options.facets);
  const items = fuse(lists, options).slice(0, options.k ?? 4);
  const relevant = items.length > 0 && (!options.gate || passesGate(lists, byFacet(options.gate), options.topN));
  return { items, relevant };
}
function minThresholds(a, b) {
  return { cause: Math.min(a.cause, b.cause), apis: Math.min(a.apis, b.apis), code: Math.min(a.code, b.code), rules: Math.min(a.rules, b.rules), causeDense: Math.min(a.causeDense, b.causeDense) };
}

// src/retrieve/embed-queries.ts
var EMBED_BATCH_SIZE = 64;
async function embedQueries(embedder, units, batchSize = EMBED_BATCH_SIZE) {
  const texts = [];
  const slots = [];
  units.forEach((u, unit) => {
    if (u.cause.trim()) {
      texts.push(u.cause);
      slots.push({ unit, key: "cause" });
    }
    if (u.code.trim()) {
      texts.push(u.code);
      slots.push({ unit, key: "code" });
    }
  });
  const out = units.map(() => ({}));
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch);
    if (vectors.length !== batch.length) throw new Error(`the embeddings endpoint returned ${vectors.length} vectors for ${batch.length} inputs`);
    vectors.forEach((v, j) => {
      const slot = slots[i + j];
      out[slot.unit][slot.key] = v;
    });
  }
  return out;
}

// src/retrieve/facet-names.ts
var CWE_PRIOR_FACET = "cwe";

// src/retrieve/example-subindex.ts
var cache2 = /* @__PURE__ */ new WeakMap();
function exampleSubIndex(kb, cwe, examples, language) {
  let byKey = cache2.get(kb);
  if (!byKey) cache2.set(kb, byKey = /* @__PURE__ */ new Map());
  const key = `${cwe}\0${language}`;
  let index = byKey.get(key);
  if (!index) {
    index = new MiniSearch({
      idField: "id",
      fields: ["apis", "code"],
      storeFields: [],
      tokenize: tokenizeCode,
      processTerm: processCodeTerm,
      searchOptions: { prefix: false, fuzzy: false, combineWith: "OR" }
    });
    index.addAll(examples.map((e) => ({ id: e.id, apis: e.apis.join(" "), code: e.secureSlice?.text ?? "" })));
    byKey.set(key, index);
  }
  return index;
}

// src/retrieve/example-level.ts
function candidateGroups(kb, cwes, language) {
  return cwes.flatMap((id) => {
    const all = kb.cwes.get(id)?.examples ?? [];
    const same = all.filter((e) => e.language === language);
    const examples = same.length ? same : [...all];
    return examples.length ? [{ cwe: id, language: same.length ? language : "*", examples }] : [];
  });
}
function exampleFacetLists(kb, facets, cwes, thresholds, vectors = {}, use) {
  const groups = candidateGroups(kb, cwes.map((c) => c.id), facets.language);
  if (groups.length === 0) return [];
  const on = (f) => !use || use.has(f);
  const cweScore = new Map(cwes.map((c) => [c.id, c.score]));
  const search = (text, field, normalized) => {
    const query = prepareQuery(text);
    return groups.flatMap((g) => bm25Scores(exampleSubIndex(kb, g.cwe, g.examples, g.language), query, [field], void 0, normalized));
  };
  const lists = [
    { name: CWE_PRIOR_FACET, threshold: Number.MIN_VALUE, hits: groups.flatMap((g) => g.examples.map((e) => ({ id: e.id, score: cweScore.get(e.cwe) ?? 0 }))) }
  ];
  if (on("apis")) lists.push({ name: "apis", threshold: thresholds.apis, hits: search(apiQueryTerms(facets.apis).join(" "), "apis", false) });
  if (on("code")) lists.push({ name: "code", threshold: thresholds.code, hits: search(facets.code, "code", true) });
  if (on("cause")) lists.push({ name: "cause", threshold: thresholds.cause, hits: search(facets.cause, "code", true) });
  if (on("code-dense") && vectors.code) {
    const ids = groups.flatMap((g) => g.examples.map((e) => e.id));
    lists.push({ name: "code-dense", threshold: thresholds.codeDense, hits: denseScores(kb, vectors.code, "example", ids) });
  }
  return lists;
}
function rankExamples(kb, facets, cwes, thresholds, options = {}) {
  if (cwes.length === 0) return [];
  const lists = exampleFacetLists(kb, facets, cwes, thresholds, options.vectors, options.facets);
  const cweOf = (id) => kb.examples.get(id)?.cwe;
  const out = [];
  for (const cwe of cwes) {
    const own = lists.map((l) => ({ ...l, hits: l.hits.filter((h) => cweOf(h.id) === cwe.id) }));
    out.push(...fuse(own, options).slice(0, options.perCwe ?? 1));
  }
  return out.slice(0, options.limit ?? 3);
}

// src/retrieve/retrieve.ts
var DEFAULT_K = 4;
function retrieveFromFacets(kb, facets, options = {}) {
  const thresholds = options.thresholds ?? thresholdsFor(options.embeddingModel ?? kb.vectors?.set.model, options.calibration);
  const vectors = options.vectors ?? {};
  const level = { facets: options.facets, alpha: options.alpha, topN: options.topN };
  const ranked = rankCwes(kb, facets, thresholds.cwe, { ...level, k: options.k ?? DEFAULT_K, vectors, gate: thresholds.gate });
  const cwes = ranked.items;
  const examples = rankExamples(kb, facets, cwes, thresholds.example, { ...level, vectors, limit: options.examples ?? 3 });
  return {
    cwes: cwes.map((c) => ({ cwe: c.id, name: kb.cwes.get(c.id)?.name ?? c.id, score: c.score, facets: c.facets })),
    examples: examples.flatMap((e) => {
      const ex = kb.examples.get(e.id);
      if (!ex) return [];
      return [{
        id: ex.id,
        cwe: ex.cwe,
        language: ex.language,
        title: ex.title,
        score: e.score,
        facets: e.facets,
        secure: ex.secureSlice?.text ?? "",
        guidelines: ex.guidelines
      }];
    }),
    relevant: ranked.relevant,
    dense: vectors.cause !== void 0 || vectors.code !== void 0
  };
}
var told = /* @__PURE__ */ new WeakMap();
function sayOnce(logger, message) {
  let said = told.get(logger);
  if (!said) told.set(logger, said = /* @__PURE__ */ new Set());
  if (said.has(message)) return;
  said.add(message);
  logger.info(message);
}
function denseAvailable(kb, options) {
  const logger = options.logger ?? silentLogger;
  if (!options.embedder) {
    if (kb.vectors) sayOnce(logger, `retrieval: no embeddings endpoint configured; BM25 only (the KB has ${kb.vectors.set.model} vectors)`);
    return false;
  }
  if (!kb.vectors) {
    sayOnce(logger, "retrieval: the knowledge base has no vectors; BM25 only");
    return false;
  }
  if (options.embeddingModel !== void 0 && options.embeddingModel !== kb.vectors.set.model) {
    sayOnce(logger, `retrieval: the KB's vectors are for ${kb.vectors.set.model}, not ${options.embeddingModel}; BM25 only`);
    return false;
  }
  const model = kb.vectors.set.model;
  if (!thresholdsFor(model, options.calibration).denseCalibrated) {
    sayOnce(logger, `retrieval: no calibrated dense thresholds for ${model}; using the paper's (0.75 cause, 0.65 code)`);
  }
  return true;
}
async function facetsOf(kb, unit) {
  if ("facets" in unit) return unit.facets;
  const { rules, ...input } = unit;
  return extractFacets({ ...input, ...rules !== false && { kb } });
}
async function retrieveForUnits(kb, units, options = {}) {
  const facets = [];
  for (const unit of units) facets.push(await facetsOf(kb, unit));
  let vectors = facets.map(() => ({}));
  if (denseAvailable(kb, options)) {
    try {
      vectors = await embedQueries(options.embedder, facets);
    } catch (e) {
      (options.logger ?? silentLogger).warning(`retrieval: embedding ${facets.length} unit(s) failed (${e.message}); BM25 only for them`);
    }
  }
  return facets.map((f, i) => retrieveFromFacets(kb, f, { ...options, vectors: vectors[i] }));
}

export {
  extractFacets,
  retrieveForUnits
};
