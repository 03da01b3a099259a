// Load-time benchmark of the knowledge base: the bundled kb/build (target < 50 ms) and a generated KB of
// 50,000 examples in a temp dir (target < 1 s). Usage: npx tsx bench/kb-load.ts [--examples N] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndexes, serializeIndexes } from '../src/kb/indexes.js';
import { INDEX_OPTIONS_HASH, INDEX_OPTIONS_VERSION } from '../src/kb/index-options.js';
import { TOKENIZER_VERSION } from '../src/kb/code-tokenizer.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { KB_SCHEMA_VERSION, type KbCwe, type KbDocument, type KbExample } from '../src/kb/model.js';
import { MANIFEST_VERSION } from '../src/kb/manifest.js';
import { stableStringify, sha256 } from '../src/kb/stable-json.js';

const { values } = parseArgs({ options: { examples: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } } });
const N = Number(values.examples);
const RUNS = Number(values.runs);

function time(label: string, dir: string, budgetMs: number): void {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const kb = loadKnowledgeBase(dir);
    ms.push(performance.now() - t);
    if (i === 0) console.log(`${label}: ${kb.cwes.size} CWEs, ${kb.examples.size} examples`);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label}: load first ${ms[0]!.toFixed(1)} ms .. median ${median.toFixed(1)} ms over ${RUNS} runs (budget ${budgetMs} ms) ${median < budgetMs ? 'OK' : 'OVER BUDGET'}`);
}

// Realistic shapes: mined examples keep the full function (~40 lines) and a ~12-line slice per side.
function generate(n: number): KbDocument {
  const langs = ['python', 'javascript', 'java', 'go', 'c'] as const;
  const cwes: KbCwe[] = [];
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
      const slice = (t: string) => ({ lines: Array.from({ length: 12 }, (_, k) => 30 + k), text: t.split('\n').slice(29, 41).join('\n') });
      examples.push({
        id: `${id}.${lang}.m${i + 1}`, cwe: id, language: lang, title: `generated example ${i}`, vulnerable, secure,
        vulnerableLines: [42], secureLines: [42], guidelines: [], origin: 'mined', provenance: `generated/${c}/${i}`,
        apis: [`svc${c % 13}.call_${i % 97}`, 'db.execute', `lib${i % 31}.parse`],
        vulnerableSlice: slice(vulnerable), secureSlice: slice(secure),
      });
    }
    cwes.push({
      id, name: `Generated weakness ${c}`, parents: [], related: [], causeOrigin: 'mined',
      cause: `Generated cause ${c}: request data reaches svc${c % 13} calls without validation and flows into the database layer.`,
      guidelines: [{ id: `${id}.m1`, text: `Validate request data before passing it to svc${c % 13}.`, origin: 'mined' }],
      apis: {}, allApis: [...new Set(examples.flatMap((e) => e.apis))].sort(), rules: [], examples,
    });
  }
  return { schemaVersion: KB_SCHEMA_VERSION, cwes };
}

function writeGenerated(dir: string, doc: KbDocument): void {
  const kbText = `${stableStringify(doc)}\n`;
  const indexText = serializeIndexes(buildIndexes(doc));
  fs.writeFileSync(path.join(dir, 'kb.json'), kbText);
  fs.writeFileSync(path.join(dir, 'index.json'), indexText);
  const examples = doc.cwes.reduce((n, c) => n + c.examples.length, 0);
  fs.writeFileSync(path.join(dir, 'manifest.json'), stableStringify({
    manifestVersion: MANIFEST_VERSION, kbSchemaVersion: KB_SCHEMA_VERSION, sourceSchemaVersion: 1,
    index: { optionsHash: INDEX_OPTIONS_HASH, optionsVersion: INDEX_OPTIONS_VERSION, tokenizer: TOKENIZER_VERSION },
    files: { 'kb.json': sha256(kbText), 'index.json': sha256(indexText) }, sources: {}, mined: {},
    counts: { cwes: doc.cwes.length, guidelines: doc.cwes.length, rules: 0, examples },
  }));
  const mb = (f: string) => (fs.statSync(path.join(dir, f)).size / 1e6).toFixed(1);
  console.log(`generated KB: kb.json ${mb('kb.json')} MB, index.json ${mb('index.json')} MB`);
}

time('bundled kb/build', path.resolve(import.meta.dirname, '..', 'kb', 'build'), 50);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
try {
  const t = performance.now();
  writeGenerated(dir, generate(N));
  console.log(`generated and indexed ${N} examples in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  time(`generated ${N}`, dir, 1000);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
