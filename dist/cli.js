#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  ConfigurationError,
  VERSION,
  __commonJS,
  __toESM,
  atLeast,
  createPathFilter,
  emptyStats,
  errorText,
  extractUnits,
  isFileHeaderPair,
  languageOf,
  pLimit,
  parseHunkHeader,
  readHunk,
  readSource,
  renderMarkdown,
  renderSarif,
  reviewChange,
  splitDiffLines,
  toChangedFile
} from "./chunks/chunk-JUBDSMKM.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run2, space) => space ? run2.slice(0, run2.length - run2.length % 2) + SPACE : run2,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run2, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run2.length && !run2[index].wildcard; index++) {
        separator += run2[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run2 = [];
      const flush = () => {
        let lastWildcard;
        run2.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run2.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run2, at)})[^\\/])*`;
        });
        run2 = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run2.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path6) => {
      const end = path6.length - 1;
      const index = path6.lastIndexOf(
        SLASH,
        path6[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path6 : path6.slice(index + 1);
    };
    var parentOf = (path6) => {
      if (path6.charCodeAt(0) === SLASH_CODE || path6.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path6.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path6.length - 1;
      const cut = path6.lastIndexOf(
        SLASH,
        path6.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path6.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path6) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored2 = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path6)) {
            ignored2 = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored: ignored2,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path6, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path6) : path6;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path6
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path6, originalPath, doThrow) => {
      if (!isString(path6)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path6) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path6)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path6) => {
      const first = path6.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path6.length === 1) {
        return true;
      }
      const second = path6.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path6.length === 2 || path6.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path6) {
        checkPath(
          path6,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path6 ? this._t(path6, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path6 = convertPath(target);
        if (!path6 || path6.charCodeAt(path6.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path6);
        }
        const dir = this._t(path6, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path6);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path6, cache) {
        if (path6 in cache) {
          return cache[path6];
        }
        const parentPath = parentOf(path6);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path6] = parent && parent.ignored ? parent : this._rules.test(path6, MODE_IGNORE);
      }
      ignores(path6) {
        return this._test(path6, this._ignoreCache, convertPath(path6)).ignored;
      }
      createFilter() {
        return (path6) => !this.ignores(path6);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path6) {
        return this._test(path6, this._testCache, convertPath(path6));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path6) => checkPath(convertPath(path6), path6, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path6) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path6) || isNotRelative(path6);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/cli/command.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;

// src/cli/cli-logger.ts
import { styleText } from "node:util";
function createCliLogger(stderr, options = {}) {
  const color = Boolean(stderr.isTTY) && !process.env.NO_COLOR;
  const paint = (style, text) => color ? styleText(style, text, { validateStream: false }) : text;
  const where = (l) => l?.file ? `${l.file}${l.startLine ? `:${l.startLine}` : ""}: ` : "";
  return {
    debug: (m) => void (options.verbose && stderr.write(paint("dim", m) + "\n")),
    info: (m) => void (!options.quiet && stderr.write(m + "\n")),
    warning: (m, l) => void stderr.write(paint("yellow", `warning: ${where(l)}${m}`) + "\n"),
    error: (m, l) => void stderr.write(paint("red", `error: ${where(l)}${m}`) + "\n"),
    async group(name, fn) {
      if (options.verbose) stderr.write(paint("dim", `== ${name}`) + "\n");
      return fn();
    }
  };
}

// src/cli/commands/review.ts
import fs3 from "node:fs/promises";
import path3 from "node:path";
import { parseArgs } from "node:util";

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list = [];
  let i = 0;
  function isGitDiffHeader(line) {
    return /^diff --git /.test(line);
  }
  function isDiffHeader(line) {
    return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
  }
  function isFileHeader(line) {
    return /^(---|\+\+\+)\s/.test(line);
  }
  function isHunkHeader(line) {
    return /^@@\s/.test(line);
  }
  function parseIndex() {
    var _a;
    const index = {};
    index.hunks = [];
    list.push(index);
    let seenDiffHeader = false;
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isFileHeader(line) || isHunkHeader(line)) {
        break;
      }
      if (isGitDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        index.isGit = true;
        const paths = parseGitDiffHeader(line);
        if (paths) {
          index.oldFileName = paths.oldFileName;
          index.newFileName = paths.newFileName;
        }
        i++;
        while (i < diffstr.length) {
          const extLine = diffstr[i];
          if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
            break;
          }
          const renameFromMatch = /^rename from (.*)/.exec(extLine);
          if (renameFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
            index.isRename = true;
          }
          const renameToMatch = /^rename to (.*)/.exec(extLine);
          if (renameToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
            index.isRename = true;
          }
          const copyFromMatch = /^copy from (.*)/.exec(extLine);
          if (copyFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
            index.isCopy = true;
          }
          const copyToMatch = /^copy to (.*)/.exec(extLine);
          if (copyToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
            index.isCopy = true;
          }
          const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
          if (newFileModeMatch) {
            index.isCreate = true;
            index.newMode = newFileModeMatch[1];
          }
          const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
          if (deletedFileModeMatch) {
            index.isDelete = true;
            index.oldMode = deletedFileModeMatch[1];
          }
          const oldModeMatch = /^old mode (\d+)/.exec(extLine);
          if (oldModeMatch) {
            index.oldMode = oldModeMatch[1];
          }
          const newModeMatch = /^new mode (\d+)/.exec(extLine);
          if (newModeMatch) {
            index.newMode = newModeMatch[1];
          }
          if (/^Binary files /.test(extLine)) {
            index.isBinary = true;
          }
          i++;
        }
        continue;
      } else if (isDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
        if (headerMatch) {
          index.index = line.substring(headerMatch[0].length).trim();
        }
      }
      i++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
      throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
    }
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
        break;
      } else if (isHunkHeader(line)) {
        index.hunks.push(parseHunk());
      } else {
        i++;
      }
    }
  }
  function parseGitDiffHeader(line) {
    const rest = line.substring("diff --git ".length);
    if (rest.startsWith('"')) {
      const oldPath = parseQuotedFileName(rest);
      if (oldPath === null) {
        return null;
      }
      const afterOld = rest.substring(oldPath.rawLength + 1);
      let newFileName;
      if (afterOld.startsWith('"')) {
        const newPath = parseQuotedFileName(afterOld);
        if (newPath === null) {
          return null;
        }
        newFileName = newPath.fileName;
      } else {
        newFileName = afterOld;
      }
      return {
        oldFileName: oldPath.fileName,
        newFileName
      };
    }
    const quoteIdx = rest.indexOf('"');
    if (quoteIdx > 0) {
      const oldFileName = rest.substring(0, quoteIdx - 1);
      const newPath = parseQuotedFileName(rest.substring(quoteIdx));
      if (newPath === null) {
        return null;
      }
      return {
        oldFileName,
        newFileName: newPath.fileName
      };
    }
    if (rest.startsWith("a/")) {
      const splits = [];
      let idx = 0;
      while (true) {
        idx = rest.indexOf(" b/", idx + 1);
        if (idx === -1) {
          break;
        }
        splits.push(idx);
      }
      if (splits.length > 0) {
        const mid = splits[Math.floor(splits.length / 2)];
        return {
          oldFileName: rest.substring(0, mid),
          newFileName: rest.substring(mid + 1)
        };
      }
    }
    return null;
  }
  function unquoteIfQuoted(s) {
    if (s.startsWith('"')) {
      const parsed = parseQuotedFileName(s);
      if (parsed) {
        return parsed.fileName;
      }
    }
    return s;
  }
  function parseQuotedFileName(s) {
    if (!s.startsWith('"')) {
      return null;
    }
    let result = "";
    let j = 1;
    while (j < s.length) {
      if (s[j] === '"') {
        return { fileName: result, rawLength: j + 1 };
      }
      if (s[j] === "\\" && j + 1 < s.length) {
        j++;
        switch (s[j]) {
          case "a":
            result += "\x07";
            break;
          case "b":
            result += "\b";
            break;
          case "f":
            result += "\f";
            break;
          case "n":
            result += "\n";
            break;
          case "r":
            result += "\r";
            break;
          case "t":
            result += "	";
            break;
          case "v":
            result += "\v";
            break;
          case "\\":
            result += "\\";
            break;
          case '"':
            result += '"';
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7": {
            if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
              return null;
            }
            const bytes = [parseInt(s.substring(j, j + 3), 8)];
            j += 3;
            while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
              if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                return null;
              }
              bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
              j += 4;
            }
            result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
            continue;
          }
          // Note that in C, there are also three kinds of hex escape sequences:
          // - \xhh
          // - \uhhhh
          // - \Uhhhhhhhh
          // We do not bother to parse them here because, so far as we know,
          // they are never emitted by any tools that generate unified diff
          // format diffs, and so for now jsdiff does not consider them legal.
          default:
            return null;
        }
      } else {
        result += s[j];
      }
      j++;
    }
    return null;
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
    if (fileHeaderMatch) {
      const prefix = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
      let fileName = data[0];
      if (fileName.startsWith('"')) {
        fileName = unquoteIfQuoted(fileName);
      } else {
        fileName = fileName.replace(/\\\\/g, "\\");
      }
      if (prefix === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header;
      } else {
        index.newFileName = fileName;
        index.newHeader = header;
      }
      i++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
      const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
      throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
    }
    return hunk;
  }
  while (i < diffstr.length) {
    parseIndex();
  }
  return list;
}

// src/diff/file-paths.ts
var DEV_NULL = "/dev/null";
var PREFIX_PAIRS = [
  ["a/", "b/"],
  ["i/", "w/"],
  ["c/", "w/"],
  ["c/", "i/"],
  ["o/", "w/"],
  ["1/", "2/"]
];
function gitPaths(oldName, newName) {
  const pair = PREFIX_PAIRS.find(([src, dst]) => hasPrefix(oldName, src) && hasPrefix(newName, dst));
  return {
    ...side("oldPath", oldName, pair?.[0]),
    ...side("newPath", newName, pair?.[1])
  };
}
function plainPaths(oldName, newName) {
  const oldClean = oldName === void 0 ? void 0 : toPosix(oldName);
  const newClean = newName === void 0 ? void 0 : toPosix(newName);
  const git2 = gitPaths(oldClean, newClean);
  if ((git2.oldPath ?? DEV_NULL) !== (oldClean ?? DEV_NULL) || (git2.newPath ?? DEV_NULL) !== (newClean ?? DEV_NULL)) {
    return git2;
  }
  const oldRest = afterFirstComponent(oldClean);
  const newRest = afterFirstComponent(newClean);
  if (oldRest !== void 0 && oldRest === newRest) return { oldPath: oldRest, newPath: newRest };
  return { ...side("oldPath", oldClean, void 0), ...side("newPath", newClean, void 0) };
}
function samePathFromGitHeader(headerLine) {
  const rest = headerLine.slice("diff --git ".length);
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half) || rest[half] !== " ") return void 0;
  const first = rest.slice(0, half);
  return first !== "" && first === rest.slice(half + 1) ? first : void 0;
}
function side(key, name, prefix) {
  if (name === void 0 || name === DEV_NULL) return {};
  return { [key]: prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name };
}
function hasPrefix(name, prefix) {
  return name === DEV_NULL || (name?.startsWith(prefix) ?? false);
}
function afterFirstComponent(name) {
  if (name === void 0 || name === DEV_NULL) return void 0;
  const slash = name.indexOf("/");
  return slash > 0 && slash < name.length - 1 ? name.slice(slash + 1) : void 0;
}
function toPosix(name) {
  return name === DEV_NULL ? name : name.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

// src/diff/split-sections.ts
var NOT_DIFF = [
  /^-- $/,
  /^From [0-9a-f]{40} /,
  /^commit [0-9a-f]{40}/,
  /^diff /,
  /^Only in /,
  /^Common subdirectories: /,
  /^Binary files .* differ$/,
  /^Index: /,
  /^={20,}$/
];
function splitSections(lines) {
  const sections = [];
  let current;
  let lastStray = -2;
  const open = (kind, at) => {
    const section = { kind, line: at + 1, header: [], hunks: [], problems: [], hasFileHeader: false };
    sections.push(section);
    return section;
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.startsWith("diff --git ")) {
      current = open("git", i);
      current.header.push(line);
      i++;
    } else if (line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      current = open("combined", i);
      current.header.push(line);
      i++;
    } else if (isFileHeaderPair(lines, i)) {
      if (!current || !takesFileHeader(current)) current = open("plain", i);
      current.header.push(line, lines[i + 1]);
      current.hasFileHeader = true;
      i += 2;
    } else if (line.startsWith("@@")) {
      current ??= open("headerless", i);
      i = readHunkAt(lines, i, current);
    } else if ((current?.kind === "git" || current?.kind === "combined") && current.hunks.length === 0) {
      current.header.push(line);
      i++;
    } else if (NOT_DIFF.some((re) => re.test(line))) {
      current = void 0;
      i++;
    } else {
      if (current && line.trim() !== "" && lastStray !== i - 1) {
        current.problems.push(`line ${i + 1}: unexpected text outside any hunk: "${excerpt(line)}"`);
      }
      if (line.trim() !== "") lastStray = i;
      i++;
    }
  }
  return sections;
}
function takesFileHeader(section) {
  const gitLike = section.kind === "git" || section.kind === "combined";
  return gitLike && !section.hasFileHeader && section.hunks.length === 0;
}
function readHunkAt(lines, at, section) {
  const header = parseHunkHeader(lines[at]);
  if (!header) {
    section.problems.push(`line ${at + 1}: unreadable hunk header "${excerpt(lines[at])}"; hunk ignored`);
    return skipBody(lines, at + 1);
  }
  const read = readHunk(lines, at, header);
  section.hunks.push(read);
  if (read.problem) section.problems.push(`line ${at + 1}: ${read.problem}`);
  return read.end;
}
function skipBody(lines, from) {
  let i = from;
  while (i < lines.length && /^[ +\-\\]/.test(lines[i]) && !isFileHeaderPair(lines, i)) i++;
  return i;
}
function excerpt(line) {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

// src/diff/parse-diff.ts
function parseDiff(text) {
  const sections = splitSections(splitDiffLines(text));
  if (sections.length === 0) {
    if (text.trim() === "") return { files: [], skipped: [] };
    const detail = "no file header or hunk found: the input is not a unified diff";
    return { files: [], skipped: [{ reason: "malformed-diff", detail }] };
  }
  const files = [];
  const skipped = [];
  for (const section of sections) {
    const result = readSection(section);
    if (result.file) files.push(result.file);
    skipped.push(...result.skipped);
  }
  return { files, skipped };
}
function readSection(section) {
  if (section.kind === "combined") {
    const detail = `line ${section.line}: combined diff of a merge ("${section.header[0]}") is not supported`;
    return { skipped: [{ reason: "malformed-diff", detail }] };
  }
  if (section.kind === "headerless") {
    return notReadable(section, `line ${section.line}: hunk without a file header (diff --git or ---/+++); ignored`);
  }
  const meta = readHeader(section);
  if (typeof meta === "string") return notReadable(section, `line ${section.line}: ${meta}`);
  const paths = pathsOf(section, meta);
  const path6 = paths.newPath ?? paths.oldPath;
  if (path6 === void 0) {
    const detail = `line ${section.line}: no file name in "${section.header[0]}"; ${section.hunks.length} hunk(s) ignored`;
    return notReadable(section, detail);
  }
  const status = statusOf(meta, paths);
  const binary = meta.isBinary === true || section.header.includes("GIT binary patch");
  const moved = status === "renamed" || status === "copied";
  const file = toChangedFile(
    {
      path: path6,
      ...moved && paths.oldPath !== void 0 ? { oldPath: paths.oldPath } : {},
      status,
      binary,
      ...meta.oldMode ? { oldMode: meta.oldMode } : {},
      ...meta.newMode ? { newMode: meta.newMode } : {}
    },
    section.hunks
  );
  return { file, skipped: section.problems.map((problem) => malformed(path6, problem)) };
}
function readHeader(section) {
  try {
    const [meta] = parsePatch(section.header.join("\n"));
    return meta ?? "parsePatch returned no file for the header";
  } catch (error) {
    return `unreadable file header: ${error instanceof Error ? error.message : String(error)}`;
  }
}
function pathsOf(section, meta) {
  if (section.kind === "plain") return plainPaths(meta.oldFileName, meta.newFileName);
  if (meta.oldFileName === void 0 && meta.newFileName === void 0) {
    const same = samePathFromGitHeader(section.header[0]);
    return same === void 0 ? {} : { oldPath: same, newPath: same };
  }
  return gitPaths(meta.oldFileName, meta.newFileName);
}
function statusOf(meta, paths) {
  if (meta.isCreate || paths.oldPath === void 0 || isAbsentSide(meta.oldHeader)) return "added";
  if (meta.isDelete || paths.newPath === void 0 || isAbsentSide(meta.newHeader)) return "deleted";
  if (meta.isRename) return "renamed";
  if (meta.isCopy) return "copied";
  return "modified";
}
function isAbsentSide(timestamp) {
  return /^(1970-01-01|1969-12-31) /.test(timestamp ?? "");
}
function notReadable(section, detail) {
  return { skipped: [{ reason: "malformed-diff", detail }, ...section.problems.map((p) => malformed(void 0, p))] };
}
function malformed(path6, problem) {
  return path6 === void 0 ? { reason: "malformed-diff", detail: problem } : { path: path6, reason: "malformed-diff", detail: `${path6}: ${problem}` };
}

// src/pipeline/local-source.ts
import fs from "node:fs/promises";
import path from "node:path";
function localFileSource(root, options = {}) {
  const base = path.resolve(root);
  const confine = options.confine ?? true;
  return {
    async read(file) {
      const abs = path.resolve(base, file);
      if (confine && abs !== base && !abs.startsWith(base + path.sep)) throw new Error(`path leaves the repository: ${file}`);
      try {
        return await fs.readFile(abs);
      } catch (error) {
        if (error.code === "ENOENT") return void 0;
        throw error;
      }
    }
  };
}

// src/cli/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function git(cwd, args) {
  try {
    const { stdout } = await run("git", [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (error) {
    const e = error;
    if (e.code === "ENOENT") throw new ConfigurationError("--base needs git on the PATH");
    throw new ConfigurationError(`git ${args.join(" ")} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
