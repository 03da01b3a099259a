// Retrieval speed: one unit's retrieval (facets already extracted: both levels, BM25, fusion) on the bundled
// KB (target < 2 ms) and on a generated KB of 50,000 examples in memory (target < 20 ms); facet extraction
// (parse, imports, APIs, cause words, KB rules) timed apart. Runs from the bench runner or alone:
//   npx tsx bench/scenarios/retrieval.ts [--examples 50000] [--kb DIR]
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Grammar } from '../../src/code/languages.js';
import { extractFacets, type UnitFacets } from '../../src/facets/extract.js';
import { buildIndexes } from '../../src/kb/indexes.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/load.js';
import type { KbManifest } from '../../src/kb/manifest.js';
import { KB_SCHEMA_VERSION, type KbCwe, type KbDocument, type KbExample } from '../../src/kb/model.js';
import { retrieveFromFacets } from '../../src/retrieve/retrieve.js';

const UNITS: readonly { grammar: Grammar; source: string; description: string }[] = [
  { grammar: 'python', description: 'Load the job configuration uploaded by the user', source: 'import yaml\nimport subprocess\n\ndef run_job(request):\n    """Run the uploaded job."""\n    cfg = yaml.load(request.files["job"].read())\n    name = cfg.get("name", "job")\n    # the command comes from the config\n    out = subprocess.run(cfg["cmd"], shell=True, capture_output=True)\n    return {"name": name, "out": out.stdout.decode()}\n' },
  { grammar: 'python', description: 'Find a user by name', source: 'import sqlite3\n\ndef find_user(conn, username):\n    cur = conn.cursor()\n    cur.execute("SELECT * FROM users WHERE name = \'" + username + "\'")\n    return cur.fetchone()\n' },
  { grammar: 'javascript', description: 'Show the greeting', source: "const cp = require('child_process');\nfunction greet(el, req) {\n  el.innerHTML = 'Hello ' + req.query.name;\n  cp.exec('echo ' + req.query.name);\n}\n" },
  { grammar: 'java', description: 'Read an object from the socket', source: 'import java.io.ObjectInputStream;\nclass S {\n  Object read(java.net.Socket s) throws Exception {\n    ObjectInputStream in = new ObjectInputStream(s.getInputStream());\n    return in.readObject();\n  }\n}\n' },
  { grammar: 'c', description: 'Copy the name into the record', source: '#include <string.h>\nvoid set_name(struct rec *r, const char *name) {\n  char buf[32];\n  strcpy(buf, name);\n  memcpy(r->name, buf, strlen(buf));\n}\n' },
  { grammar: 'go', description: 'Run a report', source: 'package main\nimport "os/exec"\nfunc report(name string) ([]byte, error) {\n  return exec.Command("sh", "-c", "report " + name).Output()\n}\n' },
  { grammar: 'python', description: 'Add two numbers', source: 'def add(a, b):\n    return a + b\n' },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function timeRetrieval(kb: KnowledgeBase, facets: readonly UnitFacets[], rounds: number): { mean: number; p50: number; p95: number; max: number } {
  for (const f of facets) retrieveFromFacets(kb, f); // warm-up: lazy indexes, JIT
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const f of facets) {
      const t = performance.now();
      retrieveFromFacets(kb, f);
      ms.push(performance.now() - t);
    }
  }
  ms.sort((a, b) => a - b);
  return { mean: ms.reduce((a, b) => a + b, 0) / ms.length, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: ms[ms.length - 1]! };
}

