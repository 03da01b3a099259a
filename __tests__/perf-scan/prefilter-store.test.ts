// Stored prefilters are the ones rulePrefilter works out, found only under what they were worked out from,
// and a PrefilterSet answers what NeedleIndex answers, rule by rule.
import fs from 'node:fs';
import fc from 'fast-check';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { loadOverlay } from '../../src/kb/overlay.js';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import type { KbRule } from '../../src/kb/model.js';
import { NeedleIndex, rulePrefilter } from '../../src/assess/rules/prefilter.js';
import { PrefilterSet } from '../../src/assess/rules/prefilter-set.js';
import {
  knownPrefilters,
  loadPrefilters,
  prefilterKey,
  prefilterOf,
  PREFILTER_VERSION,
  PREFILTERS_FILE,
  rememberPrefilters,
  serializePrefilters,
} from '../../src/assess/rules/prefilter-store.js';

const kb = loadKnowledgeBase();
const rules: KbRule[] = kb.document.cwes.flatMap((c) => c.rules);

test('the bundled build stores the prefilter of every rule as rulePrefilter works it out today', () => {
  const stored = fs.readFileSync(path.join(kb.dir, PREFILTERS_FILE), 'utf8');
  expect(stored).toBe(serializePrefilters(rules));
  expect(loadPrefilters(stored)).toBe(true);
  for (const rule of rules) expect([rule.id, prefilterOf(rule)]).toEqual([rule.id, rulePrefilter(rule)]);
  // What a worker thread is handed back gives the same.
  rememberPrefilters(knownPrefilters());
  for (const rule of rules) expect([rule.id, prefilterOf(rule)]).toEqual([rule.id, rulePrefilter(rule)]);
});

test('a stored prefilter is found under the rule text it was worked out from, not under the rule id', () => {
  const rule = rules.find((r) => r.id === 'cwe-78.python.subprocess-shell-true') ?? rules[0]!;
  const edited: KbRule = { ...rule, query: `${rule.query}\n; edited` };
  expect(prefilterKey(edited)).not.toBe(prefilterKey(rule));
  // A file that says the edited text needs a word no file has: the unedited rule does not see it.
  const never = JSON.stringify({ version: PREFILTER_VERSION, prefilters: { [prefilterKey(edited)]: [[['w:zzzNeverThere']]] } });
  expect(loadPrefilters(never)).toBe(true);
  expect(prefilterOf(rule)).toEqual(rulePrefilter(rule));
  expect(prefilterOf(edited)).toEqual([[[{ text: 'zzzNeverThere', word: true, runs: ['zzzNeverThere'] }]]]);
});

test('a prefilters file of another version or shape is not taken in', () => {
  const rule = rules[1]!;
  const key = prefilterKey(rule);
  const poisoned = [[['w:zzzNeverThere']]];
  expect(loadPrefilters(JSON.stringify({ version: PREFILTER_VERSION + 1, prefilters: { [key]: poisoned } }))).toBe(false);
  expect(loadPrefilters(JSON.stringify({ version: PREFILTER_VERSION, prefilters: { [key]: poisoned, other: [[['x']]] } }))).toBe(false);
  expect(loadPrefilters(JSON.stringify({ version: PREFILTER_VERSION, prefilters: { [key]: poisoned, other: [[[]]] } }))).toBe(false);
  expect(loadPrefilters('{"version": 1, "prefil')).toBe(false);
  expect(loadPrefilters('null')).toBe(false);
  expect(prefilterOf(rule)).toEqual(rulePrefilter(rule));
});

test("an overlay build's stored prefilters are not read", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prefilter-overlay-'));
  try {
    const sources = path.join(root, 'kb', 'sources');
    fs.mkdirSync(sources, { recursive: true });
    const source = fs.readdirSync(path.join(process.cwd(), 'kb', 'sources')).find((f) => f === 'CWE-502.yaml')!;
    fs.copyFileSync(path.join(process.cwd(), 'kb', 'sources', source), path.join(sources, source));
    const build = path.join(root, 'kb', 'build');
    const built = await buildKnowledgeBase({ sourcesDir: sources, minedDir: path.join(root, 'kb', 'mined') });
    await writeBuild(build, built);
    const rule = built.document.cwes.flatMap((c) => c.rules)[0]!;
    const key = prefilterKey(rule);
    // The build stored it; an overlay with a doctored file must not silence the rule.
    expect(JSON.parse(fs.readFileSync(path.join(build, PREFILTERS_FILE), 'utf8')).prefilters[key]).toBeDefined();
    fs.writeFileSync(path.join(build, PREFILTERS_FILE), JSON.stringify({ version: PREFILTER_VERSION, prefilters: { [key]: [[['w:zzzNeverThere']]] } }));
    const overlayDir = path.join(root, 'overlay');
    fs.mkdirSync(overlayDir);
    fs.cpSync(build, path.join(overlayDir, 'build'), { recursive: true });
    expect(loadOverlay(overlayDir)).toBeDefined();
    expect(prefilterOf(rule)).toEqual(rulePrefilter(rule));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a PrefilterSet passes the rules NeedleIndex passes, on every snippet of the knowledge base', () => {
  const byLanguage = new Map<string, KbRule[]>();
  for (const r of rules) byLanguage.set(r.language, [...(byLanguage.get(r.language) ?? []), r]);
  const texts = rules.flatMap((r) => [r.tests.positive, r.tests.negative, r.tests.fixed ?? '']).concat(['', 'for', ' \n']);
  let passed = 0;
  for (const [, list] of byLanguage) {
    const prefilters = list.map((r) => rulePrefilter(r));
    const set = new PrefilterSet(prefilters);
    for (const text of texts) {
      const index = new NeedleIndex(text);
      const expected = prefilters.flatMap((p, k) => (index.passes(p) ? [k] : []));
      expect(set.passing(text)).toEqual(expected);
      passed += expected.length;
    }
  }
  expect(passed).toBeGreaterThan(rules.length); // every rule passes its positive snippet, and more
});

test('a PrefilterSet passes the rules NeedleIndex passes, on texts made of needles and what borders them', () => {
  const prefilters = rules.map((r) => rulePrefilter(r));
  const texts = [...new Set(prefilters.flatMap((p) => p?.flat(2).map((n) => n.text) ?? []))];
  const set = new PrefilterSet(prefilters);
  const piece = fc.oneof(
    fc.constantFrom(...texts),
    fc.constantFrom(...texts).map((t) => t.toUpperCase()),
    fc.constantFrom(' ', '', '_', '$', '1', '1.', 'x', '.', '/', '#', '@', '\\', '(', '\n', 'é', '𝒳', 'A'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      const index = new NeedleIndex(text);
      expect(set.passing(text)).toEqual(prefilters.flatMap((p, k) => (index.passes(p) ? [k] : [])));
      expect(set.any(text)).toBe(prefilters.some((p) => index.passes(p)));
    }),
    { numRuns: 3000 },
  );
});
