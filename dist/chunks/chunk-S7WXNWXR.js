#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  outline
} from "./chunk-G3QCSQ4F.js";
import {
  applyFix,
  findNode
} from "./chunk-KHVTQXMD.js";
import {
  atLeast,
  findSuppressions,
  fingerprint,
  lineEndIndex,
  suppressionFor,
  verifyReplacement
} from "./chunk-DTECACHJ.js";
import {
  UNIT_SPECS,
  lineSpan
} from "./chunk-2TTF3MLN.js";
import {
  applyEdits
} from "./chunk-RHUYUCDS.js";
import {
  checkedWithoutQuery,
  compileLoaded,
  compileRule,
  matchSession
} from "./chunk-HY7RJWAB.js";
import {
  CaptureQuantifier,
  LineIndex,
  Query,
  aloneRegex,
  attachTopLevelPredicates,
  foldAscii,
  getParser,
  languageOfGrammar,
  lineStarts,
  loadLanguage,
  needleKey,
  parse,
  prefilterOf
} from "./chunk-ZCLPTS52.js";
import {
  grammarOf
} from "./chunk-7OFN7BBI.js";

// src/assess/rule-runner.ts
function lazyRuleRunner(sources, grammar, loaded, broken, prefilters) {
  const own = loaded.get(grammar);
  const rules = sources.map((source, index) => ({
    source,
    index,
    get text() {
      return queryText(source);
    }
  }));
  const byId = new Map(rules.map((r) => [r.source.id, r]));
  const compiledList = [];
  const settle = (rule, make) => {
    if (rule.compiled === void 0) {
      try {
        rule.compiled = make();
        compiledList.push(rule.compiled);
      } catch (error) {
        rule.compiled = null;
        broken.set(rule.source.id, error.message);
      }
    }
    return rule.compiled ?? void 0;
  };
  const compile = (rule) => settle(rule, () => compileLoaded(rule.source, loaded));
  const recent = [];
  const candidates = (source, known) => {
    let hit = recent.find((r) => r.source === source);
    if (!hit) {
      hit = { source, live: (known ?? prefilters.passing(source)).map((k) => rules[k]) };
      if (recent.unshift(hit) > 2) recent.pop();
    }
    return hit.live;
  };
  const live = (source) => candidates(source).filter((r) => r.compiled !== null);
  let lastImports;
  const combos = new CombinedQueries(own, compile, (rule, captures) => settle(rule, () => checkedWithoutQuery(rule.source, grammar, own, captures)));
  return {
    get rules() {
      return compiledList;
    },
    size: rules.length,
    run(input) {
      const known = input.imports ?? (lastImports && (lastImports.tree === input.tree || lastImports.tree === input.importsOf) ? lastImports.imports : void 0);
      const session = matchSession(known ? { ...input, imports: known } : input);
      const candidates2 = live(input.source);
      const combo = combos.for(candidates2);
      const set = candidates2.filter((r) => combo?.members.has(r) ? r.compiled !== null : compile(r));
      const byRule = set.map(() => []);
      if (combo) {
        const slot = new Map(set.map((r, k) => [r, k]));
        for (const m of combo.query.matches(input.tree.rootNode, session.options)) {
          const k = slot.get(combo.ruleOfPattern[m.patternIndex]);
          if (k !== void 0) byRule[k].push(m);
        }
      }
      set.forEach((rule, k) => {
        if (!combo?.members.has(rule)) byRule[k] = rule.compiled.queries.get(grammar).matches(input.tree.rootNode, session.options);
        for (const m of byRule[k]) session.accept(rule.compiled, m);
      });
      const imports = session.resolvedImports();
      if (imports && imports !== known) lastImports = { tree: input.tree, imports };
      return session.results();
    },
    // From the prefilters alone, not from which rules turned out not to compile: the answer for a text
    // does not depend on the files this runner saw before (a scan skips parsing on it, on any thread).
    mayMatch: (source) => candidates(source).length > 0,
    remember: (source, known) => void candidates(source, known),
    compiled(ruleId) {
      const rule = byId.get(ruleId);
      return rule && compile(rule);
    }
  };
}
var queryTexts = /* @__PURE__ */ new WeakMap();
function queryText(rule) {
  let text = queryTexts.get(rule);
  if (text === void 0) queryTexts.set(rule, text = attachTopLevelPredicates(rule.query));
  return text;
}
var MAX_COMBOS = 24;
var MAX_OUTSIDE = 2;
var CombinedQueries = class {
  constructor(loaded, compileAlone, validate) {
    this.loaded = loaded;
    this.compileAlone = compileAlone;
    this.validate = validate;
  }
  loaded;
  compileAlone;
  validate;
  combos = [];
  /**
   * Per set of rules: the query that serves it for good, null when its rules run on their own queries for
   * good (they do not combine), or how often it was served by a worse query.
   */
  decided = /* @__PURE__ */ new Map();
  for(rules) {
    if (rules.length === 0) return void 0;
    const key = rules.map((r) => r.index).join(",");
    const known = this.decided.get(key);
    if (typeof known === "object") return known ?? void 0;
    let best;
    let held = 0;
    for (const c of this.combos) {
      let n = 0;
      for (const r of rules) if (c.members.has(r)) n++;
      if (n > held || n > 0 && n === held && c.members.size < best.members.size) {
        best = c;
        held = n;
      }
    }
    const near = best !== void 0 && rules.length - held <= MAX_OUTSIDE;
    if (near && best.members.size - held <= rules.length) {
      this.decided.set(key, best);
      return best;
    }
    const seen = known ?? 0;
    const full = this.combos.length >= MAX_COMBOS;
    if (near && seen === 0 || full) {
      this.decided.set(key, seen + 1);
      return best;
    }
    const combo = this.build(rules);
    this.decided.set(key, combo ?? null);
    return combo;
  }
  build(rules, retry = true) {
    let query;
    try {
      query = new Query(this.loaded.language, rules.map((r) => r.text).join("\n"));
    } catch {
      const good = rules.filter((r) => this.compileAlone(r));
      return retry && good.length > 0 && good.length < rules.length ? this.build(good, false) : void 0;
    }
    const ruleOfPattern = patternOwners(query, rules);
    if (!ruleOfPattern) {
      query.delete();
      for (const r of rules) this.compileAlone(r);
      return void 0;
    }
    for (const rule of rules) {
      if (rule.compiled !== void 0) continue;
      const captures = patternCaptures(query, ruleOfPattern, rule);
      if (!captureReferences(rule.text).every((name) => captures.has(name))) this.compileAlone(rule);
      else if (!this.validate(rule, captures)) this.compileAlone(rule);
    }
    const combo = { query, ruleOfPattern, members: new Set(rules) };
    this.combos.push(combo);
    return combo;
  }
};
function patternOwners(query, rules) {
  const ends = [];
  const limits = [];
  let offset = 0;
  for (const r of rules) {
    offset += Buffer.byteLength(r.text, "utf8");
    ends.push(offset);
    offset += 1;
  }
  rules.forEach((_, k2) => limits.push(k2 + 1 < rules.length ? ends[k2] + 1 + leadingTrivia(rules[k2 + 1].text) : Infinity));
  const owners = [];
  const counts = new Array(rules.length).fill(0);
  let k = 0;
  for (let p = 0, n = query.patternCount(); p < n; p++) {
    const start = query.startIndexForPattern(p);
    while (k < rules.length && start >= ends[k]) k++;
    if (k === rules.length || query.endIndexForPattern(p) > limits[k]) return void 0;
    owners.push(rules[k]);
    counts[k]++;
  }
  return counts.every((c) => c > 0) ? owners : void 0;
}
function leadingTrivia(text) {
  const m = /^(?:\s|;[^\n]*)*/.exec(text);
  return Buffer.byteLength(m[0], "utf8");
}
function patternCaptures(query, owners, rule) {
  const names = /* @__PURE__ */ new Set();
  owners.forEach((owner, p) => {
    if (owner !== rule) return;
    query.captureQuantifiers[p].forEach((q, id) => {
      if (q !== CaptureQuantifier.Zero) names.add(query.captureNames[id]);
    });
  });
  return names;
}
function captureReferences(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === ";") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "@") {
      const m = /^[^\s()[\]"]+/.exec(text.slice(i + 1));
      if (m) out.push(m[0]);
    }
  }
  return out;
}

