#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  outline
} from "./chunk-MDEM3JTH.js";
import {
  applyFix,
  findNode
} from "./chunk-2MMIEYYJ.js";
import {
  atLeast,
  findSuppressions,
  fingerprint,
  lineEndIndex,
  suppressionFor,
  verifyReplacement
} from "./chunk-ADEYUV6B.js";
import {
  UNIT_SPECS,
  lineSpan
} from "./chunk-2TTF3MLN.js";
import {
  applyEdits
} from "./chunk-RHUYUCDS.js";
import {
  attachTopLevelPredicates,
  checkedWithoutQuery,
  compileLoaded,
  compileRule,
  matchSession
} from "./chunk-IOMNMKSW.js";
import {
  CaptureQuantifier,
  LineIndex,
  Query,
  getParser,
  grammarOf,
  languageOfGrammar,
  lineStarts,
  loadLanguage,
  parse
} from "./chunk-HYQ6AYIB.js";

// src/assess/rules/grammar-tokens.ts
var NODE_TOKENS = {
  python: "for_statement:for|in while_statement:while with_statement:with try_statement:try finally_clause:finally assert_statement:assert delete_statement:del global_statement:global nonlocal_statement:nonlocal exec_statement:exec print_statement:print lambda:lambda await:await list_comprehension:for|in dictionary_comprehension:for|in set_comprehension:for|in generator_expression:for|in for_in_clause:for|in conditional_expression:else elif_clause:elif else_clause:else match_statement:match case_clause:case not_operator:not",
  javascript: "for_statement:for for_in_statement:for|in/of while_statement:while do_statement:do|while try_statement:try catch_clause:catch finally_clause:finally with_statement:with switch_statement:switch switch_case:case throw_statement:throw else_clause:else new_expression:new await_expression:await class_heritage:extends debugger_statement:debugger spread_element:... rest_pattern:...",
  typescript: "for_statement:for for_in_statement:for|in/of while_statement:while do_statement:do|while try_statement:try catch_clause:catch finally_clause:finally with_statement:with switch_statement:switch switch_case:case throw_statement:throw else_clause:else new_expression:new await_expression:await debugger_statement:debugger spread_element:... rest_pattern:... satisfies_expression:satisfies import_require_clause:require implements_clause:implements type_query:typeof index_type_query:keyof",
  java: "array_creation_expression:new object_creation_expression:new instanceof_expression:instanceof switch_expression:switch assert_statement:assert do_statement:do|while synchronized_statement:synchronized throw_statement:throw try_statement:try catch_clause:catch finally_clause:finally try_with_resources_statement:try while_statement:while for_statement:for enhanced_for_statement:for yield_statement:yield static_initializer:static spread_parameter:... throws:throws",
  go: "defer_statement:defer for_statement:for range_clause:range goto_statement:goto select_statement:select expression_switch_statement:switch type_switch_statement:switch communication_case:case expression_case:case type_case:case default_case:default channel_type:chan map_type:map",
  c: "for_statement:for while_statement:while do_statement:do|while switch_statement:switch goto_statement:goto sizeof_expression:sizeof offsetof_expression:offsetof else_clause:else generic_expression:_Generic",
  cpp: "for_statement:for while_statement:while do_statement:do|while switch_statement:switch goto_statement:goto sizeof_expression:sizeof offsetof_expression:offsetof else_clause:else generic_expression:_Generic for_range_loop:for new_expression:new delete_expression:delete throw_statement:throw try_statement:try|catch catch_clause:catch template_declaration:template namespace_definition:namespace co_await_expression:co_await static_assert_declaration:static_assert"
};
var SAFE_TOKENS = {
  python: "**= //= <<= >>= assert del elif else finally for global lambda nonlocal try while with != %= &= ** *= += -= -> // /= := << <= <> == >= >> @= ^= |=",
  javascript: "!== &&= **= ... <<= === >>= >>> >>>= ??= ||= catch delete else extends finally for instanceof new switch throw try typeof void while with in != %= && &= ** *= += -= /= </ << <= == => >= >> ?? ^= |=",
  typescript: "!== &&= **= ... <<= === >>= >>> >>>= ??= ||= catch delete else extends finally for instanceof keyof satisfies switch throw try typeof while with in != %= && &= ** *= += -= /= </ << <= == => >= >> ?: ?? ^= {| |=",
  java: "... <<= >>= >>> >>>= assert catch else finally for instanceof switch throw throws try while != %= && &= *= += -= -> /= :: << <= == >= >> \\{ ^= |= ||",
  go: "&^= <<= >>= chan defer else for goto map range select switch != %= && &= &^ *= += -= /= := <- << <= == >= >> ^= |= ||",
  c: "<<= >>= _Alignof _Generic __alignof__ alignof else for offsetof sizeof switch while != %= && &= *= += -= -> /= :: << <= == >= >> [[ ^= |= ||",
  cpp: '_Alignof _Generic __alignof__ alignof catch co_return co_yield decltype else for offsetof sizeof static_assert switch throw try while "" [['
};
function parse2(table) {
  return new Map(table.split(/\s+/).map((entry) => {
    const [type, tokens] = entry.split(":");
    return [type, tokens.split("|").map((group) => group.split("/"))];
  }));
}
var nodeTokens = /* @__PURE__ */ new Map();
var safeTokens = /* @__PURE__ */ new Map();
function tokensOfNode(language, type) {
  let table = nodeTokens.get(language);
  if (!table) nodeTokens.set(language, table = parse2(NODE_TOKENS[language]));
  return table.get(type) ?? [];
}
function isSafeToken(language, token) {
  let set = safeTokens.get(language);
  if (!set) safeTokens.set(language, set = new Set(SAFE_TOKENS[language].split(/\s+/)));
  return set.has(token);
}

