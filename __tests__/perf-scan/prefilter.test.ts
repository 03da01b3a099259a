// Prefilters never drop a rule that could match: the literals of a regex are in every string it matches,
// every KB rule is live on its own positive snippet, and a scan with prefilters, lazy compilation and
// combined queries gives what running every rule one by one gives.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { Query } from 'web-tree-sitter';
import { cweSourceSchema, type RuleSource } from '../../src/kb/source-schema.js';
import { exactTexts, foldAscii, isPunctuationPair, regexNeedles, requiredLiterals } from '../../src/assess/rules/regex-literals.js';
import { NeedleIndex, negatedLookahead, rulePrefilter, unescapeQueryString, type Prefilter } from '../../src/assess/rules/prefilter.js';
import { attachTopLevelPredicates } from '../../src/assess/rules/query-text.js';
import { grammarsOf } from '../../src/assess/rules/compile.js';
import { loadLanguage, parse } from '../../src/code/parser.js';

const dir = path.join(process.cwd(), 'kb', 'sources');
const rules: RuleSource[] = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const parsed = cweSourceSchema.safeParse(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (parsed.success) rules.push(...parsed.data.rules);
}

const SECRET_NAME =
  '^[\"\']?([A-Za-z0-9_]*[_a-z])?([Pp]assword|PASSWORD|[Pp]asswd|PASSWD|[Ss]ecret|SECRET|[Ss]ecret_?[Kk]ey|SECRET_?KEY|[Aa]pi_?[Kk]ey|API_?KEY|' +
  '[Cc]lient_?[Ss]ecret|CLIENT_?SECRET|[Pp]rivate_?[Kk]ey|PRIVATE_?KEY|([Aa]ccess|[Aa]uth|[Bb]earer|[Aa]pi|[Rr]efresh|[Bb]ot)_?[Tt]oken|' +
  '(ACCESS|AUTH|BEARER|API|REFRESH|BOT)_?TOKEN)[\"\']?$';

/** Every `#match?` regex of the KB's queries (and what a `#not-match?` of `^(?!R)` amounts to) and every `where` value regex. */
function kbRegexes(): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    for (const m of r.query.matchAll(/\(#(?:not-)?(?:any-)?match\?\s+@[\w.-]+\s+("(?:[^"\\]|\\.)*")/g)) {
      const source = unescapeQueryString(m[1]!);
      out.add(source);
      const positive = negatedLookahead(source);
      if (positive !== undefined) out.add(positive);
    }
    for (const c of r.where) if ('value' in c && c.value !== undefined) out.add(c.value);
  }
  return [...out];
}

test('the literals of a regex: conservative on hand-picked cases', () => {
  expect(requiredLiterals('^(exec|system)$')).toEqual(['exec', 'system']);
  expect(requiredLiterals('password|secret')).toEqual(['password', 'secret']);
  expect(requiredLiterals('^request\\.(args|form)')).toEqual(['request.args', 'request.form']);
  expect(requiredLiterals('[Pp]assword')).toEqual(['Password', 'password']);
  expect(requiredLiterals('^ev')).toBeUndefined(); // too short to filter anything
  expect(requiredLiterals('a.*b|c')).toBeUndefined();
  expect(requiredLiterals('(foo)?bar')).toEqual(['bar']); // `foobar` holds `bar`: a text with one has the other
  expect(requiredLiterals('x\\u{41}')).toEqual(['x' + 'u'.repeat(41)]); // no `u` flag: `u` 41 times
  expect(requiredLiterals('(?=secret)\\w+')).toBeUndefined();
  expect(requiredLiterals('[')).toBeUndefined();
});

/** Shapes the KB may not have yet: optional and repeated parts next to literals, alternatives, classes, case. */
const MORE_REGEXES = [
  'abc(x*yz)?de',
  '(ab|cd)+(ef)?ghi',
  '^"(Location|X-[A-Za-z-]+): ',
  '\\((?:[a-z](?:[+*]|\\{[0-9,]+\\}))+\\)[+*]',
  'x(yz)*wvu',
  '(?:[Aa]b[Cc]|DEF)_?(gh|IJ)',
  '[Pp]ass(word)?|PASS(WORD)?',
  SECRET_NAME,
];

