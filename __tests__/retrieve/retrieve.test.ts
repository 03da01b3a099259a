import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeEmbedder } from '../../__fixtures__/fake-embedder.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { extractFacets } from '../../src/facets/extract.js';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/load.js';
import { calibration, thresholdsFor, type Thresholds } from '../../src/retrieve/calibration.js';
import { embedQueries } from '../../src/retrieve/embed-queries.js';
import { retrieveForUnit, retrieveForUnits, retrieveFromFacets } from '../../src/retrieve/retrieve.js';
import { FIXTURE_SOURCES } from '../kb/helpers.js';

// Fixed thresholds: the bundled calibration moves with the bundled KB, these tests use the fixture KB.
const TH: Thresholds = {
  cwe: { cause: 0.05, apis: 0.5, code: 0.5, rules: 0.4, causeDense: 0.3 },
  example: { cause: 0, apis: 0, code: 0, codeDense: 0 },
  denseCalibrated: true,
};

let root: string;
let plain: KnowledgeBase;
let withVectors: KnowledgeBase;
const embedder = new FakeEmbedder();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'retrieve-test-'));
  const a = await buildKnowledgeBase({ sourcesDir: FIXTURE_SOURCES });
  await writeBuild(path.join(root, 'plain'), a);
  plain = loadKnowledgeBase(path.join(root, 'plain'));
  const b = await buildKnowledgeBase({ sourcesDir: FIXTURE_SOURCES, embeddings: { model: 'fake-embed', embedder } });
  await writeBuild(path.join(root, 'vectors'), b);
  withVectors = loadKnowledgeBase(path.join(root, 'vectors'));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const PICKLE = ['import pickle', 'def load_job(request):', '    job = pickle.loads(request.body)', '    return job'].join('\n');
const BENIGN = ['def add(a, b):', '    return a + b'].join('\n');

describe('retrieveForUnit (BM25 only)', () => {
  test('a deserialization unit: CWE-502 first, with facet scores and ranks, and a CWE-502 example', async () => {
    const r = await retrieveForUnit(plain, { grammar: 'python', source: PICKLE, startLine: 2, endLine: 4 }, { thresholds: TH });
    expect(r.relevant).toBe(true);
    expect(r.dense).toBe(false);
    expect(r.cwes[0]!.cwe).toBe('CWE-502');
    expect(r.cwes[0]!.facets.apis).toMatchObject({ rank: 1, counted: true });
    expect(r.cwes.length).toBeLessThanOrEqual(4);
    expect(r.examples[0]!.cwe).toBe('CWE-502');
    expect(r.examples[0]!.language).toBe('python');
    expect(r.examples[0]!.secure).not.toBe('');
  });

  test('a unit no facet clears is not security-relevant: nothing retrieved', async () => {
    const r = await retrieveForUnit(plain, { grammar: 'python', source: BENIGN }, { thresholds: TH });
    expect(r).toEqual({ cwes: [], examples: [], relevant: false, dense: false });
  });

  test('k bounds the CWEs; a facet set limits the facets (ablation)', async () => {
    const facets = await extractFacets({ kb: plain, grammar: 'python', source: PICKLE });
    const one = retrieveFromFacets(plain, facets, { thresholds: TH, k: 1 });
    expect(one.cwes).toHaveLength(1);
    const apisOnly = retrieveFromFacets(plain, facets, { thresholds: TH, facets: new Set(['apis']) });
    for (const c of apisOnly.cwes) expect(Object.keys(c.facets)).toEqual(['apis']);
  });

  test('the KB rule facet: a rule of the CWE firing in the unit counts for it', async () => {
    const src = ['import yaml', 'def read(path):', '    return yaml.load(open(path))'].join('\n');
    const facets = await extractFacets({ kb: plain, grammar: 'python', source: src });
    if (facets.rules.length === 0) return; // the fixture KB may have no rule for it
    const r = retrieveFromFacets(plain, facets, { thresholds: TH, facets: new Set(['rules']) });
    expect(r.cwes[0]!.cwe).toBe(facets.rules[0]!.cwe);
  });

  test('no embedder while the KB has vectors: BM25 only, said once', async () => {
    const logger = new RecordingLogger();
    await retrieveForUnits(withVectors, [{ grammar: 'python', source: PICKLE }, { grammar: 'python', source: BENIGN }], { thresholds: TH, logger });
    await retrieveForUnit(withVectors, { grammar: 'python', source: PICKLE }, { thresholds: TH, logger });
    const notes = logger.lines.filter((l) => /BM25 only/.test(l.message));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/no embeddings endpoint/);
  });

  test('an embedder but no vectors, or vectors of another model: BM25 only, said once', async () => {
    const logger = new RecordingLogger();
    const r = await retrieveForUnit(plain, { grammar: 'python', source: PICKLE }, { thresholds: TH, logger, embedder: new FakeEmbedder() });
    expect(r.dense).toBe(false);
    expect(logger.lines.map((l) => l.message)).toEqual(['retrieval: the knowledge base has no vectors; BM25 only']);
    const other = new RecordingLogger();
    const r2 = await retrieveForUnit(withVectors, { grammar: 'python', source: PICKLE }, { thresholds: TH, logger: other, embedder, embeddingModel: 'another' });
    expect(r2.dense).toBe(false);
    expect(other.lines[0]!.message).toMatch(/vectors are for fake-embed, not another/);
  });
});