async function diffAgainst(cwd, ref) {
  if (ref.startsWith("-")) throw new ConfigurationError(`--base must name a git ref; got "${ref}"`);
  const root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => {
    throw new ConfigurationError(`--base: "${ref}" is not a commit in this repository`);
  });
  const diff = await git(root, ["-c", "core.quotePath=true", "diff", "--no-color", "--no-ext-diff", "--find-renames", ref, "--"]);
  return { root, diff };
}

// src/cli/output.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";

// src/report/findings-json.ts
var FINDINGS_JSON_VERSION = 1;
function toFindingsJson(result) {
  return {
    version: FINDINGS_JSON_VERSION,
    findings: result.findings,
    stats: result.stats,
    units: result.units.map((u) => ({
      path: u.path,
      unit: u.name,
      kind: u.kind,
      startLine: u.startLine,
      endLine: u.endLine,
      language: u.language
    })),
    skipped: result.skipped
  };
}
function renderJson(result) {
  return JSON.stringify(toFindingsJson(result), null, 2) + "\n";
}

// src/report/text.ts
import { styleText as styleText2 } from "node:util";
var SEVERITY_STYLE = { critical: ["bold", "red"], high: "red", medium: "yellow", low: "dim" };
function renderText(result, options) {
  const paint = (style, text) => options.color ? styleText2(style, text, { validateStream: false }) : text;
  const out = [];
  const paths = [.../* @__PURE__ */ new Set([...result.units.map((u) => u.path), ...result.findings.map((f) => f.path)])].sort();
  for (const path6 of paths) {
    const findings = result.findings.filter((f) => f.path === path6);
    const units = result.units.filter((u) => u.path === path6);
    out.push(paint("bold", path6));
    for (const f of findings) {
      out.push(`  ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))} ${f.cwe} line ${f.startLine}${f.endLine > f.startLine ? `-${f.endLine}` : ""} in ${f.unit}`);
      out.push(`           ${f.message}`);
      for (const g of f.guidelines) out.push(paint("dim", `           ${g.id}: ${g.text}`));
      if (f.fix?.verified) {
        out.push(paint("green", `           fix${f.fix.description ? ` (${f.fix.description})` : ""}:`));
        for (const line of f.fix.replacement.split("\n")) out.push(paint("green", `             ${line}`));
      }
    }
    if (options.verbose || findings.length === 0) {
      for (const u of units) out.push(paint("dim", `  reviewed ${u.kind} ${u.name} (lines ${u.startLine}-${u.endLine})`));
    }
    out.push("");
  }
  const notable = result.skipped.filter((s) => s.reason !== "unsupported-language" && s.reason !== "excluded");
  for (const s of notable) out.push(paint("yellow", `skipped ${s.path ?? "diff"}: ${s.reason} (${s.detail})`));
  if (notable.length) out.push("");
  const n = result.findings.length;
  out.push(
    `${n === 0 ? paint("green", "No findings") : paint("bold", `${n} finding${n === 1 ? "" : "s"}`)} in ${result.stats.units} unit${result.stats.units === 1 ? "" : "s"} of ${result.stats.files} file${result.stats.files === 1 ? "" : "s"} (${result.stats.ms} ms)`
  );
  return out.join("\n") + "\n";
}