test.each([...kbRegexes(), ...MORE_REGEXES])('every string %j matches contains one of its literals', (source) => {
  const found = regexNeedles(source);
  if (!found) return;
  const literals = found.texts;
  const seen = (text: string): string => (found.fold ? foldAscii(text) : text);
  const re = new RegExp(source);
  // fast-check generates from a subset of regex syntax: without `\b` it covers the KB's; else no samples.
  let matching: fc.Arbitrary<string>;
  try {
    matching = fc.stringMatching(new RegExp(source.replace(/\\b/g, '')));
  } catch {
    return;
  }
  fc.assert(
    fc.property(matching, fc.string(), fc.string(), (s, before, after) => {
      const text = before + s + after;
      if (!re.test(text)) return true;
      return literals.some((l) => seen(text).includes(l));
    }),
    { numRuns: 200 },
  );
});

test.each(rules.map((r) => [r.id, r] as const))('%s is live on its positive snippet, and its patterns are what tree-sitter counts', async (_id, rule) => {
  const prefilter = rulePrefilter(rule);
  expect(new NeedleIndex(rule.tests.positive).passes(prefilter)).toBe(true);
  if (rule.tests.fixed !== undefined) new NeedleIndex(rule.tests.fixed).passes(prefilter); // must not throw
  if (prefilter) {
    const language = await loadLanguage(grammarsOf(rule)[0]!);
    expect(prefilter.length).toBe(new Query(language, attachTopLevelPredicates(rule.query)).patternCount());
  }
});

