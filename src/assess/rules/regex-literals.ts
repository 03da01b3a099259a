/**
 * Literal strings that every match of a regular expression contains, so a file that contains none of them
 * cannot hold a node whose text the regex matches: `^(exec|system)$` needs `exec` or `system`,
 * `^request\.(args|form)` needs `request.`, `[Pp]assword` needs `Password` or `password`.
 *
 * Conservative by construction: whatever this parser does not understand (classes it cannot enumerate,
 * backreferences, flags-dependent syntax) stands for "any text", which only weakens the result; a syntax
 * it cannot read gives no literals at all. The result is a set of alternatives of which one must be a
 * substring of every match, or undefined when nothing useful is known (an alternative shorter than
 * MIN_LITERAL characters, found in nearly every file, makes the set useless).
 */
export function requiredLiterals(source: string): string[] | undefined {
  let info: Info;
  try {
    const parser = new RegexParser(source);
    info = parser.alternation();
    if (!parser.done()) return undefined;
  } catch {
    return undefined;
  }
  const best = requirement(info);
  return best && score(best) >= MIN_LITERAL ? [...best] : undefined;
}

/** Shorter literals are in almost every file: they filter nothing and cost a search. */
export const MIN_LITERAL = 3;
/** Expansions (`[Pp][Ww]`, alternations in sequence) beyond this many strings are given up. */
const MAX_STRINGS = 32;

interface Info {
  /** Every string the node can match, when that set is small and known. */
  readonly exact?: ReadonlySet<string>;
  /** One of these is a substring of every string the node matches. */
  readonly required?: ReadonlySet<string>;
}

const ANY: Info = {};
const EMPTY: Info = { exact: new Set(['']) };

/** How selective a requirement is: its shortest alternative. */
function score(set: ReadonlySet<string>): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return set.size === 0 ? 0 : min;
}

function better(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  return a.size <= b.size ? a : b;
}

function requirement(info: Info): ReadonlySet<string> | undefined {
  const r = better(info.required, info.exact);
  return r && score(r) > 0 ? r : undefined;
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_STRINGS) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  const out = new Set([...a, ...b]);
  return out.size > MAX_STRINGS ? undefined : out;
}

/** A run of items one after the other: exact strings multiply; the best requirement of any stretch wins. */
function sequence(items: readonly Info[]): Info {
  let run: ReadonlySet<string> | undefined = new Set(['']);
  let allExact = true;
  let best: ReadonlySet<string> | undefined;
  const close = (): void => {
    if (run) best = better(best, run.size && score(run) > 0 ? run : undefined);
  };
  for (const item of items) {
    if (item.exact) {
      const joined: ReadonlySet<string> | undefined = run && product(run, item.exact);
      if (joined) run = joined;
      else {
        close();
        allExact = false;
        run = item.exact;
      }
    } else {
      allExact = false;
      close();
      best = better(best, item.required && score(item.required) > 0 ? item.required : undefined);
      run = new Set(['']);
    }
  }
  close();
  return allExact && run ? { exact: run, required: best } : { required: best };
}

function alternatives(branches: readonly Info[]): Info {
  let exact: ReadonlySet<string> | undefined = new Set<string>();
  let required: ReadonlySet<string> | undefined = new Set<string>();
  for (const b of branches) {
    exact = exact && b.exact && union(exact, b.exact);
    const r = requirement(b);
    required = required && r && union(required, r);
  }
  return { exact, required };
}

function repeat(item: Info, min: number, max: number): Info {
  if (min === 0) {
    return max === 1 && item.exact ? { exact: union(item.exact, new Set([''])) } : ANY;
  }
  let exact: ReadonlySet<string> | undefined;
  if (max === min && item.exact) {
    exact = item.exact;
    for (let i = 1; i < min && exact; i++) exact = product(exact, item.exact);
  }
  return { exact, required: requirement(item) };
}

/** A recursive-descent reader of JavaScript regex syntax (no flags: tree-sitter's `#match?` uses none). */
class RegexParser {
  private i = 0;
  constructor(private readonly s: string) {}

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

  private atom(): Info {
    const c = this.s[this.i++]!;
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return ANY;
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
        return { exact: new Set([c]) };
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
        const e = this.escape(true);
        ch = e.exact?.size === 1 ? [...e.exact][0] : undefined;
        if (ch === undefined) known = false;
      } else ch = this.s[this.i++];
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        // A range: enumerated when short (`[0-1]`), otherwise any.
        this.i++;
        let to: string | undefined;
        if (this.s[this.i] === '\\') {
          this.i++;
          const e = this.escape(true);
          to = e.exact?.size === 1 ? [...e.exact][0] : undefined;
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
    return known && chars.size > 0 && chars.size <= 4 ? { exact: chars } : ANY;
  }

  /** After a backslash. Inside a class `\b` is a backspace; outside, a word boundary (matches nothing). */
  private escape(inClass: boolean): Info {
    const c = this.s[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    const one = (ch: string): Info => ({ exact: new Set([ch]) });
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return ANY;
      case 'b':
        return inClass ? one('\b') : EMPTY;
      case 'B':
        return EMPTY;
      case 'n': return one('\n');
      case 'r': return one('\r');
      case 't': return one('\t');
      case 'f': return one('\f');
      case 'v': return one('\v');
      case '0':
        if (!/[0-9]/.test(this.s[this.i] ?? '')) return one('\0');
        while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
        return ANY; // a legacy octal escape
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i));
        if (!m) return one('x');
        this.i += 2;
        return one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case 'u': {
        // Without the `u` flag `\u{41}` is `u` 41 times: only `\uHHHH` is an escape.
        const m = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
        if (!m) return one('u');
        this.i += 4;
        return one(String.fromCharCode(parseInt(m[0], 16)));
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
        return one(c);
    }
  }

  private skipBraces(open = '{', close = '}'): void {
    if (this.s[this.i] !== open) return;
    const end = this.s.indexOf(close, this.i);
    this.i = end < 0 ? this.s.length : end + 1;
  }
}
