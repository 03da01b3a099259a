// The token tables of grammar-tokens.ts, checked against the grammars the scanner parses with: each
// grammar's src/grammar.json (shipped next to its .wasm in node_modules). A token counts for a node type
// when every production of the node holds it with a required part after it (so tree-sitter's error
// recovery cannot have inserted it as a zero-width MISSING token), and a group `a/b` when every production
// holds one of them so; an anonymous node is safe when its token ends no production anywhere, is no alias
// and no external token.
import fs from 'node:fs';
import path from 'node:path';
import { GRAMMAR_TOKEN_TABLES, isSafeToken, tokensOfNode } from '../../src/assess/rules/grammar-tokens.js';
import { LANGUAGES, type Language } from '../../src/code/languages.js';

interface Rule {
  readonly type: string;
  readonly name?: string;
  readonly value?: string | number;
  readonly named?: boolean;
  readonly flags?: string;
  readonly content?: Rule;
  readonly members?: readonly Rule[];
}

interface GrammarJson {
  readonly word?: string;
  readonly rules: Readonly<Record<string, Rule>>;
  readonly externals?: readonly Rule[];
}

const GRAMMAR_FILES: Readonly<Record<Language, readonly string[]>> = {
  python: ['tree-sitter-python/src/grammar.json'],
  javascript: ['tree-sitter-javascript/src/grammar.json'],
  typescript: ['tree-sitter-typescript/typescript/src/grammar.json', 'tree-sitter-typescript/tsx/src/grammar.json'],
  java: ['tree-sitter-java/src/grammar.json'],
  go: ['tree-sitter-go/src/grammar.json'],
  c: ['tree-sitter-c/src/grammar.json'],
  cpp: ['tree-sitter-cpp/src/grammar.json'],
};

const WRAPPERS = new Set(['FIELD', 'ALIAS', 'PREC', 'PREC_LEFT', 'PREC_RIGHT', 'PREC_DYNAMIC', 'RESERVED']);