test('needles: words as whole words, others as substrings', () => {
  const pf = rulePrefilter({ query: '((call function: (identifier) @f) @c (#eq? @f "run") (#match? @c "shell=True"))', where: [] })!;
  expect(new NeedleIndex('run(x, shell=True)').passes(pf)).toBe(true);
  expect(new NeedleIndex('runner(x, shell=True)').passes(pf)).toBe(false);
  expect(new NeedleIndex('run(x, shell=False)').passes(pf)).toBe(false);
  // #eq? on a capture that may be unbound passes in web-tree-sitter: it gives no needle.
  expect(rulePrefilter({ query: '((call function: (identifier)? @f) @c (#eq? @f "run"))', where: [] })).toBeUndefined();
  expect(rulePrefilter({ query: '((call function: [(identifier) @f (attribute)]) @c (#eq? @f "run"))', where: [] })).toBeUndefined();
  // resolvesTo: the last segment of the name, as a substring.
  const resolved = rulePrefilter({ query: '(call function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['subprocess.check_output'] }] })!;
  expect(new NeedleIndex('from subprocess import check_output as co\nco(x)').passes(resolved)).toBe(true);
  expect(new NeedleIndex('import subprocess\nsubprocess.run(x)').passes(resolved)).toBe(false);
  expect(rulePrefilter({ query: '(call function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['java.lang.*'] }] })).toBeUndefined();
});

/** The needles of a prefilter as short strings: `k:` keyword, `a:` keyword alone, `f:` folded, `w:` word; clauses ` & `, patterns ` || `. */
function show(pf: Prefilter | undefined): string | undefined {
  return pf
    ?.map((clauses) => clauses.map((c) => c.map((n) => (n.alone ? 'a:' : n.keyword ? 'k:' : n.fold ? 'f:' : n.word ? 'w:' : '') + n.text).join('|')).join(' & '))
    .join(' || ');
}

test('regex literals: spellings too many to list are looked for lower-cased', () => {
  // As written: more than MAX_STRINGS spellings, so no literals...
  expect(requiredLiterals(SECRET_NAME)).toBeUndefined();
  // ...lower-cased: a few (a required set is minimal: `secret` covers `secret_key` and `client_secret`).
  const found = regexNeedles(SECRET_NAME)!;
  expect(found.fold).toBe(true);
  expect(found.texts).toEqual(expect.arrayContaining(['password', 'passwd', 'secret', 'api_key', 'apikey', 'private_key', 'access_token', 'bottoken']));
  expect(found.texts).not.toContain('secret_key');
  expect(found.texts).not.toContain('client_secret');
  // The needles are found in the text lower-cased, whatever the case of the name.
  const pf = rulePrefilter({ query: `((identifier) @name (#match? @name ${JSON.stringify(SECRET_NAME)}))`, where: [] });
  expect(show(pf)).toContain('f:password');
  for (const text of ['DB_PASSWORD = "x"', 'dbPassword = "x"', 'stripe_api_key = "x"', 'const GithubAccessToken = "x"', 'Client_Secret = 1']) {
    expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, true]);
  }
  for (const text of ['user = "x"', 'token = "x"', 'pass_word = 1']) expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, false]);
  // Literals as written stay as written when there are few.
  expect(regexNeedles('[Pp]assword')).toEqual({ texts: ['Password', 'password'], fold: false });
  expect(requiredLiterals('[Pp]ass(word)?', true)).toEqual(['pass']);
});

test('regex literals: what a part starts and ends with joins its neighbours', () => {
  // `"` alone is too short; followed by the alternation's first characters it is not.
  expect(requiredLiterals('^"(Location|Set-Cookie|X-[A-Za-z-]+): [^"]*"$')).toEqual(['"Location', '"Set-Cookie', '"X-']);
  // Every repeated part ends in a quantifier character, then `)` and a quantifier.
  expect(requiredLiterals('\\((?:[a-z](?:[+*]|\\{[0-9,]+\\}))+\\)[+*]')?.sort()).toEqual(['*)*', '*)+', '+)*', '+)+', '})*', '})+']);
  // An optional part says nothing about what must be there: no `://` from `([a-z]+://)?`.
  expect(requiredLiterals('^"([a-z]+://)?[^:/@" ]+@')).toBeUndefined();
  expect(requiredLiterals('^x([a-z]+://)*y')).toBeUndefined();
  // After an optional part, either the old tail or the part's end: `abc` or `yz` before `de`.
  expect(requiredLiterals('abc(x*yz)?de')?.sort()).toEqual(['abcde', 'yzde']);
  // One alternative may be empty: then the alternation starts with nothing in particular.
  expect(requiredLiterals('"(abc|)[0-9]')).toBeUndefined();
});

test('#not-match? with a negative lookahead is a #match? where the capture is bound', () => {
  expect(negatedLookahead('^(?!(std::)?free$)')).toBe('^(?:(std::)?free$)');
  expect(negatedLookahead('^(?!a)(?!b)')).toBeUndefined(); // the lookahead ends before the end
  expect(negatedLookahead('^(?!a)|b')).toBeUndefined();
  expect(negatedLookahead('(?!a)')).toBeUndefined();
  const q = (call: string) => `(${call} (#not-match? @f "^(?!(release|destroy)$)"))`;
  const pf = rulePrefilter({ query: q('(call function: (identifier) @f)'), where: [] });
  expect(show(pf)).toBe('w:release|w:destroy'); // the whole text: whole words
  expect(new NeedleIndex('destroy(p); p->x = 1;').passes(pf)).toBe(true);
  expect(new NeedleIndex('free(p); p->x = 1;').passes(pf)).toBe(false);
  expect(new NeedleIndex('destroyed(p); p->x = 1;').passes(pf)).toBe(false);
  // Unbound (optional, or in one branch only), the predicate passes: no needle.
  expect(rulePrefilter({ query: q('(call function: (identifier)? @f)'), where: [] })).toBeUndefined();
  expect(rulePrefilter({ query: q('(call function: [(identifier) @f (field_expression)])'), where: [] })).toBeUndefined();
  // Not the negative-lookahead shape: a plain #not-match? says nothing.
  expect(rulePrefilter({ query: '((identifier) @f (#not-match? @f "^free$"))', where: [] })).toBeUndefined();
});

test('a whole text to match ends where a word would: `std::size` is not in `std::size_t`', () => {
  expect(exactTexts('^(?:(std::size|ARRAY_SIZE)$)')).toEqual(['std::size', 'ARRAY_SIZE']);
  expect(exactTexts('^(?:a\\.b|c)$')).toEqual(['a.b', 'c']);
  expect(exactTexts('^free$')).toEqual(['free']);
  for (const re of ['^(a|b)', '(a|b)$', '^(?:(std::)?free$)', '^(a|b)$|c', '^a.b$', '^[ab]$', '^a\\w$', '^(?:a)|(b)$', '^(a||b)$']) expect([re, exactTexts(re)]).toEqual([re, undefined]);
  const pf = rulePrefilter({ query: '((call function: (qualified_identifier) @f) (#not-match? @f "^(?!(std::size|countof)$)"))', where: [] });
  expect(show(pf)).toBe('k:std::size|w:countof');
  for (const text of ['n = std::size(a);', 'std::size', 'x=std::size\n', 'n = countof(a)']) expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, true]);
  for (const text of ['std::size_t n = 0;', 'std::sizes(a)', 'std::size2', 'mycountof(a)', '']) expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, false]);
  const eq = rulePrefilter({ query: '((member_expression) @m (#eq? @m "process.env"))', where: [] });
  expect(show(eq)).toBe('k:process.env');
  expect(new NeedleIndex('const e = process.env;').passes(eq)).toBe(true);
  expect(new NeedleIndex('const e = process.environment;').passes(eq)).toBe(false);
});

