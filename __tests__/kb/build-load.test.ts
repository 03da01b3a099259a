import fs from 'node:fs';
import path from 'node:path';
import { buildKnowledgeBase, diffBuild, writeBuild } from '../../src/kb/build.js';
import { tokenizeCode } from '../../src/kb/code-tokenizer.js';
import { CWE_TEXT_FIELDS } from '../../src/kb/index-options.js';
import { buildIndexes } from '../../src/kb/indexes.js';
import { defaultKbDir, KbLoadError, loadKnowledgeBase } from '../../src/kb/load.js';
import { searchCwes, searchExamples } from '../../src/kb/search.js';
import { ConfigurationError } from '../../src/config/errors.js';
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

test('a built KB loads and searches exactly as before serialization', async () => {
  const result = await buildKnowledgeBase({ sourcesDir: kb.sources });
  await writeBuild(kb.build, result);
  const loaded = loadKnowledgeBase(kb.build);
  const live = buildIndexes(result.document);

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
  expect(document.cwes[0]!.apis.javascript?.seen).toEqual(expect.arrayContaining(['exec', 'require']));
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
});

test('the manifest records versions, the options hash and source hashes', async () => {
  const { manifest } = await buildKnowledgeBase({ sourcesDir: kb.sources });
  expect(manifest).toMatchObject({ manifestVersion: 1, kbSchemaVersion: 1, sourceSchemaVersion: 1, counts: { cwes: 3, rules: 1, examples: 3 } });
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
  edit((m) => (m.manifestVersion = 2));
  expect(() => loadKnowledgeBase(kb.build)).toThrow(KbLoadError);
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
