import fs from 'node:fs';
import path from 'node:path';
import { buildKnowledgeBase, diffBuild, writeBuild } from '../../src/kb/build.js';
import type { PairSlicer } from '../../src/kb/pair-slicer.js';
import { tokenizeCode } from '../../src/kb/code-tokenizer.js';
import { CWE_TEXT_FIELDS } from '../../src/kb/index-options.js';
import { buildIndexes } from '../../src/kb/indexes.js';
import { defaultKbDir, findKbDir, getExampleText, kbDirCandidates, KbLoadError, loadKnowledgeBase } from '../../src/kb/load.js';
import { searchCwes, searchExamples } from '../../src/kb/search.js';
import { ConfigurationError } from '../../src/config/errors.js';
import { stableStringify, stableStringifyLines } from '../../src/kb/stable-json.js';
import { tempKb } from './helpers.js';

let kb: ReturnType<typeof tempKb>;
beforeEach(() => {
  kb = tempKb();
});
afterEach(() => kb.cleanup());

test('the code tokenizer keeps qualified names and splits camelCase, snake_case, dots and ::', () => {
  expect(tokenizeCode('yaml.safe_load(f)')).toEqual(['yaml.safe_load', 'yaml', 'safe_load', 'safe', 'load', 'f']);
  expect(tokenizeCode('std::vector::at')).toEqual(['std::vector::at', 'vector::at', 'std', 'vector', 'at']);
  expect(tokenizeCode('in.readObject')).toEqual(['in.readObject', 'in', 'readObject', 'read', 'Object']);
  expect(tokenizeCode('parseHTTPRequest')).toEqual(['parseHTTPRequest', 'parse', 'HTTP', 'Request']);
});

test('kb.json is stable JSON with one line per guideline, rule and example', async () => {
  const v = { b: [1, { z: 1, a: [1, 2] }, []], a: { x: undefined, y: {}, c: 'q"' } };
  expect(stableStringifyLines(v, 2, 99)).toBe(stableStringify(v, 2));
  expect(JSON.parse(stableStringifyLines(v, 2, 1))).toEqual(JSON.parse(stableStringify(v)));
  const { files, document } = await buildKnowledgeBase({ sourcesDir: kb.sources });
  const lines = files.get('kb.json')!.split('\n');
  expect(JSON.parse(files.get('kb.json')!)).toEqual(JSON.parse(stableStringify(document)));
  expect(lines.filter((l) => l.startsWith('        {"apis":')).length).toBe(3); // the three examples
});

test('a built KB loads and searches exactly as before serialization', async () => {
  const result = await buildKnowledgeBase({ sourcesDir: kb.sources });
  await writeBuild(kb.build, result);
  const loaded = loadKnowledgeBase(kb.build);
  const live = buildIndexes(result.document, result.texts);

  const queries = ['string formatted into the query passed to execute', 'shell command built from input', 'pickle loads request body'];
  for (const q of queries) {
    const before = live.cwes.search(q, { fields: [...CWE_TEXT_FIELDS] }).map((r) => [r.id, r.score]);
    expect(loaded.cweIndex.search(q, { fields: [...CWE_TEXT_FIELDS] }).map((r) => [r.id, r.score])).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  }
  const code = 'cur.execute("SELECT * FROM t WHERE a = %s" % a)';
  expect(loaded.exampleIndex.search(code).map((r) => [r.id, r.score])).toEqual(live.examples.search(code).map((r) => [r.id, r.score]));

  const cwes = searchCwes(loaded, { text: 'input concatenated into an SQL statement', apis: ['cursor.execute', 'sqlite3.Cursor.execute'] });
  expect(cwes.text[0]).toMatchObject({ id: 'CWE-89', rank: 1 });
  expect(cwes.apis[0]).toMatchObject({ id: 'CWE-89', rank: 1 });
  expect(searchCwes(loaded, { apis: ['child_process.exec'] }).apis.map((h) => h.id)).toEqual(['CWE-78']);
  expect(searchCwes(loaded, {})).toEqual({ text: [], apis: [] });

  const ex = searchExamples(loaded, { code: 'job = pickle.loads(request.body)', apis: ['pickle.loads'] });
  expect(ex.text[0]!.id).toBe('CWE-502.python.1');
  expect(searchExamples(loaded, { code: 'job = pickle.loads(request.body)' }, { cwes: ['CWE-89'] }).text.every((h) => h.id.startsWith('CWE-89.'))).toBe(true);
});

