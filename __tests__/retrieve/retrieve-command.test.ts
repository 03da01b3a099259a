import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import { FakeEmbedder } from '../../__fixtures__/fake-embedder.js';
import { startFakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { FIXTURE_SOURCES } from '../kb/helpers.js';

let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'retrieve-cli-'));
  await writeBuild(path.join(root, 'kb'), await buildKnowledgeBase({ sourcesDir: FIXTURE_SOURCES }));
  await writeBuild(path.join(root, 'kb-vectors'), await buildKnowledgeBase({ sourcesDir: FIXTURE_SOURCES, embeddings: { model: 'fake-embed', embedder: new FakeEmbedder() } }));
  // Thresholds for the fixture KB: the bundled calibration belongs to the bundled KB.
  fs.writeFileSync(path.join(root, 'calibration.json'), JSON.stringify({
    version: 1, date: '2026-01-01', method: 'test', seed: 0, data: {},
    bm25: { cwe: { cause: 0.05, apis: 2, code: 0.5, rules: 0.4 }, example: { cause: 0, apis: 0, code: 0 } }, dense: {},
  }));
  fs.writeFileSync(path.join(root, 'job.py'), ['import pickle', '', 'def load_job(request):', '    """Read the job a client posted."""', '    return pickle.loads(request.body)', '', 'def add(a, b):', '    return a + b', ''].join('\n'));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('rescue retrieve --format json: per unit, the ranked CWEs with facet scores and ranks, and examples', async () => {
  const m = memoryIo({ cwd: root });
  const code = await runCli(['retrieve', 'job.py', '--kb', 'kb', '--calibration', 'calibration.json', '--format', 'json', '--unit', 'load_job', '--description', 'Load a posted job'], m.io);
  expect(code).toBe(0);
  const out = JSON.parse(m.stdout()) as { version: number; path: string; language: string; units: { unit: string; relevant: boolean; cwes: { cwe: string; score: number; facets: Record<string, { score: number; rank: number }> }[]; examples: { id: string }[]; query: { apis: string[] } }[] };
  expect(out).toMatchObject({ version: 1, path: 'job.py', language: 'python' });
  expect(out.units).toHaveLength(1);
  const [unit] = out.units;
  expect(unit!.unit).toBe('load_job');
  expect(unit!.query.apis).toEqual(['pickle.loads']);
  expect(unit!.relevant).toBe(true);
  expect(unit!.cwes[0]!.cwe).toBe('CWE-502');
  expect(unit!.cwes[0]!.facets.apis).toEqual(expect.objectContaining({ rank: 1 }));
  expect(unit!.examples[0]!.id).toMatch(/^CWE-502\./);
});

test('rescue retrieve (text): every unit, --line picks the unit that holds the line', async () => {
  const all = memoryIo({ cwd: root });
  expect(await runCli(['retrieve', 'job.py', '--kb', 'kb', '--calibration', 'calibration.json'], all.io)).toBe(0);
  expect(all.stdout()).toMatch(/load_job \(lines 3-5\): security-relevant\n {2}1\. CWE-502/);
  expect(all.stdout()).toMatch(/add \(lines 7-8\): not security-relevant/);
  const one = memoryIo({ cwd: root });
  expect(await runCli(['retrieve', 'job.py', '--kb', 'kb', '--line', '8', '-v'], one.io)).toBe(0);
  expect(one.stdout()).not.toMatch(/load_job/);
  expect(one.stdout()).toMatch(/cause query:/);
});

test('--embeddings-model: query texts embedded in one batch through the endpoint, dense facets in the output', async () => {
  const fake = new FakeEmbedder();
  const server = await startFakeOpenAi({ embed: (text) => fake.vector(text) });
  try {
    const m = memoryIo({ cwd: root, env: {} });
    const code = await runCli(['retrieve', 'job.py', '--kb', 'kb-vectors', '--calibration', 'calibration.json', '--format', 'json', '--embeddings-model', 'fake-embed', '--base-url', server.baseURL], m.io);
    expect(code).toBe(0);
    const embeds = server.requests.filter((r) => r.path === '/v1/embeddings');
    expect(embeds).toHaveLength(1); // both units, cause and code texts, one batch
    expect(embeds[0]!.body.input).toHaveLength(4);
    const out = JSON.parse(m.stdout()) as { units: { unit: string; dense: boolean; cwes: { facets: Record<string, unknown> }[] }[] };
    const job = out.units.find((u) => u.unit === 'load_job')!;
    expect(job.dense).toBe(true);
    expect(job.cwes.some((c) => 'cause-dense' in c.facets)).toBe(true);
  } finally {
    await server.close();
  }
});

test('usage errors exit 2 with a message', async () => {
  for (const args of [['retrieve'], ['retrieve', 'job.py', '--format', 'sarif'], ['retrieve', 'job.py', '--lang', 'cobol'], ['retrieve', 'nope.py', '--kb', 'kb'], ['retrieve', 'job.py', '--kb', 'kb', '--unit', 'missing'], ['retrieve', 'job.py', '--k', '0'], ['retrieve', 'job.py', '--kb', 'kb', '--calibration', 'job.py']]) {
    const m = memoryIo({ cwd: root });
    expect(await runCli(args, m.io)).toBe(2);
    expect(m.stderr()).toMatch(/^rescue retrieve: /);
  }
});