// src/assess/rules/prefilter-set.ts
var PRESENT = 1;
var ABSENT = 2;
var ALONE_ABSENT = 3;
var WORD_OR_DOLLAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_OR_DOLLAR[c] = /[\w$]/.test(String.fromCharCode(c)) ? 1 : 0;
var isWordOrDollar = (c) => c < 128 && WORD_OR_DOLLAR[c] === 1;
var isW = (c) => c < 128 && c !== 36 && WORD_OR_DOLLAR[c] === 1;
var PrefilterSet = class {
  needles = [];
  /** Per rule: undefined (always passes), else per pattern its clauses, each the numbers of its needles. */
  plans;
  state;
  automaton;
  alone = /* @__PURE__ */ new Map();
  /** The text the needles' states are of, and whether the automaton has run over it. */
  last;
  done = false;
  constructor(prefilters) {
    const ids = /* @__PURE__ */ new Map();
    const id = (n) => {
      const key = needleKey(n);
      let i = ids.get(key);
      if (i === void 0) {
        i = this.needles.length;
        this.needles.push(n);
        ids.set(key, i);
      }
      return i;
    };
    this.plans = prefilters.map((p) => p?.map((pattern) => pattern.map((clause) => Int32Array.from(clause, id))));
    this.state = new Uint8Array(this.needles.length);
    this.automaton = new Automaton(this.needles);
  }
  /** The positions (in the list given) of the rules whose prefilters `source` passes, in order. */
  passing(source) {
    return this.scan(source, false);
  }
  /** Whether `source` passes the prefilter of some rule: `passing(source).length > 0`, stopping at the first. */
  any(source) {
    return this.scan(source, true).length > 0;
  }
  scan(source, first) {
    const state = this.state;
    if (source !== this.last) {
      this.last = source;
      this.done = false;
    }
    const has = (n) => {
      if (!this.done) {
        this.settle(source);
        this.done = true;
      }
      return state[n] === PRESENT;
    };
    const out = [];
    const plans = this.plans;
    for (let r = 0; r < plans.length; r++) {
      const plan = plans[r];
      if (plan === void 0) {
        out.push(r);
        if (first) break;
        continue;
      }
      patterns: for (let p = 0; p < plan.length; p++) {
        const clauses = plan[p];
        for (let c = 0; c < clauses.length; c++) {
          const clause = clauses[c];
          let hit = false;
          for (let k = 0; k < clause.length && !hit; k++) hit = has(clause[k]);
          if (!hit) continue patterns;
        }
        out.push(r);
        break;
      }
      if (first && out.length > 0) break;
    }
    return out;
  }
  /**
   * Runs the automaton over the text with its ASCII letters lower-cased: each needle is then PRESENT or
   * ABSENT. A needle that is not `fold` counts only where the text holds it as it is (not only lower-cased).
   */
  settle(source) {
    const { state, needles, automaton } = this;
    state.fill(ABSENT);
    if (needles.length === 0) return;
    const { delta, width, ascii, high, ends, outStart, outIds } = automaton;
    const length = source.length;
    let s = 0;
    for (let i = 0; i < length; i++) {
      let c = source.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      const k = c < 128 ? ascii[c] : high.get(c) ?? 0;
      const next = delta[s * width + k];
      s = (next !== 0 ? next : automaton.go(s, k)) - 1;
      if (ends[s] === 0) continue;
      for (let k2 = outStart[s], end = outStart[s + 1]; k2 < end; k2++) {
        const n = outIds[k2];
        if (state[n] === PRESENT || state[n] === ALONE_ABSENT) continue;
        const needle = needles[n];
        const start = i + 1 - needle.text.length;
        if (!needle.fold && !source.startsWith(needle.text, start)) continue;
        const after = i + 1 < length ? source.charCodeAt(i + 1) : -1;
        if (needle.word) {
          if ((start === 0 || !isWordOrDollar(source.charCodeAt(start - 1))) && (after < 0 || !isWordOrDollar(after))) state[n] = PRESENT;
        } else if (needle.keyword) {
          if (after < 0 || !isW(after)) {
            if (!needle.alone) state[n] = PRESENT;
            else state[n] = this.aloneRegex(n).test(source) ? PRESENT : ALONE_ABSENT;
          }
        } else state[n] = PRESENT;
      }
    }
    for (let n = 0; n < state.length; n++) if (state[n] === ALONE_ABSENT) state[n] = ABSENT;
  }
  aloneRegex(n) {
    let re = this.alone.get(n);
    if (!re) this.alone.set(n, re = aloneRegex(this.needles[n].text));
    return re;
  }
};
var Automaton = class {
  /** Classes of characters: ASCII through a table, others through a map; 0 for a character no text has. */
  ascii = new Uint8Array(128);
  high = /* @__PURE__ */ new Map();
  width;
  /** By state times width plus class: the next state plus one; 0 where not worked out yet. */
  delta;
  /** By state: 1 where some needle ends at the state. */
  ends;
  /** By state: where its needles start in outIds (its own, then its failure state's). */
  outStart;
  outIds;
  /** By state: its failure state (the longest proper suffix of its text that is a trie state). */
  fail;
  constructor(needles) {
    let classes = 1;
    const classOf = (c) => {
      if (c < 128) return this.ascii[c] || (this.ascii[c] = classes++);
      let k = this.high.get(c);
      if (k === void 0) this.high.set(c, k = classes++);
      return k;
    };
    const texts = needles.map((n) => foldAscii(n.text));
    let most = 1;
    for (const text of texts) for (let j = 0; j < text.length; j++, most++) classOf(text.charCodeAt(j));
    if (classes > 255) throw new Error("prefilter needles use more than 254 distinct characters");
    const width = this.width = classes;
    const delta = this.delta = most < 65535 ? new Uint16Array(most * width) : new Uint32Array(most * width);
    const parent = [0];
    const via = [0];
    const ends = [[]];
    texts.forEach((text, id) => {
      let s = 0;
      for (let j = 0; j < text.length; j++) {
        const k = classOf(text.charCodeAt(j));
        let next = delta[s * width + k] - 1;
        if (next < 0) {
          next = ends.length;
          delta[s * width + k] = next + 1;
          parent.push(s);
          via.push(k);
          ends.push([]);
        }
        s = next;
      }
      ends[s].push(id);
    });
    const count = ends.length;
    for (let k = 0; k < width; k++) if (delta[k] === 0) delta[k] = 1;
    const depth = new Int32Array(count);
    const atDepth = [0];
    for (let s = 1; s < count; s++) {
      const d = depth[s] = depth[parent[s]] + 1;
      atDepth[d] = (atDepth[d] ?? 0) + 1;
    }
    for (let d = 1, n = 0; d < atDepth.length; d++) [atDepth[d], n] = [n, n + atDepth[d]];
    const byDepth = new Int32Array(count - 1);
    for (let s = 1; s < count; s++) byDepth[atDepth[depth[s]]++] = s;
    this.fail = new Int32Array(count);
    const outs = new Array(count);
    outs[0] = ends[0];
    for (const s of byDepth) {
      const p = parent[s];
      this.fail[s] = p === 0 ? 0 : this.go(this.fail[p], via[s]) - 1;
      const inherited = outs[this.fail[s]];
      outs[s] = inherited.length === 0 ? ends[s] : [...ends[s], ...inherited];
    }
    this.outStart = new Int32Array(count + 1);
    const flat = [];
    for (let s = 0; s < count; s++) {
      this.outStart[s] = flat.length;
      for (const n of outs[s]) flat.push(n);
    }
    this.outStart[count] = flat.length;
    this.outIds = Int32Array.from(flat);
    this.ends = new Uint8Array(count);
    for (let s = 0; s < count; s++) if (outs[s].length > 0) this.ends[s] = 1;
  }
  /** The state the automaton goes to from state `s` on class `k`, plus one; worked out once. */
  go(s, k) {
    let next = this.delta[s * this.width + k];
    if (next === 0) {
      next = this.go(this.fail[s], k);
      this.delta[s * this.width + k] = next;
    }
    return next;
  }
};

