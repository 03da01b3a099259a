import { alternatives, ANY, ANY_CHAR, EMPTY, foldAscii, minimal, MIN_SCORE, repeat, requirement, score, sequence, type Info } from './regex-info.js';

export { foldAscii, isPunctuationPair, MIN_LITERAL } from './regex-info.js';

/**
 * Literal strings that every match of a regular expression contains, so a file that contains none of them
 * cannot hold a node whose text the regex matches: `^(exec|system)$` needs `exec` or `system`,
 * `^request\.(args|form)` needs `request.`, `[Pp]assword` needs `Password` or `password`.
 *
 * Conservative by construction: whatever this parser does not understand (classes it cannot enumerate,
 * backreferences, flags-dependent syntax) stands for "any text", which only weakens the result; a syntax
 * it cannot read gives no literals at all. The result is a set of alternatives of which one must be a
 * substring of every match, or undefined when nothing useful is known (an alternative shorter than
 * MIN_LITERAL characters, found in nearly every file, makes the set useless, unless it is a pair of
 * punctuation characters: `"(`, `'"`; regex-info.ts, isPunctuationPair).
 *
 * Besides the strings a part matches exactly, the reader keeps the strings every match of a part starts
 * and ends with: `"` before `(Location|X-[A-Za-z-]+)` needs `"Location` or `"X-`, a group whose every
 * alternative ends in a quantifier character followed by `)+` needs `+)+`, `*)+`, ... A required set is
 * kept minimal (a string containing another member adds nothing: the text then contains that member too).
 *
 * `fold`: the same analysis with ASCII letters lower-cased, for a regex whose cased spellings are too many
 * (`[Pp]assword|PASSWORD|[Ss]ecret_?[Kk]ey|...`): the literals are then lower case and must be looked
 * for in the text with its ASCII letters lower-cased. Lower-casing letter by letter maps every match of the
 * regex to a match of the lower-cased regex, so what every match of the latter contains, the lower-cased
 * text contains.
 */
export function requiredLiterals(source: string, fold = false): string[] | undefined {
  let info: Info;
  try {
    const parser = new RegexParser(source, fold);
    info = parser.alternation();
    if (!parser.done()) return undefined;
  } catch {
    return undefined;
  }
  const best = requirement(info);
  return best && score(best) >= MIN_SCORE ? [...minimal(best)] : undefined;
}

/**
 * The needles of a regex for a prefilter: its literals as written, or when it has none (too many spellings:
 * `[Pp]assword|PASSWORD|[Ss]ecret_?[Kk]ey|...`), its lower-cased literals, to look for lower-cased.
 */
export function regexNeedles(source: string): { readonly texts: readonly string[]; readonly fold: boolean } | undefined {
  const cased = requiredLiterals(source);
  if (cased) return { texts: cased, fold: false };
  const folded = requiredLiterals(source, true);
  return folded && { texts: folded, fold: true };
}