test('kb.json carries typed nodes with origins, stable ids and API sets', async () => {
  const { document } = await buildKnowledgeBase({ sourcesDir: kb.sources });
  expect(document.cwes.map((c) => c.id)).toEqual(['CWE-78', 'CWE-89', 'CWE-502']);
  const sql = document.cwes[1]!;
  expect(sql.guidelines[0]).toEqual({ id: 'CWE-89.g1', text: expect.any(String), origin: 'hand-written' });
  expect(sql.examples[0]).toMatchObject({ id: 'CWE-89.python.1', cwe: 'CWE-89', origin: 'hand-written', apis: ['cur.execute', 'cur.fetchone'] });
  expect(sql.apis.python).toEqual({ insecure: ['sqlite3.Cursor.execute'], safe: ['sqlalchemy.text'], seen: ['cur.execute', 'cur.fetchone'] });
  expect(sql.rules.map((r) => [r.id, r.cwe])).toEqual([['cwe-89.python.execute-format', 'CWE-89']]);
  // Callees are resolved through the example's imports, like the hand-written API sets; `require` is no API.
  expect(document.cwes[0]!.apis.javascript?.seen).toEqual(['child_process.exec', 'child_process.execFile']);
  // kb.json holds no full texts; they are in the example texts.
  expect(sql.examples[0]).not.toHaveProperty('secure');
  expect(sql.examples[0]).not.toHaveProperty('vulnerableSlice');
});

test('hand-written examples are sliced with the PDG slicer; a failing slicer falls back to the whole text', async () => {
  const result = await buildKnowledgeBase({ sourcesDir: kb.sources });
  expect(result.sliceFallbacks).toEqual([]);
  for (const cwe of result.document.cwes) {
    for (const ex of cwe.examples) {
      // Pair mode: the changed lines are in the slice, and the slice is no longer than the version.
      expect(ex.secureSlice.lines).toEqual(expect.arrayContaining([...ex.secureLines]));
      const text = result.texts.get(ex.id)!;
      expect(text.vulnerableSlice.lines).toEqual(expect.arrayContaining([...ex.vulnerableLines]));
      expect(ex.secureSlice.lines.length).toBeLessThanOrEqual(text.secure.split('\n').length);
      expect(ex.secureSlice.fallback).toBeUndefined();
    }
  }

  const failing: PairSlicer = { slicePair: async () => { throw new Error('boom\nstack'); } };
  const fallback = await buildKnowledgeBase({ sourcesDir: kb.sources, slicer: failing });
  expect(fallback.sliceFallbacks.map((f) => [f.id, f.side, f.reason])).toEqual([
    ['CWE-78.javascript.1', 'both', 'the slicer failed: boom'],
    ['CWE-89.python.1', 'both', 'the slicer failed: boom'],
    ['CWE-502.python.1', 'both', 'the slicer failed: boom'],
  ]);
  const ex = fallback.document.cwes[1]!.examples[0]!;
  const text = fallback.texts.get(ex.id)!;
  expect(ex.secureSlice).toEqual({ lines: text.secure.trimEnd().split('\n').map((_, i) => i + 1), text: text.secure.trimEnd(), fallback: 'the slicer failed: boom' });
});