/** What grammar.json guarantees: per named node type, its required non-final tokens; the safe anonymous tokens. */
function analyse(g: GrammarJson): { types: Map<string, Set<string>>; safe: Set<string>; requiresOneOf: (type: string, tokens: readonly string[]) => boolean } {
  const rules = g.rules;
  const externals = new Set((g.externals ?? []).filter((e) => e.type === 'STRING').map((e) => String(e.value)));
  const nullableMemo = new Map<Rule, boolean>();
  const nullable = (r: Rule, stack: readonly string[] = []): boolean => {
    const known = nullableMemo.get(r);
    if (known !== undefined) return known;
    let v: boolean;
    switch (r.type) {
      case 'BLANK': case 'REPEAT': v = true; break;
      case 'STRING': v = r.value === ''; break;
      case 'PATTERN': v = new RegExp(`^(?:${String(r.value)})$`, r.flags ?? '').test(''); break;
      case 'SEQ': v = r.members!.every((m) => nullable(m, stack)); break;
      case 'CHOICE': v = r.members!.some((m) => nullable(m, stack)); break;
      case 'REPEAT1': case 'TOKEN': case 'IMMEDIATE_TOKEN': v = nullable(r.content!, stack); break;
      case 'SYMBOL': {
        const target = rules[r.name!];
        v = target !== undefined && !stack.includes(r.name!) && nullable(target, [...stack, r.name!]);
        break;
      }
      default:
        if (!WRAPPERS.has(r.type)) throw new Error(`unknown rule type ${r.type}`);
        v = nullable(r.content!, stack);
    }
    nullableMemo.set(r, v);
    return v;
  };
  // Where each token occurs, and whether it ends a production somewhere (a symbol or a repetition starts one).
  const occurs = new Set<string>();
  const final = new Set<string>();
  const anonymousAliases = new Set<string>();
  const visit = (r: Rule, last: boolean): void => {
    switch (r.type) {
      case 'STRING': occurs.add(String(r.value)); if (last) final.add(String(r.value)); return;
      case 'SEQ': r.members!.forEach((m, i) => visit(m, last && r.members!.slice(i + 1).every((x) => nullable(x)))); return;
      case 'CHOICE': r.members!.forEach((m) => visit(m, last)); return;
      case 'REPEAT': case 'REPEAT1': visit(r.content!, true); return;
      case 'TOKEN': case 'IMMEDIATE_TOKEN': case 'PATTERN': case 'BLANK': case 'SYMBOL': return;
      case 'ALIAS': if (!r.named) anonymousAliases.add(String(r.value)); visit(r.content!, last); return;
      default: visit(r.content!, last);
    }
  };
  for (const r of Object.values(rules)) visit(r, true);
  const safe = new Set([...occurs].filter((t) => !final.has(t) && !anonymousAliases.has(t) && !externals.has(t)));
  // Tokens every match of a rule holds, not at the end of a production.
  const requiredMemo = new Map<string, Set<string>>();
  const required = (r: Rule, stack: readonly string[], last: boolean): Set<string> => {
    switch (r.type) {
      case 'BLANK': case 'REPEAT': case 'PATTERN': case 'TOKEN': case 'IMMEDIATE_TOKEN': return new Set();
      case 'STRING': return last || externals.has(String(r.value)) ? new Set() : new Set([String(r.value)]);
      case 'SEQ': {
        const out = new Set<string>();
        r.members!.forEach((m, i) => {
          for (const s of required(m, stack, last && r.members!.slice(i + 1).every((x) => nullable(x)))) out.add(s);
        });
        return out;
      }
      case 'CHOICE': {
        const sets = r.members!.map((m) => required(m, stack, last));
        return new Set([...sets[0]!].filter((t) => sets.every((s) => s.has(t))));
      }
      case 'REPEAT1': return required(r.content!, stack, true);
      case 'SYMBOL': {
        const target = rules[r.name!];
        if (!target || stack.includes(r.name!)) return new Set();
        let v = requiredMemo.get(r.name!);
        if (!v) requiredMemo.set(r.name!, (v = required(target, [...stack, r.name!], true)));
        return v;
      }
      default: return required(r.content!, stack, last);
    }
  };
  // A named type is its rule's nodes and every named alias to it.
  const aliasContents = new Map<string, Rule[]>();
  const walk = (r: Rule): void => {
    if (r.type === 'ALIAS' && r.named) aliasContents.set(String(r.value), [...(aliasContents.get(String(r.value)) ?? []), r.content!]);
    if (r.content) walk(r.content);
    r.members?.forEach(walk);
  };
  Object.values(rules).forEach(walk);
  const types = new Map<string, Set<string>>();
  const names = new Set([...Object.keys(rules).filter((n) => !n.startsWith('_')), ...aliasContents.keys()]);
  for (const name of names) {
    const sources = [...(rules[name] && !name.startsWith('_') ? [rules[name]!] : []), ...(aliasContents.get(name) ?? [])];
    const sets = sources.map((s) => required(s, [name], true));
    types.set(name, new Set([...sets[0]!].filter((t) => sets.every((s) => s.has(t)))));
  }
  // Whether every match of a rule holds one of the tokens, not at the end of a production (for a group).
  const oneOf = (r: Rule, set: ReadonlySet<string>, stack: readonly string[], last: boolean): boolean => {
    switch (r.type) {
      case 'BLANK': case 'REPEAT': case 'PATTERN': case 'TOKEN': case 'IMMEDIATE_TOKEN': return false;
      case 'STRING': return !last && !externals.has(String(r.value)) && set.has(String(r.value));
      case 'SEQ': return r.members!.some((m, i) => oneOf(m, set, stack, last && r.members!.slice(i + 1).every((x) => nullable(x))));
      case 'CHOICE': return r.members!.every((m) => oneOf(m, set, stack, last));
      case 'REPEAT1': return oneOf(r.content!, set, stack, true);
      case 'SYMBOL': {
        const target = rules[r.name!];
        return target !== undefined && !stack.includes(r.name!) && oneOf(target, set, [...stack, r.name!], true);
      }
      default: return oneOf(r.content!, set, stack, last);
    }
  };
  const requiresOneOf = (type: string, tokens: readonly string[]): boolean => {
    const sources = [...(rules[type] && !type.startsWith('_') ? [rules[type]!] : []), ...(aliasContents.get(type) ?? [])];
    return sources.length > 0 && sources.every((s) => oneOf(s, new Set(tokens), [type], true));
  };
  return { types, safe, requiresOneOf };
}