// src/assess/rule-book.ts
function createRuleBook(document) {
  const byLanguage = /* @__PURE__ */ new Map();
  const infos = /* @__PURE__ */ new Map();
  for (const cwe of document.cwes) {
    const texts = new Map(cwe.guidelines.map((g) => [g.id, g.text]));
    for (const rule of cwe.rules) {
      const list = byLanguage.get(rule.language) ?? [];
      list.push(rule);
      byLanguage.set(rule.language, list);
      const text = texts.get(rule.guideline);
      infos.set(rule.id, { rule, guidelines: text === void 0 ? [] : [{ id: rule.guideline, text }] });
    }
  }
  const compiled = /* @__PURE__ */ new Map();
  const broken = /* @__PURE__ */ new Map();
  const compileLanguage = async (language) => {
    const out = [];
    for (const rule of byLanguage.get(language) ?? []) {
      try {
        out.push(await compileRule(rule));
      } catch (error) {
        broken.set(rule.id, error.message);
      }
    }
    return out;
  };
  const prefilterSets = /* @__PURE__ */ new Map();
  const prefilterSet = (language) => {
    let set = prefilterSets.get(language);
    if (!set) prefilterSets.set(language, set = new PrefilterSet((byLanguage.get(language) ?? []).map(prefilterOf)));
    return set;
  };
  const runners = /* @__PURE__ */ new Map();
  const makeRunner = async (grammar) => {
    const loaded = /* @__PURE__ */ new Map([[grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) }]]);
    const language = languageOfGrammar(grammar);
    return lazyRuleRunner(byLanguage.get(language) ?? [], grammar, loaded, broken, prefilterSet(language));
  };
  const book = {
    mayMatch: (grammar, text) => prefilterSet(languageOfGrammar(grammar)).any(text),
    candidates: (grammar, text) => prefilterSet(languageOfGrammar(grammar)).passing(text),
    runnerFor(grammar) {
      let runner = runners.get(grammar);
      if (!runner) {
        runner = makeRunner(grammar);
        runners.set(grammar, runner);
      }
      return runner;
    },
    rulesFor(language) {
      let rules = compiled.get(language);
      if (!rules) {
        rules = compileLanguage(language);
        compiled.set(language, rules);
      }
      return rules;
    },
    info: (id) => infos.get(id),
    broken,
    ruleIds: new Set(infos.keys()),
    document
  };
  return book;
}