test('the example index and the example texts load on demand', async () => {
  const result = await buildKnowledgeBase({ sourcesDir: kb.sources });
  await writeBuild(kb.build, result);
  expect(fs.readdirSync(kb.build).sort()).toEqual(['example-index.json', 'examples', 'index.json', 'kb.json', 'manifest.json', 'prefilters.json']);
  expect(fs.readdirSync(path.join(kb.build, 'examples')).sort()).toEqual(['CWE-502.jsonl', 'CWE-78.jsonl', 'CWE-89.jsonl']);

  const loaded = loadKnowledgeBase(kb.build);
  const text = getExampleText(loaded, 'CWE-89.python.1')!;
  expect(text).toEqual(result.texts.get('CWE-89.python.1'));
  expect(text.secure).toContain('execute');
  expect(getExampleText(loaded, 'CWE-89.python.9')).toBeUndefined();

  // Without the example index, the CWE level still loads; the example level says what to do.
  fs.rmSync(path.join(kb.build, 'example-index.json'));
  fs.rmSync(path.join(kb.build, 'examples', 'CWE-78.jsonl'));
  const partial = loadKnowledgeBase(kb.build);
  expect(searchCwes(partial, { apis: ['child_process.exec'] }).apis.map((h) => h.id)).toEqual(['CWE-78']);
  expect(() => partial.exampleIndex).toThrow(/example-index\.json.*rescue kb build/);
  expect(() => getExampleText(partial, 'CWE-78.javascript.1')).toThrow(KbLoadError);
  expect(getExampleText(partial, 'CWE-502.python.1')?.id).toBe('CWE-502.python.1');
});

