import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleBuild, writeBuild } from '../../src/kb/build.js';
import type { CompiledKb } from '../../src/kb/compile.js';
import { getExampleText, loadKnowledgeBase } from '../../src/kb/load.js';
import { KB_SCHEMA_VERSION, type KbCwe, type KbExample, type KbExampleText } from '../../src/kb/model.js';
import { searchExamples } from '../../src/kb/search.js';

/**
 * Load time of the knowledge base. Acceptance: the bundled kb/build loads, index included, in under 50 ms;
 * a generated KB of 50,000 examples in under 1 s. Each figure is the median of `runs` loads in this
 * process (the files are then in the page cache, as they are for a review after checkout).
 *
 * "load" is `loadKnowledgeBase` (kb.json, the CWE index, the manifest): what the CWE level needs.
 * "+ example index" adds the first use of `kb.exampleIndex`, "+ first query and text" a search of the
 * example level and `getExampleText` of its best hit: what a review that reaches the example level pays.
 */
export async function kbLoad(root: string, _dataDir: string, opts: { examples?: number; runs?: number } = {}): Promise<Record<string, string | number>> {
  const n = opts.examples ?? 50_000;
  const runs = opts.runs ?? 7;
  const out: Record<string, string | number> = {};

  const bundled = path.join(root, 'kb', 'build');
  const b = measure(bundled, runs);
  out['bundled: examples'] = b.examples;
  out['bundled: load (ms, median)'] = b.load;
  out['bundled: load + example index (ms, median; budget 50)'] = b.withIndex;
  out['bundled: load + example index + first query and text (ms, median)'] = b.full;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  try {
    const t = performance.now();
    await writeBuild(dir, await assembleBuild(generate(n)));
    out[`generated ${n}: build and write (s)`] = +((performance.now() - t) / 1000).toFixed(1);
    const mb = (f: string) => +(fs.statSync(path.join(dir, f)).size / 1e6).toFixed(1);
    const shards = fs.readdirSync(path.join(dir, 'examples')).reduce((sum, f) => sum + fs.statSync(path.join(dir, 'examples', f)).size, 0);
    out[`generated ${n}: kb.json / index.json / example-index.json / examples/ (MB)`] =
      `${mb('kb.json')} / ${mb('index.json')} / ${mb('example-index.json')} / ${(shards / 1e6).toFixed(1)}`;
    const g = measure(dir, runs);
    out[`generated ${n}: load (ms, median)`] = g.load;
    out[`generated ${n}: load + example index (ms, median; budget 1000)`] = g.withIndex;
    out[`generated ${n}: load + example index + first query and text (ms, median)`] = g.full;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function measure(dir: string, runs: number): { examples: number; load: number; withIndex: number; full: number } {
  const load: number[] = [];
  const withIndex: number[] = [];
  const full: number[] = [];
  let examples = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const kb = loadKnowledgeBase(dir);
    const t1 = performance.now();
    void kb.exampleIndex.documentCount;
    const t2 = performance.now();
    const first = [...kb.cwes.keys()][0]!;
    const hit = searchExamples(kb, { code: 'db.execute("q" + request.arg_1)', apis: ['db.execute'] }, { cwes: [first] }).text[0];
    if (hit) getExampleText(kb, hit.id);
    const t3 = performance.now();
    load.push(t1 - t0);
    withIndex.push(t2 - t0);
    full.push(t3 - t0);
    examples = kb.examples.size;
  }
  return { examples, load: median(load), withIndex: median(withIndex), full: median(full) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.floor(s.length / 2)]!.toFixed(1);
}

/**
 * A KB of `n` mined examples over 100 CWEs with realistic shapes: the full function (~42 lines) and a
 * ~12-line slice per side, three APIs each.
 */
export function generate(n: number): CompiledKb {
  const langs = ['python', 'javascript', 'java', 'go', 'c'] as const;
  const cwes: KbCwe[] = [];
  const texts = new Map<string, KbExampleText>();
  const perCwe = Math.ceil(n / 100);
  let made = 0;
  for (let c = 0; c < 100 && made < n; c++) {
    const id = `CWE-${1000 + c}`;
    const examples: KbExample[] = [];
    for (let i = 0; i < perCwe && made < n; i++, made++) {
      const lang = langs[i % langs.length]!;
      const fn = `handle_${c}_${i}`;
      const body = Array.from({ length: 40 }, (_, l) => `    value_${l % 9} = svc${c % 13}.call_${(i + l) % 97}(request.arg_${l % 11}, limit=${l})`).join('\n');
      const vulnerable = `def ${fn}(request):\n${body}\n    return db.execute("q" + request.arg_1)`;
      const secure = `def ${fn}(request):\n${body}\n    return db.execute("q ?", (request.arg_1,))`;
      const slice = (t: string) => ({ lines: Array.from({ length: 12 }, (_, k) => 31 + k), text: t.split('\n').slice(30, 42).join('\n') });
      const exampleId = `${id}.${lang}.m${i + 1}`;
      examples.push({
        id: exampleId, cwe: id, language: lang, title: `generated example ${i}`,
        vulnerableLines: [42], secureLines: [42], guidelines: [], origin: 'mined', provenance: `generated/${c}/${i}`,
        apis: [`svc${c % 13}.call_${i % 97}`, 'db.execute', `lib${i % 31}.parse`].sort(),
        secureSlice: slice(secure),
      });
      texts.set(exampleId, { id: exampleId, vulnerable, secure, vulnerableSlice: slice(vulnerable) });
    }
    cwes.push({
      id, name: `Generated weakness ${c}`, parents: [], related: [], causeOrigin: 'mined',
      cause: `Generated cause ${c}: request data reaches svc${c % 13} calls without validation and flows into the database layer.`,
      guidelines: [{ id: `${id}.m1`, text: `Validate request data before passing it to svc${c % 13}.`, origin: 'mined' }],
      apis: {}, allApis: [...new Set(examples.flatMap((e) => e.apis))].sort(), rules: [], examples,
    });
  }
  return { document: { schemaVersion: KB_SCHEMA_VERSION, cwes }, texts, sliceFallbacks: [] };
}