// src/cli/output.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
function parseFormat(value) {
  const format = value ?? "text";
  if (!FORMATS.includes(format)) throw new ConfigurationError(`--format must be one of ${FORMATS.join(", ")}; got "${format}"`);
  return format;
}
function parseSeverity(value, flag) {
  const v = value ?? "low";
  if (!["low", "medium", "high", "critical"].includes(v)) throw new ConfigurationError(`${flag} must be one of low, medium, high, critical; got "${v}"`);
  return v;
}
async function emitReport(result, options, io) {
  const toFile = options.output !== void 0;
  const color = !toFile && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const text = options.format === "json" ? renderJson(result) : options.format === "sarif" ? renderSarif(result) : options.format === "markdown" ? renderMarkdown(result) : renderText(result, { color, verbose: options.verbose });
  if (toFile) {
    const file = path2.resolve(io.cwd, options.output);
    await fs2.mkdir(path2.dirname(file), { recursive: true });
    await fs2.writeFile(file, text);
    io.logger.info(`wrote ${options.format} report to ${options.output}`);
  } else {
    io.stdout.write(text);
  }
  return result.findings.some((f) => atLeast(f.severity, options.threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

// src/cli/commands/common-options.ts
var COMMON_OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  "severity-threshold": { type: "string" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" }
};
var COMMON_HELP = `  -f, --format F               text (default), json, sarif or markdown
  -o, --output FILE            write the report to FILE instead of stdout
  --severity-threshold S       low (default), medium, high or critical: exit 1 only for findings at or above S
  --include GLOB               review only matching paths (repeatable, or comma-separated)
  --exclude GLOB               skip matching paths (repeatable, or comma-separated)
  -v, --verbose                list every reviewed unit and debug messages
  -q, --quiet                  only warnings and errors on stderr

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error.`;
function listOption(values) {
  const items = values?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return items?.length ? items : void 0;
}

// src/cli/commands/review.ts
var reviewCommand = {
  name: "review",
  summary: "Review a change: a diff file, stdin, or the working tree against a git ref",
  help: `Usage: rescue review (--diff FILE | --diff - | --base REF) [options]

Reviews the functions that a change touches.

  --diff FILE        a unified diff (git diff, git format-patch, diff -u); - reads stdin
  --base REF         the working tree against a git ref (branch, tag or commit), e.g. origin/main
  --root DIR         where the diff's paths point (default: the current folder; with --base, the
                     repository root); the changed files are read from there
${COMMON_HELP}`,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, diff: { type: "string" }, base: { type: "string" }, root: { type: "string" } },
      allowPositionals: false,
      strict: true
    });
    const format = parseFormat(values.format);
    const threshold = parseSeverity(values["severity-threshold"], "--severity-threshold");
    if (values.diff === void 0 === (values.base === void 0)) throw new ConfigurationError("review needs exactly one of --diff FILE (or -) and --base REF");
    let diffText;
    let root = path3.resolve(io.cwd, values.root ?? ".");
    if (values.base !== void 0) {
      const found = await diffAgainst(io.cwd, values.base);
      diffText = found.diff;
      if (values.root === void 0) root = found.root;
    } else {
      diffText = values.diff === "-" ? await readStdin(io) : await readDiffFile(path3.resolve(io.cwd, values.diff));
    }
    const changeSet = parseDiff(diffText);
    if (changeSet.files.length === 0 && changeSet.skipped.length === 0) io.logger.info("the diff is empty: nothing to review");
    const result = await reviewChange({
      changeSet,
      source: localFileSource(root),
      logger: io.logger,
      filter: createPathFilter({ include: listOption(values.include), exclude: listOption(values.exclude) })
    });
    return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
  }
};
async function readDiffFile(file) {
  try {
    return await fs3.readFile(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(`--diff: cannot read ${file}: ${error.message}`);
  }
}
async function readStdin(io) {
  const chunks = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

// src/cli/commands/scan.ts
import path5 from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

// src/pipeline/scan-files.ts
async function scanFiles(options) {
  const started = Date.now();
  const filter = options.filter ?? (() => true);
  const skipped = [];
  const units = [];
  const parseErrors = [];
  const limit = pLimit(4);
  let files = 0;
  await options.logger.group(
    "Find the units",
    () => Promise.all(
      options.paths.map(
        (path6) => limit(async () => {
          const language = languageOf(path6);
          if (!language) return void skipped.push({ path: path6, reason: "unsupported-language", detail: "not a language RESCUE reviews" });
          if (!filter(path6)) return void skipped.push({ path: path6, reason: "excluded", detail: "excluded by the path filters" });
          let bytes;
          try {
            bytes = await options.source.read(path6);
          } catch (error) {
            return void skipped.push({ path: path6, reason: "unreadable", detail: errorText(error) });
          }
          if (!bytes) return void skipped.push({ path: path6, reason: "unreadable", detail: "file not found" });
          const guarded = readSource(path6, bytes, { maxBytes: options.maxFileBytes });
          if ("skipped" in guarded) return void skipped.push(guarded.skipped);
          files++;
          const extraction = await extractUnits({ path: path6, language, text: guarded.text });
          units.push(...extraction.units);
          if (extraction.parseErrors) parseErrors.push(path6);
        })
      )
    )
  );
  units.sort((a, b) => a.path === b.path ? a.startLine - b.startLine : a.path < b.path ? -1 : 1);
  for (const s of skipped) {
    if (s.reason !== "unsupported-language" && s.reason !== "excluded") options.logger.warning(`${s.path}: skipped (${s.reason}): ${s.detail}`, { file: s.path });
  }
  for (const path6 of parseErrors) options.logger.warning(`${path6}: has syntax errors; reviewed the parts that parsed`, { file: path6 });
  return { findings: [], units, skipped, parseErrors, stats: { ...emptyStats(), files, units: units.length, ms: Date.now() - started } };
}

// src/pipeline/walk-files.ts
var import_ignore = __toESM(require_ignore(), 1);
import fs4 from "node:fs/promises";
import path4 from "node:path";
async function walkFiles(root, targets) {
  const files = /* @__PURE__ */ new Set();
  const missing = [];
  for (const target of targets) {
    const abs = path4.resolve(root, target);
    const stat = await fs4.stat(abs).catch(() => void 0);
    if (!stat) missing.push(target);
    else if (stat.isDirectory()) await walk(root, abs, await ignoresAbove(root, abs), files);
    else files.add(toPosix2(path4.relative(root, abs)));
  }
  return { files: [...files].sort(), missing };
}
async function ignoresAbove(root, dir) {
  const scopes = [];
  const rel = path4.relative(root, dir);
  if (rel.startsWith("..") || path4.isAbsolute(rel)) return scopes;
  let current = root;
  const parts = rel ? rel.split(path4.sep) : [];
  for (let i = 0; i < parts.length; i++) {
    const scope = await readIgnore(current);
    if (scope) scopes.push(scope);
    current = path4.join(current, parts[i]);
  }
  return scopes;
}
async function readIgnore(dir) {
  const text = await fs4.readFile(path4.join(dir, ".gitignore"), "utf8").catch(() => void 0);
  return text === void 0 ? void 0 : { dir, rules: (0, import_ignore.default)().add(text) };
}
function ignored(scopes, abs, isDir) {
  for (const scope of scopes) {
    const rel = toPosix2(path4.relative(scope.dir, abs)) + (isDir ? "/" : "");
    if (scope.rules.ignores(rel)) return true;
  }
  return false;
}
async function walk(root, dir, scopes, out) {
  const own = await readIgnore(dir);
  const here = own ? [...scopes, own] : scopes;
  const entries = await fs4.readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === ".git") continue;
    const abs = path4.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ignored(here, abs, true)) await walk(root, abs, here, out);
    } else if (entry.isFile() && languageOf(entry.name) && !ignored(here, abs, false)) {
      out.add(toPosix2(path4.relative(root, abs)));
    }
  }
}
function toPosix2(p) {
  return p.split(path4.sep).join("/");
}