test('the build is deterministic and --check notices a changed source', async () => {
  const a = await buildKnowledgeBase({ sourcesDir: kb.sources });
  const b = await buildKnowledgeBase({ sourcesDir: kb.sources });
  expect([...a.files]).toEqual([...b.files]);
  expect(a.files.get('kb.json')).not.toMatch(/\d{4}-\d\d-\d\dT/); // no timestamps
  await writeBuild(kb.build, a);
  expect(await diffBuild(kb.build, a)).toEqual([]);
  const file = path.join(kb.sources, 'CWE-78.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('allow-list before', 'allow-list of known values before'));
  expect(await diffBuild(kb.build, await buildKnowledgeBase({ sourcesDir: kb.sources }))).toEqual(['index.json', 'kb.json', 'manifest.json']);
  // An example text that changes touches its shard and the example index, not the other shards.
  const sql = path.join(kb.sources, 'CWE-89.yaml');
  fs.writeFileSync(sql, fs.readFileSync(sql, 'utf8').replace('cur.fetchone()', 'cur.fetchall()'));
  expect(await diffBuild(kb.build, await buildKnowledgeBase({ sourcesDir: kb.sources }))).toEqual(['example-index.json', 'examples/CWE-89.jsonl', 'index.json', 'kb.json', 'manifest.json']);
  // A shard left over from a removed CWE is an extra file.
  fs.writeFileSync(path.join(kb.build, 'examples', 'CWE-1.jsonl'), '');
  expect(await diffBuild(kb.build, a)).toEqual(['examples/CWE-1.jsonl']);
  await writeBuild(kb.build, a);
  expect(fs.existsSync(path.join(kb.build, 'examples', 'CWE-1.jsonl'))).toBe(false);
});

test('the manifest records versions, the options hash and source hashes', async () => {
  const { manifest } = await buildKnowledgeBase({ sourcesDir: kb.sources });
  expect(manifest).toMatchObject({ manifestVersion: 2, kbSchemaVersion: 2, sourceSchemaVersion: 1, counts: { cwes: 3, rules: 1, examples: 3 } });
  expect(Object.keys(manifest.files).sort()).toEqual(['example-index.json', 'examples/CWE-502.jsonl', 'examples/CWE-78.jsonl', 'examples/CWE-89.jsonl', 'index.json', 'kb.json', 'prefilters.json']);
  expect(Object.keys(manifest.sources)).toEqual(['CWE-502.yaml', 'CWE-78.yaml', 'CWE-89.yaml']);
  expect(manifest.index.optionsHash).toMatch(/^[0-9a-f]{64}$/);
  expect(manifest.embeddings).toBeUndefined();
});

test('the loader refuses an index built with other options or another schema version', async () => {
  await writeBuild(kb.build, await buildKnowledgeBase({ sourcesDir: kb.sources }));
  const manifestFile = path.join(kb.build, 'manifest.json');
  const original = fs.readFileSync(manifestFile, 'utf8');
  const edit = (f: (m: Record<string, any>) => void) => {
    const m = JSON.parse(original);
    f(m);
    fs.writeFileSync(manifestFile, JSON.stringify(m));
  };
  edit((m) => (m.index.optionsHash = 'f'.repeat(64)));
  expect(() => loadKnowledgeBase(kb.build)).toThrow(/built with other MiniSearch options.*rebuild/);
  edit((m) => (m.kbSchemaVersion = 99));
  expect(() => loadKnowledgeBase(kb.build)).toThrow(/schema version 99/);
  edit((m) => (m.manifestVersion = 3));
  expect(() => loadKnowledgeBase(kb.build)).toThrow(KbLoadError);
  // A build of the first layout (one index.json, full texts in kb.json) is refused with the fix to apply.
  edit((m) => (m.manifestVersion = 1));
  expect(() => loadKnowledgeBase(kb.build)).toThrow(/manifest version 1 is not supported \(this rescue reads 2\); rebuild with `rescue kb build`/);
  expect(() => loadKnowledgeBase(path.join(kb.root, 'nowhere'))).toThrow(ConfigurationError);
});

test('an invalid source fails the build with file, field and line', async () => {
  const file = path.join(kb.sources, 'CWE-89.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('severity: high', 'severity: urgent').replace('guidelines: [CWE-89.g1]', 'guidelines: [CWE-89.g7]'));
  fs.writeFileSync(path.join(kb.sources, 'CWE-79.yaml'), fs.readFileSync(path.join(kb.sources, 'CWE-78.yaml'), 'utf8'));
  const error = await buildKnowledgeBase({ sourcesDir: kb.sources }).then(() => undefined, (e: Error) => e);
  expect(error).toBeInstanceOf(ConfigurationError);
  // A file with schema errors is not checked further (its cross-references would only add noise).
  const lines = error!.message.split('\n').slice(1).map((l) => l.replace(kb.sources, 'kb/sources'));
  expect(lines).toEqual([
    'kb/sources/CWE-79.yaml: id: is CWE-78 but the file is named CWE-79.yaml; name it CWE-78.yaml (line 1)',
    expect.stringMatching(/^kb\/sources\/CWE-89\.yaml: rules\[0\]\.severity: expected one of critical\|high\|medium\|low \(line \d+\)$/),
  ]);
});

test('the default KB directory is the bundled kb/build', () => {
  expect(defaultKbDir()).toBe(path.resolve(import.meta.dirname, '..', '..', 'kb', 'build'));
});

test('the bundled KB is found from src/kb, dist/ and dist/chunks/', () => {
  // A fake package layout: kb/build next to dist/ (the npm package and the Action checkout).
  const root = fs.mkdtempSync(path.join(kb.root, 'pkg-'));
  for (const dir of ['dist/chunks', 'src/kb', 'kb/build']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, 'kb', 'build', 'manifest.json'), '{}');
  const expected = path.join(root, 'kb', 'build');
  expect(findKbDir(path.join(root, 'dist'))).toBe(expected); // code inlined in dist/cli.js or dist/index.js
  expect(findKbDir(path.join(root, 'dist', 'chunks'))).toBe(expected); // code in a shared chunk
  expect(findKbDir(path.join(root, 'src', 'kb'))).toBe(expected); // tsx and jest
  // Nearest first: a dist/kb/build would win for chunks (so a chunk never reads a KB above the package).
  expect(kbDirCandidates(path.join(root, 'dist', 'chunks'))).toEqual([path.join(root, 'dist', 'kb', 'build'), expected]);
  // Nothing found: the last candidate, so the load error names a plausible path.
  fs.rmSync(path.join(root, 'kb'), { recursive: true });
  expect(findKbDir(path.join(root, 'dist'))).toBe(path.join(path.dirname(root), 'kb', 'build'));
  // The exists check is injectable: no file system needed.
  expect(findKbDir('/pkg/dist/chunks', (f) => f === '/pkg/kb/build/manifest.json')).toBe('/pkg/kb/build');
});