// src/assess/rules/query-pattern.ts
function readPatterns(query) {
  const reader = new QueryReader(query);
  const out = [];
  for (; ; ) {
    const element = reader.element();
    if (!element) break;
    out.push([element]);
  }
  return out;
}
var QueryReader = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  skipSpace() {
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ";") while (this.i < this.s.length && this.s[this.i] !== "\n") this.i++;
      else if (/\s/.test(c)) this.i++;
      else break;
    }
  }
  /** The next element, or undefined at the end or before a closing bracket. */
  element() {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === void 0 || c === ")" || c === "]") return void 0;
    let node;
    if (c === "(" || c === "[") node = this.group(c);
    else if (c === '"') node = { kind: "atom", text: this.string() };
    else node = { kind: "atom", text: this.word() };
    const suffixes = [];
    for (; ; ) {
      this.skipSpace();
      const d = this.s[this.i];
      if (d === "?" || d === "*" || d === "+") {
        suffixes.push(d);
        this.i++;
      } else if (d === "@") suffixes.push(this.word());
      else break;
    }
    return { node, suffixes };
  }
  group(open) {
    this.i++;
    const close = open === "(" ? ")" : "]";
    this.skipSpace();
    if (open === "(" && this.s[this.i] === "#") {
      const name = this.word().slice(1);
      const args = [];
      for (; ; ) {
        this.skipSpace();
        const c = this.s[this.i];
        if (c === void 0) throw new Error("unclosed predicate");
        if (c === ")") break;
        args.push(c === '"' ? this.string() : this.word());
      }
      this.i++;
      return { kind: "(", children: [], predicate: { name, args } };
    }
    const children = [];
    for (; ; ) {
      const child = this.element();
      if (!child) break;
      children.push(child);
    }
    if (this.s[this.i] !== close) throw new Error(`expected ${close}`);
    this.i++;
    return { kind: open, children };
  }
  string() {
    const start = this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === "\\" ? 2 : 1;
    if (this.i >= this.s.length) throw new Error("unclosed string");
    this.i++;
    return this.s.slice(start, this.i);
  }
  word() {
    const start = this.i;
    while (this.i < this.s.length && !/[\s()[\]"@;?*+]/.test(this.s[this.i])) this.i++;
    if (this.s[start] === "@" && this.i === start) this.i++;
    if (this.s[start] === "@") while (this.i < this.s.length && /[\w.-]/.test(this.s[this.i])) this.i++;
    if (this.s[start] === "#" && this.s[this.i] === "?") this.i++;
    if (this.i === start) throw new Error(`unexpected ${this.s[this.i]}`);
    return this.s.slice(start, this.i);
  }
};
function unescapeQueryString(quoted) {
  const body = quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
  return body.replace(/\\(.)/gs, (_, c) => c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "	" : c === "0" ? "\0" : c);
}
function predicatesOf(elements) {
  const out = [];
  const visit = (e) => {
    if (e.node.kind === "atom") return;
    if (e.node.predicate) out.push(e.node.predicate);
    e.node.children.forEach(visit);
  };
  elements.forEach(visit);
  return out;
}

// src/assess/rules/regex-info.ts
var MIN_LITERAL = 3;
function isPunctuationPair(s) {
  return s.length === 2 && /^[^\w\s$]{2}$/.test(s);
}
function strength(s) {
  if (s.length >= MIN_LITERAL) return s.length;
  return isPunctuationPair(s) ? 2 : Math.min(s.length, 1);
}
var MIN_SCORE = 2;
var MAX_STRINGS = 32;
var ANY = {};
var ANY_CHAR = { nonEmpty: true };
var EMPTY = { exact: /* @__PURE__ */ new Set([""]) };
function score(set) {
  let min = Infinity;
  for (const s of set) min = Math.min(min, strength(s));
  return set.size === 0 ? 0 : min;
}
function better(a, b) {
  if (!a || score(a) === 0) return b && score(b) > 0 ? b : void 0;
  if (!b || score(b) === 0) return a;
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return a.size <= b.size ? a : b;
}
function nonEmpty(info) {
  return info.exact ? !info.exact.has("") : info.nonEmpty === true;
}
function prefixOf(info) {
  return info.exact && !info.exact.has("") ? info.exact : info.prefix;
}
function suffixOf(info) {
  return info.exact && !info.exact.has("") ? info.exact : info.suffix;
}
function requirement(info) {
  const ends = nonEmpty(info) ? better(info.prefix, info.suffix) : void 0;
  return better(better(info.required, info.exact), ends);
}
function product(a, b) {
  if (a.size * b.size > MAX_STRINGS) return void 0;
  const out = /* @__PURE__ */ new Set();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}
function union(a, b) {
  const out = /* @__PURE__ */ new Set([...a, ...b]);
  return out.size > MAX_STRINGS ? void 0 : out;
}
function minimal(set) {
  const sorted = [...set].sort((x, y) => x.length - y.length);
  const kept = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.length === set.size ? set : new Set(kept);
}
function requiredUnion(a, b) {
  const out = minimal(/* @__PURE__ */ new Set([...a, ...b]));
  return out.size > MAX_STRINGS ? void 0 : out;
}
function sequence(items) {
  let head = /* @__PURE__ */ new Set([""]);
  let headOpen = true;
  let tail = /* @__PURE__ */ new Set([""]);
  let best;
  for (const item of items) {
    if (item.exact) {
      const joined = product(tail, item.exact);
      if (joined) tail = joined;
      else {
        best = better(best, tail);
        tail = item.exact;
      }
      if (headOpen) {
        const h = product(head, item.exact);
        if (h) head = h;
        else headOpen = false;
      }
      continue;
    }
    best = better(best, tail);
    const prefix = prefixOf(item);
    const full = nonEmpty(item);
    if (prefix && full && score(tail) < MIN_LITERAL) best = better(best, product(tail, prefix));
    if (headOpen) {
      if (prefix && full) head = product(head, prefix) ?? head;
      headOpen = false;
    }
    best = better(best, requirement(item));
    const suffix = suffixOf(item);
    tail = !suffix ? /* @__PURE__ */ new Set([""]) : full ? suffix : union(tail, suffix) ?? /* @__PURE__ */ new Set([""]);
  }
  best = better(best, tail);
  const nonempty = items.some(nonEmpty);
  const informative = (s) => s.has("") ? void 0 : s;
  if (headOpen) return { exact: head, required: best && minimal(best) };
  return { required: best && minimal(best), prefix: informative(head), suffix: informative(tail), nonEmpty: nonempty };
}
function alternatives(branches) {
  let exact = /* @__PURE__ */ new Set();
  let required = /* @__PURE__ */ new Set();
  let prefix = /* @__PURE__ */ new Set();
  let suffix = /* @__PURE__ */ new Set();
  for (const b of branches) {
    exact = exact && b.exact && union(exact, b.exact);
    const r = requirement(b);
    required = required && r && requiredUnion(required, r);
    const p = prefixOf(b);
    prefix = prefix && p && union(prefix, p);
    const s = suffixOf(b);
    suffix = suffix && s && union(suffix, s);
  }
  return { exact, required, prefix, suffix, nonEmpty: branches.every(nonEmpty) };
}
function repeat(item, min, max) {
  if (min === 0) {
    if (max === 1 && item.exact) return { exact: union(item.exact, /* @__PURE__ */ new Set([""])) };
    return { suffix: suffixOf(item) };
  }
  let exact;
  if (max === min && item.exact) {
    exact = item.exact;
    for (let i = 1; i < min && exact; i++) exact = product(exact, item.exact);
  }
  return { exact, required: requirement(item), prefix: prefixOf(item), suffix: suffixOf(item), nonEmpty: nonEmpty(item) };
}
function foldAscii(s) {
  return /[^\x00-\x7f]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase();
}

// src/assess/rules/regex-literals.ts
function requiredLiterals(source, fold = false) {
  let info;
  try {
    const parser = new RegexParser(source, fold);
    info = parser.alternation();
    if (!parser.done()) return void 0;
  } catch {
    return void 0;
  }
  const best = requirement(info);
  return best && score(best) >= MIN_SCORE ? [...minimal(best)] : void 0;
}
function regexNeedles(source) {
  const cased = requiredLiterals(source);
  if (cased) return { texts: cased, fold: false };
  const folded = requiredLiterals(source, true);
  return folded && { texts: folded, fold: true };
}
var RegexParser = class _RegexParser {
  constructor(s, fold) {
    this.s = s;
    this.fold = fold;
  }
  s;
  fold;
  i = 0;
  done() {
    return this.i >= this.s.length;
  }
  alternation() {
    const branches = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : alternatives(branches);
  }
  sequence() {
    const items = [];
    while (!this.done() && this.s[this.i] !== "|" && this.s[this.i] !== ")") items.push(this.quantified(this.atom()));
    return sequence(items);
  }
  quantified(item) {
    const c = this.s[this.i];
    let min;
    let max;
    if (c === "?") [min, max] = [0, 1];
    else if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return item;
      min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return item;
    this.i++;
    if (this.s[this.i] === "?") this.i++;
    return this.quantified(repeat(item, min, max));
  }
  one(ch) {
    return { exact: /* @__PURE__ */ new Set([this.fold ? foldAscii(ch) : ch]) };
  }
  atom() {
    const c = this.s[this.i++];
    switch (c) {
      case "^":
      case "$":
        return EMPTY;
      case ".":
        return ANY_CHAR;
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case "\\":
        return this.escape(false);
      case "*":
      case "+":
      case "?":
        throw new Error("nothing to repeat");
      default:
        return this.one(c);
    }
  }
  group() {
    let lookaround = false;
    if (this.s.startsWith("?:", this.i)) this.i += 2;
    else if (/^\?<?[=!]/.test(this.s.slice(this.i, this.i + 3))) {
      lookaround = true;
      this.i += this.s[this.i + 1] === "<" ? 3 : 2;
    } else if (this.s.startsWith("?<", this.i)) {
      const end = this.s.indexOf(">", this.i);
      if (end < 0) throw new Error("bad group name");
      this.i = end + 1;
    } else if (this.s[this.i] === "?") throw new Error("unknown group");
    const inner = this.alternation();
    if (this.s[this.i] !== ")") throw new Error("unclosed group");
    this.i++;
    return lookaround ? EMPTY : inner;
  }
  /** A class with a few explicit characters (`[Pp]`, `[.]`, `[-_]`) is those characters; others are any. */
  charClass() {
    const negated = this.s[this.i] === "^";
    if (negated) this.i++;
    const chars = /* @__PURE__ */ new Set();
    let known = !negated;
    while (!this.done() && this.s[this.i] !== "]") {
      let ch;
      if (this.s[this.i] === "\\") {
        this.i++;
        ch = this.classEscape();
        if (ch === void 0) known = false;
      } else ch = this.s[this.i++];
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && this.i + 1 < this.s.length) {
        this.i++;
        let to;
        if (this.s[this.i] === "\\") {
          this.i++;
          to = this.classEscape();
        } else to = this.s[this.i++];
        if (ch === void 0 || to === void 0) known = false;
        else {
          const a = ch.codePointAt(0);
          const b = to.codePointAt(0);
          if (b < a) throw new Error("bad range");
          if (b - a > 8) known = false;
          else for (let k = a; k <= b; k++) chars.add(String.fromCodePoint(k));
        }
        continue;
      }
      if (ch !== void 0) chars.add(ch);
    }
    if (this.s[this.i] !== "]") throw new Error("unclosed class");
    this.i++;
    const listed = this.fold ? new Set([...chars].map(foldAscii)) : chars;
    return known && listed.size > 0 && listed.size <= 4 ? { exact: listed } : ANY_CHAR;
  }
  /** The one character an escape in a class stands for, read as written (not folded), or undefined. */
  classEscape() {
    const e = new _RegexParser(this.s, false);
    e.i = this.i;
    const info = e.escape(true);
    this.i = e.i;
    return info.exact?.size === 1 ? [...info.exact][0] : void 0;
  }
  /** After a backslash. Inside a class `\b` is a backspace; outside, a word boundary (matches nothing). */
  escape(inClass) {
    const c = this.s[this.i++];
    if (c === void 0) throw new Error("trailing backslash");
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return ANY_CHAR;
      case "b":
        return inClass ? this.one("\b") : EMPTY;
      case "B":
        return EMPTY;
      case "n":
        return this.one("\n");
      case "r":
        return this.one("\r");
      case "t":
        return this.one("	");
      case "f":
        return this.one("\f");
      case "v":
        return this.one("\v");
      case "0":
        if (!/[0-9]/.test(this.s[this.i] ?? "")) return this.one("\0");
        while (/[0-9]/.test(this.s[this.i] ?? "")) this.i++;
        return ANY;
      // a legacy octal escape
      case "x": {
        const m = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i));
        if (!m) return this.one("x");
        this.i += 2;
        return this.one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case "u": {
        const m = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
        if (!m) return this.one("u");
        this.i += 4;
        return this.one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case "c":
        if (/[A-Za-z]/.test(this.s[this.i] ?? "")) this.i++;
        return ANY;
      case "k":
        this.skipBraces("<", ">");
        return ANY;
      default:
        if (/[1-9]/.test(c)) {
          while (/[0-9]/.test(this.s[this.i] ?? "")) this.i++;
          return ANY;
        }
        return this.one(c);
    }
  }
  skipBraces(open = "{", close = "}") {
    if (this.s[this.i] !== open) return;
    const end = this.s.indexOf(close, this.i);
    this.i = end < 0 ? this.s.length : end + 1;
  }
};