test('structure: node types with a keyword, anonymous nodes, alternations', () => {
  const pf = (query: string, language: 'c' | 'cpp' | 'javascript' | 'go' = 'c') => show(rulePrefilter({ query, where: [], language }));
  expect(pf('(for_statement) @loop')).toBe('k:for');
  expect(pf('(for_statement body: (expression_statement (sizeof_expression))) @loop')).toBe('k:for & k:sizeof');
  expect(show(rulePrefilter({ query: '(for_statement) @loop', where: [] }))).toBeUndefined(); // no language: no grammar knowledge
  // Under `?` or `*`, nothing; under `+`, as required.
  expect(pf('(compound_statement (for_statement)? @loop)')).toBeUndefined();
  expect(pf('(compound_statement (for_statement)* @loop)')).toBeUndefined();
  expect(pf('(compound_statement (for_statement)+ @loop)')).toBe('k:for');
  // An alternation: a clause of each branch, joined; nothing when a branch has none.
  expect(pf('[(for_statement) (while_statement)] @loop')).toBe('k:for|k:while');
  expect(pf('[(for_statement) (if_statement)] @loop')).toBeUndefined();
  expect(pf('(for_statement [(sizeof_expression) (while_statement)]) @loop')).toBe('k:for & k:sizeof|k:while');
  // A clause every branch has stays a clause of its own.
  expect(pf('[(for_statement (sizeof_expression)) (for_statement (while_statement))] @loop')).toBe('k:for & k:sizeof|k:while');
  // Anonymous nodes: only the grammar's safe tokens (of MIN_LITERAL characters, or short ones: below).
  expect(pf('(binary_expression operator: "===") @cmp', 'javascript')).toBe('===');
  expect(pf('(binary_expression operator: "==="? ) @cmp', 'javascript')).toBeUndefined();
  expect(pf('(binary_expression operator: ["===" "!=="]) @cmp', 'javascript')).toBe('===|!==');
  expect(pf('(binary_expression operator: ["===" "=="]) @cmp', 'javascript')).toBe('===|==');
  expect(pf('(binary_expression operator: ["===" "<"]) @cmp', 'javascript')).toBeUndefined();
  // `new` ends a production in C++ (`operator new`): as an anonymous node it may be a MISSING token...
  expect(pf('(_ "new") @x', 'cpp')).toBeUndefined();
  // ...but every new_expression holds it with more after it.
  expect(pf('(new_expression) @x', 'cpp')).toBe('k:new');
  // A MISSING node is empty; an ERROR node's content is unknown.
  expect(pf('(MISSING "sizeof") @x')).toBeUndefined();
  expect(pf('(ERROR (for_statement)) @x')).toBeUndefined();
  expect(pf('(defer_statement) @d', 'go')).toBe('k:defer');
});

test('keyword needles: the word not followed by a letter, digit or _', () => {
  const pf = rulePrefilter({ query: '(for_statement) @loop', where: [], language: 'javascript' });
  for (const text of ['for (const k in o) {}', 'x;for(;;){}', 'for', 'a.for$b', 'xfor (;;)']) expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, true]);
  for (const text of ['items.forEach(f)', 'format(x)', 'for_each(x)', 'for2 = 1', '']) expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, false]);
});

test('#eq? in alternation branches: a needle only where every branch binds the capture', () => {
  const both = rulePrefilter({ query: '([(call function: (identifier) @f) (call function: (attribute attribute: (identifier) @f))] (#eq? @f "run"))', where: [] });
  expect(show(both)).toBe('w:run');
  const one = rulePrefilter({ query: '([(call function: (identifier) @f) (call function: (attribute))] (#eq? @f "run"))', where: [] });
  expect(one).toBeUndefined();
});