/** A recursive-descent reader of JavaScript regex syntax (no flags: tree-sitter's `#match?` uses none). */
class RegexParser {
  private i = 0;
  constructor(
    private readonly s: string,
    /** Read every literal character lower-cased (ASCII letters only). */
    private readonly fold: boolean,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : alternatives(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (!this.done() && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return sequence(items);
  }

  private quantified(item: Info): Info {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return item; // a literal `{`, read as such by the atom that follows
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return item;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy
    return this.quantified(repeat(item, min, max));
  }

  private one(ch: string): Info {
    return { exact: new Set([this.fold ? foldAscii(ch) : ch]) };
  }

  private atom(): Info {
    const c = this.s[this.i++]!;
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return ANY_CHAR;
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape(false);
      case '*':
      case '+':
      case '?':
        throw new Error('nothing to repeat');
      default:
        return this.one(c);
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.s.startsWith('?:', this.i)) this.i += 2;
    else if (/^\?<?[=!]/.test(this.s.slice(this.i, this.i + 3))) {
      lookaround = true;
      this.i += this.s[this.i + 1] === '<' ? 3 : 2;
    } else if (this.s.startsWith('?<', this.i)) {
      const end = this.s.indexOf('>', this.i);
      if (end < 0) throw new Error('bad group name');
      this.i = end + 1;
    } else if (this.s[this.i] === '?') throw new Error('unknown group');
    const inner = this.alternation();
    if (this.s[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    // A lookaround consumes nothing: as far as the matched text goes it is the empty string.
    return lookaround ? EMPTY : inner;
  }

  /** A class with a few explicit characters (`[Pp]`, `[.]`, `[-_]`) is those characters; others are any. */
  private charClass(): Info {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let known = !negated;
    while (!this.done() && this.s[this.i] !== ']') {
      let ch: string | undefined;
      if (this.s[this.i] === '\\') {
        this.i++;
        ch = this.classEscape();
        if (ch === undefined) known = false;
      } else ch = this.s[this.i++];
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        // A range: enumerated when short (`[0-1]`), otherwise any.
        this.i++;
        let to: string | undefined;
        if (this.s[this.i] === '\\') {
          this.i++;
          to = this.classEscape();
        } else to = this.s[this.i++];
        if (ch === undefined || to === undefined) known = false;
        else {
          const a = ch.codePointAt(0)!;
          const b = to.codePointAt(0)!;
          if (b < a) throw new Error('bad range');
          if (b - a > 8) known = false;
          else for (let k = a; k <= b; k++) chars.add(String.fromCodePoint(k));
        }
        continue;
      }
      if (ch !== undefined) chars.add(ch);
    }
    if (this.s[this.i] !== ']') throw new Error('unclosed class');
    this.i++;
    const listed = this.fold ? new Set([...chars].map(foldAscii)) : chars;
    return known && listed.size > 0 && listed.size <= 4 ? { exact: listed } : ANY_CHAR;
  }

  /** The one character an escape in a class stands for, read as written (not folded), or undefined. */
  private classEscape(): string | undefined {
    const e = new RegexParser(this.s, false);
    e.i = this.i;
    const info = e.escape(true);
    this.i = e.i;
    return info.exact?.size === 1 ? [...info.exact][0] : undefined;
  }

  /** After a backslash. Inside a class `\b` is a backspace; outside, a word boundary (matches nothing). */
  private escape(inClass: boolean): Info {
    const c = this.s[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return ANY_CHAR;
      case 'b':
        return inClass ? this.one('\b') : EMPTY;
      case 'B':
        return EMPTY;
      case 'n': return this.one('\n');
      case 'r': return this.one('\r');
      case 't': return this.one('\t');
      case 'f': return this.one('\f');
      case 'v': return this.one('\v');
      case '0':
        if (!/[0-9]/.test(this.s[this.i] ?? '')) return this.one('\0');
        while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
        return ANY; // a legacy octal escape
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i));
        if (!m) return this.one('x');
        this.i += 2;
        return this.one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case 'u': {
        // Without the `u` flag `\u{41}` is `u` 41 times: only `\uHHHH` is an escape.
        const m = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
        if (!m) return this.one('u');
        this.i += 4;
        return this.one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case 'c':
        if (/[A-Za-z]/.test(this.s[this.i] ?? '')) this.i++;
        return ANY;
      case 'k':
        this.skipBraces('<', '>');
        return ANY;
      default:
        if (/[1-9]/.test(c)) {
          while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
          return ANY; // a backreference: any text
        }
        return this.one(c);
    }
  }

  private skipBraces(open = '{', close = '}'): void {
    if (this.s[this.i] !== open) return;
    const end = this.s.indexOf(close, this.i);
    this.i = end < 0 ? this.s.length : end + 1;
  }
}

/**
 * The texts a regex matches a whole text to, when it is a list of literal strings anchored at both ends:
 * `^(a|b)$`, `^(?:a|b)$`, `^a$`, and the `^(?:(a|b)$)` that `#not-match?` of `^(?!(a|b)$)` amounts to
 * (prefilter.ts, negatedLookahead). A literal is characters other than `.^$*+?()[]{}|\\` and punctuation
 * escaped with `\\`. Undefined for any other regex.
 */
export function exactTexts(source: string): string[] | undefined {
  let body = source;
  const wrapped = /^\^\(\?:(.*)\)$/s.exec(body);
  if (wrapped && balanced(wrapped[1]!)) body = `^${wrapped[1]!}`;
  const m = /^\^(?:\((?:\?:)?([^()]*)\)|([^()|]*))\$$/s.exec(body);
  const list = m?.[1] ?? m?.[2];
  if (list === undefined) return undefined;
  const texts: string[] = [];
  for (const alt of list.split('|')) {
    let text = '';
    for (let i = 0; i < alt.length; i++) {
      const c = alt[i]!;
      if (c === '\\') {
        const next = alt[++i];
        if (next === undefined || /[\w\s]/.test(next)) return undefined;
        text += next;
      } else if ('.^$*+?()[]{}|'.includes(c)) {
        return undefined;
      } else text += c;
    }
    if (text.length === 0) return undefined;
    texts.push(text);
  }
  // What the reading above says, checked against the regex itself.
  const re = new RegExp(source);
  return texts.every((t) => re.test(t) && !re.test(`${t}x`) && !re.test(`x${t}`)) ? texts : undefined;
}

/** Every `(` closed in order (escapes skipped; a regex with character classes holding parens is not read). */
function balanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[') return false;
    else if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