describe('dense facets', () => {
  test('with an embedder and vectors of its model: cause-dense at the CWE level, code-dense at the example level', async () => {
    const fake = new FakeEmbedder();
    const r = await retrieveForUnit(withVectors, { grammar: 'python', source: PICKLE, description: 'deserialize a job posted by a client' }, {
      thresholds: TH, embedder: fake, embeddingModel: 'fake-embed',
    });
    expect(r.dense).toBe(true);
    expect(fake.calls).toHaveLength(1); // cause and code in one batch
    expect(fake.calls[0]).toHaveLength(2);
    expect(r.cwes.some((c) => 'cause-dense' in c.facets)).toBe(true);
    expect(r.examples.some((e) => 'code-dense' in e.facets)).toBe(true);
    expect(r.cwes[0]!.cwe).toBe('CWE-502');
  });

  test('a failing endpoint degrades to BM25 only with a warning', async () => {
    const logger = new RecordingLogger();
    const broken = { embed: async (): Promise<number[][]> => { throw new Error('503 Service Unavailable'); } };
    const r = await retrieveForUnit(withVectors, { grammar: 'python', source: PICKLE }, { thresholds: TH, embedder: broken, embeddingModel: 'fake-embed', logger });
    expect(r.dense).toBe(false);
    expect(r.cwes[0]!.cwe).toBe('CWE-502');
    expect(logger.warnings).toEqual(['retrieval: embedding 1 unit(s) failed (503 Service Unavailable); BM25 only for them']);
  });

  test('uncalibrated model: the paper thresholds, said once', async () => {
    const logger = new RecordingLogger();
    await retrieveForUnit(withVectors, { grammar: 'python', source: PICKLE }, { embedder, embeddingModel: 'fake-embed', logger });
    expect(logger.lines.map((l) => l.message)).toContain("retrieval: no calibrated dense thresholds for fake-embed; using the paper's (0.75 cause, 0.65 code)");
    expect(thresholdsFor('fake-embed')).toMatchObject({ cwe: { causeDense: 0.75 }, example: { codeDense: 0.65 }, denseCalibrated: false });
  });

  test('embedQueries: batches, skips empty texts, refuses a short answer', async () => {
    const fake = new FakeEmbedder(8);
    const units = [
      { language: 'python', apis: { calls: [], members: [] }, cause: 'a b', causeSource: 'offline', code: 'x = 1', rules: [] },
      { language: 'python', apis: { calls: [], members: [] }, cause: '', causeSource: 'offline', code: 'y = 2', rules: [] },
    ] as const;
    const vectors = await embedQueries(fake, units, 2);
    expect(fake.calls).toEqual([['a b', 'x = 1'], ['y = 2']]);
    expect(vectors[1]!.cause).toBeUndefined();
    expect(vectors[1]!.code).toHaveLength(8);
    await expect(embedQueries({ embed: async () => [] }, units)).rejects.toThrow(/returned 0 vectors for 3 inputs/);
  });
});

test('the bundled calibration records its split seed, date and data sizes', () => {
  expect(calibration.version).toBe(1);
  expect(typeof calibration.seed).toBe('number');
  expect(calibration.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Object.keys(calibration.data).length).toBeGreaterThan(0);
  const th = thresholdsFor(undefined);
  for (const v of [th.cwe.cause, th.cwe.apis, th.cwe.code, th.cwe.rules, th.example.apis]) expect(Number.isFinite(v)).toBe(true);
});
