import fs from 'node:fs';
import path from 'node:path';
import { startFakeOpenAi } from '../../__fixtures__/fake-openai.js';
import { kbCommand } from '../../src/cli/commands/kb.js';
import { ConfigurationError } from '../../src/config/errors.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { changedLines, parsePairs } from '../../src/kb/pairs.js';
import { kbCausePrompt } from '../../src/llm/prompts/kb-cause.v1.js';
import { kbGuidelinesPrompt } from '../../src/llm/prompts/kb-guidelines.v1.js';
import { FIXTURE_PAIRS, fakeIo, tempKb } from './helpers.js';

const replies = path.join(import.meta.dirname, '..', 'data', 'kb', 'replies');
const reply = (name: string) => fs.readFileSync(path.join(replies, name), 'utf8');
/** Tokens per call (the totals below count them). */
const usage = { prompt_tokens: 100, completion_tokens: 20 };

let kb: ReturnType<typeof tempKb>;
beforeEach(() => {
  kb = tempKb();
});
afterEach(() => kb.cleanup());

test('build, build --check, verify and stats', async () => {
  const { io, out } = fakeIo(kb.root);
  expect(await kbCommand.run(['build', '--sources', 'sources', '--out', 'build'], io)).toBe(0);
  expect(out()).toContain('built build: 3 CWEs, 5 guidelines, 1 rules, 3 examples');
  expect(await kbCommand.run(['build', '--sources', 'sources', '--out', 'build', '--check'], io)).toBe(0);
  expect(await kbCommand.run(['verify', '--sources', 'sources', '--build', 'build'], io)).toBe(0);
  expect(out()).toContain('kb verify: 3 source(s), 1 rule(s), 3 example(s): OK');

  const stats = fakeIo(kb.root);
  expect(await kbCommand.run(['stats', '--build', 'build', '--format', 'json'], stats.io)).toBe(0);
  const json = JSON.parse(stats.out());
  expect(json.totals).toMatchObject({ cwes: 3, rules: 1, examples: 3, languages: { python: { rules: 1, examples: 2 }, javascript: { rules: 0, examples: 1 } } });

  const file = path.join(kb.sources, 'CWE-89.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(#eq? @fn "execute")', '(#eq? @fn "executemany")'));
  const after = fakeIo(kb.root);
  expect(await kbCommand.run(['build', '--sources', 'sources', '--out', 'build', '--check'], after.io)).toBe(1);
  expect(after.out()).toContain('build is out of date with the sources: kb.json, manifest.json');
  expect(await kbCommand.run(['verify', '--sources', 'sources', '--build', 'build'], after.io)).toBe(1);
  expect(after.out()).toContain('sources/CWE-89.yaml: rules[0] (cwe-89.python.execute-format): does not fire on tests.positive');
  expect(after.out()).toContain('source CWE-89.yaml changed since the build');
});

test('verify notices a generated file edited or lost after the build', async () => {
  const { io } = fakeIo(kb.root);
  expect(await kbCommand.run(['build', '--sources', 'sources', '--out', 'build'], io)).toBe(0);
  const shard = path.join(kb.build, 'examples', 'CWE-89.jsonl');
  fs.writeFileSync(shard, fs.readFileSync(shard, 'utf8').replace('execute', 'executemany'));
  fs.rmSync(path.join(kb.build, 'example-index.json'));
  const after = fakeIo(kb.root);
  expect(await kbCommand.run(['verify', '--sources', 'sources', '--build', 'build'], after.io)).toBe(1);
  expect(after.out()).toContain('build: examples/CWE-89.jsonl differs from the manifest; run `rescue kb build`');
  expect(after.out()).toContain('build: example-index.json is missing; run `rescue kb build`');
});

test('usage errors are ConfigurationErrors', async () => {
  const { io } = fakeIo(kb.root);
  await expect(kbCommand.run(['frobnicate'], io)).rejects.toThrow(ConfigurationError);
  await expect(kbCommand.run(['build', '--bogus'], io)).rejects.toThrow(/kb build: Unknown option '--bogus'/);
  await expect(kbCommand.run(['build', '--sources', 'sources', '--pairs', 'x.jsonl'], io)).rejects.toThrow(/--base-url URL or set OPENAI_BASE_URL/);
  await expect(kbCommand.run(['stats', '--format', 'xml'], io)).rejects.toThrow(/text or json/);
});