const root = path.join(process.cwd(), 'node_modules');
const analysed = new Map<Language, ReturnType<typeof analyse>[]>();
const grammarsOf = (language: Language) => {
  let out = analysed.get(language);
  if (!out) {
    out = GRAMMAR_FILES[language].map((f) => {
      const g = JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as GrammarJson;
      // Keywords are lexed through the word rule (an identifier): the end-of-word check relies on it.
      expect(g.word).toBe('identifier');
      return analyse(g);
    });
    analysed.set(language, out);
  }
  return out;
};

test.each(LANGUAGES.map((l) => [l]))('%s: every listed node token is in every node of the type, never as its last token', (language) => {
  const listed = GRAMMAR_TOKEN_TABLES.NODE_TOKENS[language].split(/\s+/).map((e) => e.split(':') as [string, string]);
  expect(listed.length).toBeGreaterThan(0);
  for (const grammar of grammarsOf(language)) {
    for (const [type, tokens] of listed) {
      const known = grammar.types.get(type);
      expect({ type, known: known !== undefined }).toEqual({ type, known: true });
      for (const group of tokens.split('|').map((g) => g.split('/'))) {
        const required = group.length === 1 ? known!.has(group[0]!) : grammar.requiresOneOf(type, group);
        expect({ type, group, required }).toEqual({ type, group, required: true });
      }
    }
  }
  for (const [type, tokens] of listed) expect(tokensOfNode(language, type)).toEqual(tokens.split('|').map((g) => g.split('/')));
});

test.each(LANGUAGES.map((l) => [l]))('%s: every listed safe token ends no production and is no alias', (language) => {
  const listed = GRAMMAR_TOKEN_TABLES.SAFE_TOKENS[language].split(/\s+/);
  for (const grammar of grammarsOf(language)) for (const token of listed) expect({ token, safe: grammar.safe.has(token) }).toEqual({ token, safe: true });
  for (const token of listed) expect(isSafeToken(language, token)).toBe(true);
});

test('the analysis itself: a final or optional token is not required, a token in one branch only is not', () => {
  const g: GrammarJson = {
    word: 'identifier',
    rules: {
      program: { type: 'REPEAT', content: { type: 'SYMBOL', name: 'stmt' } },
      stmt: { type: 'CHOICE', members: [{ type: 'SYMBOL', name: 'loop' }, { type: 'SYMBOL', name: 'jump' }, { type: 'SYMBOL', name: 'pick' }] },
      // `loop x end`: `loop` has `x` after it; `end` is last; `opt` may be left out.
      loop: { type: 'SEQ', members: [{ type: 'STRING', value: 'loop' }, { type: 'CHOICE', members: [{ type: 'STRING', value: 'opt' }, { type: 'BLANK' }] }, { type: 'SYMBOL', name: 'identifier' }, { type: 'STRING', value: 'end' }] },
      // `goto x` or `goto` alone: `goto` may end the production.
      jump: { type: 'SEQ', members: [{ type: 'STRING', value: 'goto' }, { type: 'CHOICE', members: [{ type: 'SYMBOL', name: 'identifier' }, { type: 'BLANK' }] }] },
      pick: { type: 'CHOICE', members: [{ type: 'SEQ', members: [{ type: 'STRING', value: 'left' }, { type: 'SYMBOL', name: 'identifier' }] }, { type: 'SEQ', members: [{ type: 'STRING', value: 'right' }, { type: 'SYMBOL', name: 'identifier' }] }] },
      identifier: { type: 'PATTERN', value: '[a-z]+' },
    },
  };
  const { types, safe, requiresOneOf } = analyse(g);
  expect([...types.get('loop')!]).toEqual(['loop']);
  // `left x` or `right x`: one of the two, though neither alone; `goto` may be last, `end` is.
  expect(requiresOneOf('pick', ['left', 'right'])).toBe(true);
  expect(requiresOneOf('pick', ['left'])).toBe(false);
  expect(requiresOneOf('jump', ['goto', 'x'])).toBe(false);
  expect(requiresOneOf('loop', ['end', 'opt'])).toBe(false);
  expect(requiresOneOf('loop', ['end', 'loop'])).toBe(true);
  expect([...types.get('jump')!]).toEqual([]);
  expect([...types.get('pick')!]).toEqual([]);
  expect([...safe].sort()).toEqual(['left', 'loop', 'opt', 'right']);
});