/** Realistic shapes: 100 CWEs, examples in five languages with ~12-line slices and a few APIs each. */
export function generatedKb(n: number): KnowledgeBase {
  const langs = ['python', 'javascript', 'java', 'go', 'c'] as const;
  const cwes: KbCwe[] = [];
  const perCwe = Math.ceil(n / 100);
  let made = 0;
  for (let c = 0; c < 100 && made < n; c++) {
    const id = `CWE-${1000 + c}`;
    const examples: KbExample[] = [];
    for (let i = 0; i < perCwe && made < n; i++, made++) {
      const lang = langs[i % langs.length]!;
      const lines = Array.from({ length: 11 }, (_, l) => `    value_${l % 9} = svc${c % 13}.call_${(i + l) % 97}(request.arg_${l % 11}, limit=${l})`);
      const secure = `def handle_${c}_${i}(request):\n${lines.join('\n')}\n    return db.execute("q ?", (request.arg_1,))`;
      examples.push({
        id: `${id}.${lang}.m${i + 1}`, cwe: id, language: lang, title: `generated example ${i}`,
        vulnerableLines: [12], secureLines: [12], guidelines: [], origin: 'mined', provenance: `generated/${c}/${i}`,
        apis: [`svc${c % 13}.call_${i % 97}`, 'db.execute', `lib${i % 31}.parse`],
        secureSlice: { lines: Array.from({ length: 12 }, (_, k) => k + 1), text: secure },
      });
    }
    cwes.push({
      id, name: `Generated weakness ${c}`, parents: [], related: [], causeOrigin: 'mined',
      cause: `Generated cause ${c}: request data reaches svc${c % 13} calls without validation and flows into the database layer, where a query is built from it.`,
      guidelines: [{ id: `${id}.m1`, text: `Validate request data before passing it to svc${c % 13}.`, origin: 'mined' }],
      apis: {}, allApis: [...new Set(examples.flatMap((e) => e.apis))].sort(), rules: [], examples,
    });
  }
  const document = { schemaVersion: KB_SCHEMA_VERSION, cwes } as unknown as KbDocument;
  const indexes = buildIndexes(document);
  return {
    dir: '(generated in memory)',
    manifest: {} as KbManifest,
    document,
    cwes: new Map(cwes.map((c) => [c.id, c])),
    examples: new Map(cwes.flatMap((c) => c.examples.map((e) => [e.id, e] as const))),
    guidelines: new Map(cwes.flatMap((c) => c.guidelines.map((g) => [g.id, g.text] as const))),
    cweIndex: indexes.cwes,
    exampleIndex: indexes.examples,
  };
}

async function facetsOf(kb: KnowledgeBase): Promise<{ facets: UnitFacets[]; ms: number }> {
  const facets: UnitFacets[] = [];
  for (const u of UNITS) facets.push(await extractFacets({ kb, ...u })); // warm-up: grammars, rule compilation
  const t = performance.now();
  facets.length = 0;
  for (const u of UNITS) facets.push(await extractFacets({ kb, ...u }));
  return { facets, ms: (performance.now() - t) / UNITS.length };
}

export async function retrievalScenario(root: string, _dataDir?: string, opts: { examples?: number; kb?: string } = {}): Promise<Record<string, string | number>> {
  const fmt = (x: number): string => x.toFixed(3);
  const bundled = loadKnowledgeBase(opts.kb ? path.resolve(opts.kb) : path.join(root, 'kb', 'build'));
  const { facets, ms: facetMs } = await facetsOf(bundled);
  const small = timeRetrieval(bundled, facets, 200);
  const n = opts.examples ?? 50_000;
  const t = performance.now();
  const big = generatedKb(n);
  const genS = (performance.now() - t) / 1000;
  const bigFacets = (await facetsOf(big)).facets;
  const large = timeRetrieval(big, bigFacets, 20);
  return {
    [`bundled KB (${bundled.cwes.size} CWEs, ${bundled.examples.size} examples): retrieval per unit, mean / p50 / p95 / max ms (target < 2)`]: `${fmt(small.mean)} / ${fmt(small.p50)} / ${fmt(small.p95)} / ${fmt(small.max)}`,
    'facet extraction per unit (parse, imports, APIs, cause words, KB rules), ms': fmt(facetMs),
    [`generated KB (${big.cwes.size} CWEs, ${big.examples.size} examples, built in ${genS.toFixed(1)} s): retrieval per unit, mean / p50 / p95 / max ms (target < 20)`]: `${fmt(large.mean)} / ${fmt(large.p50)} / ${fmt(large.p95)} / ${fmt(large.max)}`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { examples: { type: 'string' }, kb: { type: 'string' } } });
  const figures = await retrievalScenario(path.resolve(import.meta.dirname, '..', '..'), undefined, {
    examples: values.examples ? Number(values.examples) : undefined, kb: values.kb,
  });
  console.log('| measure | value |\n| --- | --- |');
  for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v} |`);
}