test('pairs: changed lines come from a line diff; unreviewed languages are skipped', () => {
  expect(changedLines('a\nb\nc', 'a\nB\nc\nd')).toEqual({ deleted: [2], added: [2, 4] });
  const { pairs, skipped } = parsePairs(fs.readFileSync(FIXTURE_PAIRS, 'utf8'), 'pairs.jsonl');
  expect(pairs.map((p) => [p.id, p.deletedLines, p.addedLines])).toEqual([
    ['fixture/train/0', [3], [3]],
    ['fixture/train/1', [2], [2]],
    ['fixture/train/2', [2], [2]],
  ]);
  expect(skipped).toEqual([{ line: 4, id: 'fixture/train/3', reason: 'language ruby is not reviewed' }]);
  expect(() => parsePairs('{"id": 1}\n', 'p.jsonl')).toThrow(/p\.jsonl:1: id: /);
});

test('build --pairs mines, merges under the hand-written sources, and embeds', async () => {
  const server = await startFakeOpenAi({
    usage,
    chat: (req) => (req.body.messages![0]!.content === kbGuidelinesPrompt.system ? reply('guidelines.json') : req.body.messages![0]!.content === kbCausePrompt.system ? reply('cause.json') : 'unexpected'),
    embed: (text) => [text.length % 7, 1, 0.5],
  });
  try {
    const { io, out, err } = fakeIo(kb.root, { OPENAI_BASE_URL: server.baseURL, RESCUE_MODEL: 'fake-chat' });
    const args = ['build', '--sources', 'sources', '--out', 'build', '--pairs', FIXTURE_PAIRS, '--cache-dir', 'cache', '--embeddings-model', 'fake-embed'];
    expect(await kbCommand.run(args, io)).toBe(0);
    expect(err()).toContain('summarizer: 4 call(s) (0 retry), 0 cached, 400 prompt + 80 completion tokens');
    expect(out()).toContain('3 CWEs');
    expect(fs.readdirSync(path.join(kb.root, 'mined'))).toEqual(['CWE-78.json', 'CWE-89.json']);

    const loaded = loadKnowledgeBase(kb.build);
    const sql = loaded.cwes.get('CWE-89')!;
    expect(sql.causeOrigin).toBe('hand-written');
    expect(sql.guidelines.map((g) => [g.id, g.origin])).toEqual([
      ['CWE-89.g1', 'hand-written'],
      ['CWE-89.g2', 'hand-written'],
      ['CWE-89.m1', 'mined'],
      ['CWE-89.m2', 'mined'],
    ]);
    const mined = loaded.examples.get('CWE-89.python.m1')!;
    expect(mined).toMatchObject({ origin: 'mined', provenance: expect.stringContaining('fixture/train/0 https://github.com/example/app/commit/') });
    expect(mined.secureSlice?.lines).toContain(3);
    expect(loaded.manifest.embeddings).toMatchObject({ model: 'fake-embed', dimensions: 3, count: 3 + 6 });
    expect(loaded.vectors?.rows.has('example:CWE-89.python.m1')).toBe(true);

    // A rebuild without the endpoint keeps the vectors (inputs unchanged) and reproduces the build.
    const again = fakeIo(kb.root);
    expect(await kbCommand.run(['build', '--sources', 'sources', '--out', 'build', '--check'], again.io)).toBe(0);
    // A resumed mining run is served from the cache.
    const calls = server.requests.length;
    const resumed = fakeIo(kb.root, { OPENAI_BASE_URL: server.baseURL, RESCUE_MODEL: 'fake-chat' });
    expect(await kbCommand.run(args.slice(0, -2), resumed.io)).toBe(0);
    expect(server.requests.length).toBe(calls);
    expect(resumed.err()).toContain('0 call(s) (0 retry), 4 cached');

    // Vectors that disagree with the manifest are refused.
    const vectors = path.join(kb.build, 'vectors.fake-embed.json');
    const v = JSON.parse(fs.readFileSync(vectors, 'utf8'));
    fs.writeFileSync(vectors, JSON.stringify({ ...v, dimensions: 4 }));
    expect(() => loadKnowledgeBase(kb.build)).toThrow(/vectors do not match the manifest/);
  } finally {
    await server.close();
  }
});
