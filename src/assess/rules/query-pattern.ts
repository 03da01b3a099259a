/**
 * A reader of tree-sitter query patterns: just enough structure for captures, predicates, node types and
 * anonymous nodes (prefilter.ts). Field names, anchors (`.`) and negated fields (`!f`) are atoms.
 */

export interface Element {
  readonly node: Group | Atom;
  /** Captures (`@name`) and quantifiers (`?`, `*`, `+`) after the node, in order. */
  readonly suffixes: readonly string[];
}

export interface Group {
  readonly kind: '(' | '[';
  readonly children: readonly Element[];
  /** `(#name? args...)`: a predicate, with its arguments as written (strings still quoted). */
  readonly predicate?: { readonly name: string; readonly args: readonly string[] };
}

export interface Atom {
  readonly kind: 'atom';
  readonly text: string;
}

/** Splits a query into its top-level patterns, as tree-sitter counts them (a top-level `[...]` is one). */
export function readPatterns(query: string): Element[][] {
  const reader = new QueryReader(query);
  const out: Element[][] = [];
  for (;;) {
    const element = reader.element();
    if (!element) break;
    out.push([element]);
  }
  return out;
}

class QueryReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private skipSpace(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ';') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (/\s/.test(c)) this.i++;
      else break;
    }
  }

  /** The next element, or undefined at the end or before a closing bracket. */
  element(): Element | undefined {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === undefined || c === ')' || c === ']') return undefined;
    let node: Group | Atom;
    if (c === '(' || c === '[') node = this.group(c);
    else if (c === '"') node = { kind: 'atom', text: this.string() };
    else node = { kind: 'atom', text: this.word() };
    const suffixes: string[] = [];
    for (;;) {
      this.skipSpace();
      const d = this.s[this.i];
      if (d === '?' || d === '*' || d === '+') {
        suffixes.push(d);
        this.i++;
      } else if (d === '@') suffixes.push(this.word());
      else break;
    }
    return { node, suffixes };
  }

  private group(open: '(' | '['): Group {
    this.i++;
    const close = open === '(' ? ')' : ']';
    this.skipSpace();
    if (open === '(' && this.s[this.i] === '#') {
      const name = this.word().slice(1);
      const args: string[] = [];
      for (;;) {
        this.skipSpace();
        const c = this.s[this.i];
        if (c === undefined) throw new Error('unclosed predicate');
        if (c === ')') break;
        args.push(c === '"' ? this.string() : this.word());
      }
      this.i++;
      return { kind: '(', children: [], predicate: { name, args } };
    }
    const children: Element[] = [];
    for (;;) {
      const child = this.element();
      if (!child) break;
      children.push(child);
    }
    if (this.s[this.i] !== close) throw new Error(`expected ${close}`);
    this.i++;
    return { kind: open, children };
  }

  private string(): string {
    const start = this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) throw new Error('unclosed string');
    this.i++;
    return this.s.slice(start, this.i);
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.s.length && !/[\s()[\]"@;?*+]/.test(this.s[this.i]!)) this.i++;
    // A capture name or a predicate name keeps its `?` / leading `@`: `@x`, `#eq?`.
    if (this.s[start] === '@' && this.i === start) this.i++;
    if (this.s[start] === '@') while (this.i < this.s.length && /[\w.-]/.test(this.s[this.i]!)) this.i++;
    if (this.s[start] === '#' && this.s[this.i] === '?') this.i++;
    if (this.i === start) throw new Error(`unexpected ${this.s[this.i]}`);
    return this.s.slice(start, this.i);
  }
}

/** tree-sitter's string escapes: `\n`, `\r`, `\t`, `\0`; any other escaped character stands for itself. */
export function unescapeQueryString(quoted: string): string {
  const body = quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
  return body.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '0' ? '\0' : c));
}

export function predicatesOf(elements: readonly Element[]): { name: string; args: readonly string[] }[] {
  const out: { name: string; args: readonly string[] }[] = [];
  const visit = (e: Element): void => {
    if (e.node.kind === 'atom') return;
    if (e.node.predicate) out.push(e.node.predicate);
    e.node.children.forEach(visit);
  };
  elements.forEach(visit);
  return out;
}