// src/assess/relevance.ts
var RELEVANCE_HOPS = 2;
var COMMON_WORDS = /* @__PURE__ */ new Set([
  "if",
  "else",
  "for",
  "while",
  "return",
  "def",
  "function",
  "const",
  "let",
  "var",
  "new",
  "this",
  "self",
  "true",
  "false",
  "null",
  "None",
  "True",
  "False",
  "in",
  "not",
  "and",
  "or",
  "int",
  "char",
  "void",
  "static",
  "public",
  "private",
  "err",
  "nil",
  "await",
  "async",
  "try",
  "catch",
  "except",
  "import",
  "from",
  "with",
  "as",
  "is",
  "res",
  "req",
  "func"
]);
function sharedNameLines(source, startLine, endLine, changed) {
  const lines = source.split("\n");
  const names = (line) => {
    const out = /* @__PURE__ */ new Set();
    const code = (lines[line - 1] ?? "").replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
    for (const m of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])(?!\s*\()/g)) if (!COMMON_WORDS.has(m[0]) && m[0].length > 1) out.add(m[0]);
    return out;
  };
  const wanted = /* @__PURE__ */ new Set();
  for (const line of changed) for (const n of names(line)) wanted.add(n);
  const kept = new Set(changed);
  for (let line = startLine; line <= endLine; line++) {
    for (const n of names(line)) {
      if (wanted.has(n)) {
        kept.add(line);
        break;
      }
    }
  }
  return [...kept].sort((a, b) => a - b);
}