// src/cli/commands/scan.ts
var scanCommand = {
  name: "scan",
  summary: "Review whole files and folders: every function is a unit",
  help: `Usage: rescue scan PATH... [options]

Reviews every function of the given files; folders are walked, honouring .gitignore.

${COMMON_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseArgs2({ args: [...args], options: COMMON_OPTIONS, allowPositionals: true, strict: true });
    const format = parseFormat(values.format);
    const threshold = parseSeverity(values["severity-threshold"], "--severity-threshold");
    if (positionals.length === 0) throw new ConfigurationError("scan needs at least one file or folder");
    const root = io.cwd;
    const { files, missing } = await walkFiles(root, positionals);
    if (missing.length) throw new ConfigurationError(`no such file or folder: ${missing.join(", ")}`);
    const result = await scanFiles({
      paths: files,
      source: localFileSource(root, { confine: false }),
      logger: io.logger,
      filter: createPathFilter({ include: listOption(values.include), exclude: listOption(values.exclude) })
    });
    if (files.length === 0) io.logger.warning(`no files in a reviewed language under ${positionals.map((p) => path5.normalize(p)).join(", ")}`);
    return emitReport(result, { format, output: values.output, threshold, verbose: values.verbose }, io);
  }
};

// src/cli/main.ts
var COMMANDS = [reviewCommand, scanCommand];
function usage() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `rescue ${VERSION}: security review of code changes with cited guidelines and verified fixes

Usage: rescue <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     show help (also: rescue <command> --help)
  -V, --version  print the version

Examples:
  rescue review --base origin/main
  git diff | rescue review --diff - --format json
  rescue scan src/ --format sarif --output rescue.sarif
`;
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  const verbose = rest.includes("--verbose") || rest.includes("-v") || Boolean(io.env.RESCUE_DEBUG);
  const quiet = rest.includes("--quiet") || rest.includes("-q");
  const full = { ...io, logger: createCliLogger(io.stderr, { verbose, quiet }) };
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : void 0;
    io.stdout.write(topic ? topic.help + "\n" : usage());
    return name === void 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "-V" || name === "--version") {
    io.stdout.write(`${VERSION}
`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`rescue: unknown command "${name}"

${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.help + "\n");
    return EXIT_OK;
  }
  try {
    return await command.run(rest, full);
  } catch (error) {
    if (error instanceof ConfigurationError || isParseArgsError(error)) {
      io.stderr.write(`rescue ${name}: ${error.message}
Run "rescue ${name} --help" for usage.
`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
function isParseArgsError(error) {
  const code = error?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

// src/cli/index.ts
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`rescue: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exitCode = 3;
  }
);