test('resolvesTo: a segment shorter than MIN_LITERAL is looked for at the end of a word', () => {
  const pf = rulePrefilter({ query: '(call_expression function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['html/template.JS', 'html/template.HTML'] }] });
  expect(show(pf)).toBe('k:JS|HTML');
  expect(new NeedleIndex('import "html/template"\nv := template.JS(s)').passes(pf)).toBe(true);
  expect(new NeedleIndex('json.Marshal(v); JSON(v); JSX').passes(pf)).toBe(false);
  // A one-character segment is still too short: no clause.
  expect(rulePrefilter({ query: '(call_expression function: (_) @fn) @c', where: [{ capture: 'fn', resolvesTo: ['pkg.X', 'pkg.HTML'] }] })).toBeUndefined();
});

test('random regexes: every string a regex matches contains one of its literals', () => {
  // Regexes over a few letters (both cases), classes, groups, alternatives and quantifiers.
  const { regex } = fc.letrec((tie) => ({
    atom: fc.oneof(
      fc.constantFrom('a', 'b', 'B', 'c', 'xy', 'Qz', '[ab]', '[Bb]', '.', '\\d', '-'),
      tie('group'),
    ),
    group: fc.oneof({ depthSize: 'small' }, tie('regex').map((r) => `(${r as string})`), tie('regex').map((r) => `(?:${r as string})`)),
    piece: fc.tuple(tie('atom'), fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{1,2}')).map(([a, q]) => `${a as string}${q}`),
    seq: fc.array(tie('piece'), { minLength: 1, maxLength: 5 }).map((p) => (p as string[]).join('')),
    regex: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((b) => (b as string[]).join('|')),
  }));
  fc.assert(
    fc.property(regex as fc.Arbitrary<string>, fc.context(), (source, ctx) => {
      for (const fold of [false, true]) {
        const literals = requiredLiterals(source, fold);
        if (!literals) continue;
        ctx.log(`${source} -> ${JSON.stringify(literals)} (fold ${fold})`);
        fc.assert(
          fc.property(fc.stringMatching(new RegExp(source)), (text) => {
            const seen = fold ? foldAscii(text) : text;
            return literals.some((l) => seen.includes(l));
          }),
          { numRuns: 60 },
        );
      }
    }),
    { numRuns: 400 },
  );
});

test('short needles from regexes: a pair of punctuation characters, nothing shorter, no pair with a word character', () => {
  expect(isPunctuationPair('"(')).toBe(true);
  expect(isPunctuationPair('<=')).toBe(true);
  for (const s of ['(', '"a', 'in', '_(', '$(', ' (', '"\n', '"((', '']) expect([s, isPunctuationPair(s)]).toEqual([s, false]);
  // A C++ string literal that starts an XPath predicate's value: it ends with `'"`.
  expect(requiredLiterals('\\[[^\\]]*=\\s*\'"$')).toEqual(['\'"']);
  expect(requiredLiterals('^"\\(')).toEqual(['"(']);
  expect(requiredLiterals('^"(\\(|\\[)')?.sort()).toEqual(['"(', '"[']);
  // A longer literal still wins over a pair.
  expect(requiredLiterals('^"\\(cn=')).toEqual(['"(cn=']);
  // A single character, a pair with a word character or white space, an optional pair: nothing.
  expect(requiredLiterals('^\\($')).toBeUndefined();
  expect(requiredLiterals('^"a')).toBeUndefined();
  expect(requiredLiterals('^L"$')).toBeUndefined();
  expect(requiredLiterals('= ')).toBeUndefined();
  expect(requiredLiterals('^"(\\()?')).toBeUndefined();
  expect(requiredLiterals('"\\(|x')).toBeUndefined(); // one alternative is a single character
  // As a prefilter: a substring.
  const pf = rulePrefilter({ query: '((string_literal) @s (#match? @s "=\\\\s*\'\\"$"))', where: [] });
  expect(show(pf)).toBe('\'"');
  expect(new NeedleIndex('q = "//user[@name=\'" + name + "\']";').passes(pf)).toBe(true);
  expect(new NeedleIndex('q = "//user[@name=" + name;').passes(pf)).toBe(false);
});

test('short needles from the grammar: punctuation pairs and two-letter keywords the tables list, never a single character', () => {
  const pf = (query: string, language: 'c' | 'cpp' | 'javascript' | 'typescript' | 'python' = 'c') => show(rulePrefilter({ query, where: [], language }));
  expect(pf('(binary_expression operator: "<=") @cmp')).toBe('<=');
  expect(pf('(field_expression operator: "->") @f')).toBe('->');
  // Optional, or in one branch of an alternation only: nothing.
  expect(pf('(binary_expression operator: "<="? ) @cmp')).toBeUndefined();
  expect(pf('(binary_expression operator: ["<=" "<"]) @cmp')).toBeUndefined();
  expect(pf('(binary_expression operator: ["<=" ">="]) @cmp')).toBe('<=|>=');
  // `<=` ends a production in C++ (`operator<=`): it may be a MISSING token there.
  expect(pf('(binary_expression operator: "<=") @cmp', 'cpp')).toBeUndefined();
  // Single characters, never.
  expect(pf('(binary_expression operator: "<") @cmp')).toBeUndefined();
  expect(pf('(subscript_expression "[") @s')).toBeUndefined();
  // A two-letter keyword only where the tables list it (`as` is safe in TypeScript, but in too many files).
  expect(pf('(binary_expression operator: "in") @b', 'javascript')).toBe('a:in');
  expect(pf('(as_expression "as") @b', 'typescript')).toBeUndefined();
  expect(pf('(if_statement) @b', 'javascript')).toBeUndefined();
  // A node type with a group of tokens: `for (k in o)` or `for (v of a)`.
  expect(pf('(for_in_statement) @loop', 'javascript')).toBe('k:for & a:in|a:of');
  expect(pf('(do_statement) @loop')).toBe('a:do & k:while');
  expect(pf('(for_statement) @loop', 'python')).toBe('k:for & a:in');
});

test('two-letter keywords alone: not inside a name, but after what a number or regex flags end with', () => {
  const pf = rulePrefilter({ query: '(binary_expression operator: "in") @b', where: [], language: 'javascript' });
  // A run with a digit before the keyword passes, whatever precedes the digit (`a.b1in`): more texts, never fewer.
  for (const text of ['if ("k" in o) {}', 'x=(k)in o', 'in', 'a$in o', 'x = 1in o', 'x = 0xABin o', 'x = 1.e5in o', '/x/g9in o', 'a=[in]', '#in', '@in', '\\u0061in', 'a.b1in'])
    expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, true]);
  for (const text of ['main(); join(x); obj.domain', 'x.min(y)', 'within', 'inside', 'int x', 'x = a.min', ''])
    expect([text, new NeedleIndex(text).passes(pf)]).toEqual([text, false]);
});

test('two-letter keywords: every `in`, `of` or `do` token tree-sitter makes passes its needle (random texts)', async () => {
  // Glued to its neighbours: numbers, regex flags, names, punctuation; and whole statements, so that many parse.
  const pieces = ['in', 'of', 'do', 'for', 'x', 'a', '1', '0x', 'e', 'g', '.', '/', '$', '_', ' ', '(', ')', '[', ']', '{', '}', ';', '"', "'", '#', '@', '\\', '\n', '=', 'while', 'k'];
  const statements = ['for (k in o) {}', 'for (const v of a) {}', 'do {} while (0);', 'for x in y: pass\n', 'y = k in o;', 'x = [v for v in w]\n'];
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...statements));
  // The needles as the tables make them (`of` and `do` are no safe anonymous nodes everywhere, but node tokens).
  const alone = (k: string) => [[[{ text: k, word: false, keyword: true, alone: true, runs: [k] }]]] as Prefilter;
  const texts = fc.sample(fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join('')), { numRuns: 600, seed: 7 });
  let tokens = 0;
  for (const grammar of ['javascript', 'typescript', 'python', 'c'] as const) {
    for (const text of texts) {
      const tree = await parse(grammar, text);
      try {
        for (const k of ['in', 'of', 'do']) {
          const real = tree.rootNode.descendantsOfType(k).filter((n) => n !== null && !n.isMissing && n.endIndex > n.startIndex);
          tokens += real.length;
          if (real.length > 0) expect([grammar, k, text, new NeedleIndex(text).passes(alone(k))]).toEqual([grammar, k, text, true]);
        }
      } finally {
        tree.delete();
      }
    }
  }
  expect(tokens).toBeGreaterThan(1000);
});