// src/assess/rule-fix.ts
function proposeRuleFix(rule, match, source, tree) {
  const fix = rule.rule.fix;
  if (!fix) return { error: `rule ${rule.id} has no fix` };
  const bare = { ...rule, rule: { ...rule.rule, fix: { ...fix, imports: [] } } };
  const core = applyFix(bare, match, source, tree);
  if ("error" in core) return core;
  if (core.edits.length === 0) return { error: `rule ${rule.id}: the fix template makes no edit` };
  let imports = [];
  if (fix.imports.length > 0) {
    const full = applyFix(rule, match, source, tree);
    if ("error" in full) return full;
    const same = (a, b) => a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.text === b.text;
    imports = full.edits.filter((e) => !core.edits.some((c) => same(c, e)));
  }
  const starts = lineStarts(source);
  const startLine = Math.min(...core.edits.map((e) => e.startLine));
  const endLine = Math.max(...core.edits.map((e) => e.endLine));
  const from = starts[startLine - 1];
  const to = lineEndIndex(source, starts, endLine);
  const inside = imports.filter((e) => e.startIndex > from && e.startIndex < to);
  const outside = imports.filter((e) => !inside.includes(e));
  const applied = applyEdits(source, [...core.edits, ...inside]);
  if ("error" in applied) return applied;
  const delta = [...core.edits, ...inside].reduce((d, e) => d + e.text.length - (e.endIndex - e.startIndex), 0);
  const replacement = applied.text.slice(from, to + delta);
  const importLines = outside.flatMap((e) => e.text.split("\n").map((l) => l.trim()).filter(Boolean));
  return { candidate: { startLine, endLine, replacement, insertions: outside }, importLines };
}