// src/assess/rules/prefilter.ts
function needle(text, word, more = {}) {
  return {
    text,
    word,
    ...(more.keyword || more.alone) && { keyword: true },
    ...more.alone && { alone: true },
    ...more.fold && { fold: true },
    runs: text.match(/[\w$]+/g) ?? []
  };
}
function rulePrefilter(rule) {
  let patterns;
  try {
    patterns = readPatterns(attachTopLevelPredicates(rule.query));
  } catch {
    return void 0;
  }
  if (patterns.length === 0) return void 0;
  const common = whereClauses(rule.where);
  const out = [];
  for (const pattern of patterns) {
    const clauses = dedupeClauses([...patternClauses(pattern, rule.language), ...common]);
    if (clauses.length === 0) return void 0;
    out.push(clauses);
  }
  return out;
}
var NeedleIndex = class {
  constructor(source) {
    this.source = source;
  }
  source;
  /** Needles looked up so far, by kind (word needles are a lookup in the word set already). */
  found = /* @__PURE__ */ new Map();
  foundKeyword = /* @__PURE__ */ new Map();
  foundAlone = /* @__PURE__ */ new Map();
  foundFolded = /* @__PURE__ */ new Map();
  wordSet;
  joined;
  foldedJoined;
  foldedSource;
  has(needle2) {
    if (needle2.word) return this.words().has(needle2.text);
    const found = needle2.alone ? this.foundAlone : needle2.keyword ? this.foundKeyword : needle2.fold ? this.foundFolded : this.found;
    let hit = found.get(needle2.text);
    if (hit === void 0) {
      hit = needle2.alone ? this.keywordAlone(needle2.text) : needle2.keyword ? this.endsWord(needle2.text) : needle2.fold ? this.containsFolded(needle2) : this.contains(needle2);
      found.set(needle2.text, hit);
    }
    return hit;
  }
  passes(prefilter) {
    return !prefilter || prefilter.some((clauses) => clauses.every((clause) => clause.some((n) => this.has(n))));
  }
  words() {
    return this.wordSet ??= new Set(this.source.match(/[\w$]+/g));
  }
  joinedWords() {
    return this.joined ??= [...this.words()].join(" ");
  }
  contains({ text, runs }) {
    if (runs.length > 0) {
      const joined = this.joinedWords();
      for (const run of runs) if (!joined.includes(run)) return false;
      if (runs.length === 1 && runs[0] === text && this.words().has(text)) return true;
    }
    return this.source.includes(text);
  }
  /**
   * `text` (word characters) followed by a non-word character or the end: in the joined words, at the end
   * of a word (then a space or the end follows) or before a `$` inside one (`$` is in words, not in \w).
   */
  endsWord(text) {
    const joined = this.joinedWords();
    return joined.includes(`${text} `) || joined.endsWith(text) || joined.includes(`${text}$`);
  }
  /**
   * The keyword `text` as a token could be: followed by a character other than a letter, digit or `_`, and
   * preceded by one too, or else inside a run of those characters that a token other than an identifier
   * ends in. The token before a keyword ends right before it; if that token ends with a letter, digit or
   * `_` (the run of them goes on into the keyword) and started in the run, it started with a digit: a token
   * starting with a letter or `_` is an identifier or a keyword (the word rule), lexed as long as the run
   * goes, or a string's prefix, followed by a quote. If it started before the run, it is a number
   * (`1.e5in`: a digit, `.`), regex flags (`/x/g`), a name after `#` or `@` (`#ifdef`, `@interface`) or
   * has an escape (`\u0061`); a string or comment ends with its quote or at a line's end. So: the run is
   * the keyword, or holds a digit before it, or follows `/`, `#`, `@`, `\` or a digit and `.`. A run with
   * a `$` counts as two (in Python `$` is no part of a name): more texts pass, never fewer.
   */
  keywordAlone(text) {
    if (!this.endsWord(text)) return false;
    return new RegExp(`(?:^|[^\\w]|[0-9]\\w*|(?:[/#@\\\\]|[0-9]\\.)\\w*)${text}(?!\\w)`).test(this.source);
  }
  /** Folded letter by letter (not toLowerCase, which maps a few characters by context): see regex-literals.ts. */
  containsFolded({ text, runs }) {
    this.foldedJoined ??= foldAscii(this.joinedWords());
    for (const run of runs) if (!this.foldedJoined.includes(run)) return false;
    return (this.foldedSource ??= foldAscii(this.source)).includes(text);
  }
};
var WORD = /^[\w$]+$/;
var KEYWORD = /^[A-Za-z_]\w*$/;
function whereClauses(where) {
  const out = [];
  for (const c of where) {
    if ("resolvesTo" in c) {
      const needles = [];
      for (const name of c.resolvesTo) {
        const segment = lastSegment(name);
        if (!segment) {
          needles.length = 0;
          break;
        }
        needles.push(segmentNeedle(segment));
      }
      if (needles.length > 0 && needles.every((n) => n.text.length >= MIN_LITERAL || n.keyword)) out.push(dedupe(needles));
    } else if ("hasArgument" in c) {
      if (c.hasArgument.length >= MIN_LITERAL) out.push([needle(c.hasArgument, false)]);
      const literals = c.value === void 0 ? void 0 : regexClause(c.value);
      if (literals) out.push(literals);
    }
  }
  return out;
}
function segmentNeedle(segment) {
  return segment.length < MIN_LITERAL && segment.length >= 2 && KEYWORD.test(segment) ? needle(segment, false, { keyword: true }) : needle(segment, false);
}
function lastSegment(name) {
  let n = name.replace(/^node:/, "").replace(/^::/, "");
  if (n.endsWith(".*")) {
    n = n.slice(0, -2);
    if (n === "java" || n === "java.lang") return void 0;
  }
  const segment = n.split(/\.|::|\/|->/).pop();
  return segment && WORD.test(segment) ? segment : void 0;
}
function dedupe(needles) {
  const seen = /* @__PURE__ */ new Set();
  return needles.filter((n) => {
    const key = needleKey(n);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
function needleKey(n) {
  return `${n.word ? "w" : n.alone ? "a" : n.keyword ? "k" : n.fold ? "f" : "s"}\0${n.text}`;
}
function clauseKey(clause) {
  return clause.map(needleKey).sort().join("");
}
function dedupeClauses(clauses) {
  const seen = /* @__PURE__ */ new Set();
  return clauses.filter((c) => {
    const key = clauseKey(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
function regexClause(source) {
  const found = regexNeedles(source);
  return found && found.texts.map((text) => needle(text, false, { fold: found.fold }));
}
function negatedLookahead(source) {
  if (!source.startsWith("^(?!") || !source.endsWith(")")) return void 0;
  const inner = source.slice(4, -1);
  try {
    new RegExp(inner);
  } catch {
    return void 0;
  }
  return `^(?:${inner})`;
}
function patternClauses(pattern, language) {
  const always = [];
  const bound = /* @__PURE__ */ new Map();
  for (const p of predicatesOf(pattern)) {
    const [capture, ...args] = p.args;
    if (!capture?.startsWith("@") || args.length === 0 || args.some((a) => a.startsWith("@"))) continue;
    const name = capture.slice(1);
    const strings = args.map(unescapeQueryString);
    const whenBound = (clause) => {
      bound.set(name, [...bound.get(name) ?? [], clause]);
    };
    if (p.name === "any-of?" || p.name === "any-eq?" || p.name === "eq?") {
      if (strings.some((s) => s.length === 0)) continue;
      const clause = dedupe(strings.map((text) => needle(text, WORD.test(text))));
      if (p.name === "eq?") whenBound(clause);
      else always.push(clause);
    } else if ((p.name === "match?" || p.name === "any-match?") && strings.length === 1) {
      const clause = regexClause(strings[0]);
      if (clause) always.push(clause);
    } else if (p.name === "not-match?" && strings.length === 1) {
      const positive = negatedLookahead(strings[0]);
      const clause = positive === void 0 ? void 0 : regexClause(positive);
      if (clause) whenBound(clause);
    }
  }
  const analysis = { language, bound };
  return [...always, ...pattern.flatMap((e) => elementClauses(e, analysis))];
}
function elementClauses(e, a) {
  if (e.suffixes.includes("?") || e.suffixes.includes("*")) return [];
  const out = [];
  for (const s of e.suffixes) if (s.startsWith("@")) out.push(...a.bound.get(s.slice(1)) ?? []);
  const node = e.node;
  if (node.kind === "atom") {
    if (node.text.startsWith('"')) out.push(...anonymousTokenClauses(unescapeQueryString(node.text), a.language));
    return out;
  }
  if (node.predicate) return out;
  if (node.kind === "(") {
    const first = node.children[0];
    const type = first?.node.kind === "atom" && !first.node.text.startsWith('"') && first.suffixes.length === 0 ? first.node.text : void 0;
    if (type === "MISSING" || type === "ERROR") return out;
    if (type !== void 0 && a.language) out.push(...nodeTokenClauses(a.language, type));
    for (const child of type === void 0 ? node.children : node.children.slice(1)) out.push(...elementClauses(child, a));
    return out;
  }
  const branches = node.children.filter((c) => !(c.node.kind === "(" && c.node.predicate)).map((c) => dedupeClauses(elementClauses(c, a)));
  if (branches.length === 0 || branches.some((b) => b.length === 0)) return out;
  const keys = branches.map((b) => new Set(b.map(clauseKey)));
  const shared = branches[0].filter((c) => keys.every((k) => k.has(clauseKey(c))));
  const sharedKeys = new Set(shared.map(clauseKey));
  const rest = branches.map((b) => b.filter((c) => !sharedKeys.has(clauseKey(c))));
  out.push(...shared);
  if (rest.every((b) => b.length > 0)) out.push(dedupe(rest.flatMap((b) => [...bestClause(b)])));
  return out;
}
function bestClause(clauses) {
  const shortest = (c) => Math.min(...c.map((n) => n.text.length), 8);
  return clauses.reduce((best, c) => {
    const d = shortest(c) - shortest(best);
    return d > 0 || d === 0 && c.length < best.length ? c : best;
  });
}
function anonymousTokenClauses(token, language) {
  const needle2 = language && isSafeToken(language, token) ? tokenNeedle(token) : void 0;
  return needle2 ? [[needle2]] : [];
}
function tokenNeedle(token) {
  const keyword = KEYWORD.test(token);
  if (token.length >= MIN_LITERAL) return needle(token, false, { keyword });
  if (keyword && token.length === 2) return needle(token, false, { alone: true });
  return isPunctuationPair(token) ? needle(token, false) : void 0;
}
function nodeTokenClauses(language, type) {
  const out = [];
  for (const group of tokensOfNode(language, type)) {
    const needles = group.map(tokenNeedle);
    if (needles.every((n) => n !== void 0)) out.push(dedupe(needles));
  }
  return out;
}

// src/assess/rule-runner.ts
function lazyRuleRunner(sources, grammar, loaded, broken) {
  const own = loaded.get(grammar);
  const rules = sources.map((source, index) => ({ source, index, ...prepared(source) }));
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
  const candidates = (source) => {
    let hit = recent.find((r) => r.source === source);
    if (!hit) {
      const index = new NeedleIndex(source);
      hit = { source, live: rules.filter((r) => index.passes(r.prefilter)) };
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
    compiled(ruleId) {
      const rule = byId.get(ruleId);
      return rule && compile(rule);
    }
  };
}
var preparedRules = /* @__PURE__ */ new WeakMap();
function prepared(rule) {
  let out = preparedRules.get(rule);
  if (!out) {
    out = { prefilter: rulePrefilter(rule), text: attachTopLevelPredicates(rule.query) };
    preparedRules.set(rule, out);
  }
  return out;
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
  const runners = /* @__PURE__ */ new Map();
  const makeRunner = async (grammar) => {
    const loaded = /* @__PURE__ */ new Map([[grammar, { language: await loadLanguage(grammar), parser: await getParser(grammar) }]]);
    return lazyRuleRunner(byLanguage.get(languageOfGrammar(grammar)) ?? [], grammar, loaded, broken);
  };
  const book = {
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