// src/assess/assess.ts
async function assessUnits(input) {
  const out = { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0, unrelated: 0 };
  const byPath = /* @__PURE__ */ new Map();
  for (const unit of input.units) {
    const list = byPath.get(unit.path) ?? [];
    list.push(unit);
    byPath.set(unit.path, list);
  }
  for (const [path, units] of byPath) {
    const file = input.files.get(path);
    if (!file) {
      input.logger?.warning(`${path}: no text for assessment`, { file: path });
      continue;
    }
    await assessFileInto(path, file, units, input, out);
  }
  sortFindings(out);
  return out;
}
async function assessFileUnits(path, file, units, input, tree) {
  const out = { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0, unrelated: 0 };
  await assessFileInto(path, file, units, input, out, tree);
  return out;
}
function sortFindings(out) {
  const order = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine || (a.ruleId ?? "").localeCompare(b.ruleId ?? "");
  out.findings.sort(order);
  out.suppressed.sort(order);
}
async function assessFileInto(path, file, units, input, out, tree) {
  try {
    await assessFile(path, file, units, input, out, tree);
  } catch (error) {
    input.logger?.warning(`${path}: the rules could not run (${error.message})`, { file: path });
  }
}
async function assessFile(path, file, units, input, out, given) {
  const grammar = file.grammar ?? grammarOf(path, file.language);
  const runner = await input.rules.runnerFor(grammar);
  if (runner.size === 0 || !runner.mayMatch(file.text)) return;
  const tree = given ?? await parse(grammar, file.text);
  try {
    const matches = runner.run({ grammar, tree, source: file.text });
    if (matches.length === 0) return;
    const attribute = attributor(units, input.mode === "review" ? outlineSpans(tree, file) : void 0, tree, file.language);
    const suppressions = findSuppressions(file.text, tree);
    const lines = file.text.split("\n");
    const slices = /* @__PURE__ */ new Map();
    const occurrences = /* @__PURE__ */ new Map();
    const config = input.config ?? {};
    const allowed = verificationsFor(file.text.length);
    const budget = { left: allowed, allowed, skipped: 0 };
    for (const match of matches) {
      const info = input.rules.info(match.ruleId);
      if (!info) continue;
      const { rule } = info;
      const unit = attribute(match, match.captures[rule.report]);
      if (!unit) continue;
      if (input.mode === "review" && !await reached(match, unit, grammar, file.text, input.slicer, slices)) {
        out.unrelated++;
        continue;
      }
      const reportedText = lines.slice(match.startLine - 1, match.endLine).join("\n");
      const key = `${rule.cwe}\0${rule.id}\0${reportedText.replace(/\s+/g, " ").trim()}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const base = {
        fingerprint: fingerprint({ cwe: rule.cwe, ruleId: rule.id, path, text: reportedText, occurrence }),
        path,
        startLine: match.startLine,
        endLine: match.endLine,
        language: file.language,
        unit: unit.name,
        cwe: rule.cwe,
        guidelines: info.guidelines,
        message: rule.message,
        source: "rule",
        ruleId: rule.id,
        severity: rule.severity,
        confidence: rule.confidence
      };
      const disabled = config.disableRules?.includes(rule.id) ? `rule ${rule.id} is disabled by the repository configuration` : config.disableCwes?.includes(rule.cwe) ? `${rule.cwe} is disabled by the repository configuration` : void 0;
      if (disabled) {
        out.suppressed.push({ ...base, suppression: { kind: "config", reason: disabled } });
        continue;
      }
      const inline = suppressionFor(suppressions, base);
      if (inline) {
        out.suppressed.push({ ...base, suppression: { kind: "inline", line: inline.line, reason: inline.reason ?? "rescue-ignore comment without a reason" } });
        continue;
      }
      if (!atLeast(rule.severity, config.severityThreshold ?? "low")) {
        out.belowThreshold++;
        continue;
      }
      const compiled = runner.compiled(rule.id);
      const fix = rule.fix ? await ruleFix(compiled, match, file.text, grammar, unit, runner, tree, base, out, budget) : void 0;
      out.findings.push(fix ? { ...base, fix } : base);
    }
    if (budget.skipped > 0) {
      input.logger?.warning(`${path}: ${budget.skipped} fixes were not verified, so not offered: the file is too large to check more than ${budget.allowed}`, { file: path });
    }
  } finally {
    if (!given) tree.delete();
  }
}
async function ruleFix(rule, match, source, grammar, unit, runner, tree, finding, out, budget) {
  const reject = (check, reason) => {
    out.rejectedFixes.push({ fingerprint: finding.fingerprint, path: finding.path, startLine: finding.startLine, ruleId: rule.id, check, reason });
    return void 0;
  };
  const proposal = proposeRuleFix(rule, match, source, tree);
  if ("error" in proposal) return reject("template", proposal.error);
  if (budget.left <= 0) {
    budget.skipped++;
    return reject("budget", `not verified: this file's fixes beyond the first ${budget.allowed} are not checked (its size makes each check re-read it)`);
  }
  budget.left--;
  const verdict = await verifyReplacement({ grammar, source, unit, candidate: proposal.candidate, rules: runner.rules, run: runner.run, firedRuleId: rule.id, tree });
  if (!verdict.verified) return reject(verdict.check, verdict.reason);
  const { candidate, importLines } = proposal;
  let description = rule.rule.fix.description;
  if (importLines.length) {
    description += ` Also add ${importLines.map((l) => `\`${l}\``).join(" and ")} to the file's imports.`;
  }
  return {
    startLine: candidate.startLine,
    endLine: candidate.endLine,
    replacement: candidate.replacement,
    verified: true,
    description,
    ...importLines.length && { imports: importLines }
  };
}
var VERIFY_BUDGET_CHARS = 2e7;
function verificationsFor(chars) {
  return Math.max(20, Math.floor(VERIFY_BUDGET_CHARS / Math.max(1, chars)));
}
function outlineSpans(tree, file) {
  return outline(tree, UNIT_SPECS[file.language], new LineIndex(file.text)).units.map((u) => ({ start: u.start, end: u.end }));
}
function attributor(units, spans, tree, language) {
  const functions = units.filter((u) => u.kind !== "module");
  const module = units.find((u) => u.kind === "module");
  const all = spans ?? functions.map((u) => ({ start: u.startLine, end: u.endLine }));
  const unitTypes = UNIT_SPECS[language].unitTypes;
  return (match, report) => {
    let node = report && findNode(tree.rootNode, report.startIndex, report.endIndex, report.type);
    for (; node; node = node.parent) {
      if (!unitTypes.has(node.type)) continue;
      const { start, end } = lineSpan(node);
      let best2;
      for (const s of all) if (s.end === end && s.start <= start && (!best2 || s.start > best2.start)) best2 = s;
      if (best2) return functions.find((u) => u.startLine === best2.start && u.endLine === best2.end);
    }
    if (module && module.startLine <= match.startLine && module.endLine >= match.endLine) return module;
    let best;
    for (const s of all) {
      if (s.start <= match.startLine && s.end >= match.endLine && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    return best && functions.find((u) => u.startLine === best.start && u.endLine === best.end);
  };
}
async function reached(match, unit, grammar, source, slicer, cache) {
  const changed = unit.changedLines;
  for (const line of changed) if (line >= match.startLine && line <= match.endLine) return true;
  if (changed.length === 0) return false;
  let slice = cache.get(unit);
  if (!slice) {
    slice = sliceLines(unit, grammar, source, slicer);
    cache.set(unit, slice);
  }
  const lines = await slice;
  for (let line = match.startLine; line <= match.endLine; line++) if (lines.has(line)) return true;
  return false;
}
async function sliceLines(unit, grammar, source, slicer) {
  if (slicer) {
    try {
      const slice = await slicer({ grammar, source, startLine: unit.startLine, endLine: unit.endLine, pointsOfInterest: unit.changedLines, hops: RELEVANCE_HOPS });
      return new Set(slice.lines);
    } catch {
    }
  }
  return new Set(sharedNameLines(source, unit.startLine, unit.endLine, unit.changedLines));
}

export {
  createRuleBook,
  assessUnits,
  assessFileUnits,
  sortFindings
};
