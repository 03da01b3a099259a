import fs from 'node:fs';
import path from 'node:path';
import { kbCommand } from '../../src/cli/commands/kb.js';
import { commitReferences, searchDate } from '../../src/kb/refresh/github-api.js';
import { readMined } from '../../src/kb/mined.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { readAdvisoryFixtures, startFakeGitHubAdvisories } from '../../__fixtures__/fake-github-advisories.js';
import { startFakeLlm } from './fake-llm.js';
import { REFRESH_DATA, snapshot, tempRoot } from './helpers.js';

let github: Awaited<ReturnType<typeof startFakeGitHubAdvisories>>;
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
let tmp: ReturnType<typeof tempRoot>;

beforeEach(async () => {
  github = await startFakeGitHubAdvisories(readAdvisoryFixtures(REFRESH_DATA));
  llm = await startFakeLlm();
  tmp = tempRoot();
});
afterEach(async () => {
  await github.close();
  await llm.close();
  tmp.cleanup();
});

async function refresh(...extra: string[]) {
  const mem = memoryIo({
    cwd: tmp.root,
    env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url, OPENAI_BASE_URL: llm.baseURL, RESCUE_MODEL: 'fake-model' },
  });
  const logger = new RecordingLogger();
  const status = await kbCommand.run(['refresh', '--format', 'json', '--cache-dir', '.cache', ...extra], { ...mem.io, logger });
  return { status, report: JSON.parse(mem.stdout()), logger };
}

const FIRST_SKIPS = {
  'GHSA-77vv-88ww-99xx': 'no CWE',
  'GHSA-44pp-55qq-66rr': 'no fix commit in a GitHub repository among the references',
  'GHSA-55qq-66rr-77vv': 'ecosystem rubygems: no language RESCUE reviews',
  'GHSA-66rr-77vv-88ww': 'acme/gone@deadbeefdead: the commit is not readable (deleted, private or not a commit)',
};

test('a first refresh mines the expected function pairs, summarizes their CWEs and rebuilds the KB', async () => {
  const { status, report } = await refresh('--since', '2025-04-01');
  expect(status).toBe(0);
  expect(report).toMatchObject({
    advisoriesRead: 6,
    pairsMined: 2,
    pairsByCwe: { 'CWE-79': 1, 'CWE-89': 1 },
    cwesTouched: ['CWE-79', 'CWE-89'],
    cursor: '2025-05-04T12:00:00Z',
    changed: true,
    truncated: false,
  });
  expect(report.advisoriesUsed).toEqual([
    { ghsaId: 'GHSA-22cc-33mm-44pp', cwe: 'CWE-89', pairs: 1 },
    { ghsaId: 'GHSA-33mm-44pp-55qq', cwe: 'CWE-79', pairs: 1 },
  ]);
  expect(Object.fromEntries(report.skipped.map((s: { ghsaId: string; reason: string }) => [s.ghsaId, s.reason]))).toEqual(FIRST_SKIPS);
  expect(report.summary.promptTokens).toBeGreaterThan(0);
  expect(llm.cwesAsked()).toEqual(['CWE-79', 'CWE-89']);

  // The advisories were asked for as the API documents: reviewed, modified since, oldest update first.
  const list = github.requests.find((r) => r.path === '/advisories')!;
  expect(list.query).toMatchObject({ type: 'reviewed', modified: '>=2025-04-01T00:00:00+00:00', sort: 'updated', direction: 'asc' });
  // Both versions of the changed source file were read; the test file and README never were.
  const contents = github.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${r.path}@${r.query.ref!.slice(0, 4)}`).sort();
  expect(contents).toEqual([
    '/repos/acme/reports/contents/reports/db.py@1111',
    '/repos/acme/reports/contents/reports/db.py@a1b2',
    '/repos/acme/web/contents/src/render.js@2222',
    '/repos/acme/web/contents/src/render.js@b2c3',
  ]);

  const mined = new Map((await readMined(path.join(tmp.root, 'kb', 'mined'))).map((m) => [m.mined.cwe, m.mined]));
  const sql = mined.get('CWE-89')!;
  expect(sql.examples).toHaveLength(1);
  expect(sql.examples[0]).toMatchObject({
    pairId: 'GHSA-22cc-33mm-44pp/acme/reports@a1b2c3d4e5f6/reports/db.py#Reports.by_owner',
    language: 'python',
    vulnerableLines: [3],
    secureLines: [3],
  });
  // A method is dedented to a top-level snippet; the function the fix added is not a pair.
  expect(sql.examples[0]!.vulnerable.split('\n')[0]).toBe('def by_owner(self, owner):');
  expect(sql.examples[0]!.secure).toContain('(owner,)');
  expect(sql.examples[0]!.provenance).toContain('https://github.com/acme/reports/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
  expect(sql.guidelines).toEqual(['Team lesson for CWE-89: pass untrusted values to the sink only through its safe, parameterized form.']);
  expect(sql.provenance.pairs).toBe('github-advisories');
  expect(mined.get('CWE-79')!.examples[0]).toMatchObject({ language: 'javascript', pairId: expect.stringMatching(/src\/render\.js#greeting$/) });

  const kb = loadKnowledgeBase(path.join(tmp.root, 'kb', 'build'));
  expect(kb.cwes.get('CWE-89')!.examples.map((e) => e.id)).toEqual(['CWE-89.python.1', 'CWE-89.python.m1']);
  expect(kb.cwes.get('CWE-89')!.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1', 'CWE-89.g2', 'CWE-89.m1']);
  expect(kb.cwes.get('CWE-79')).toMatchObject({ causeOrigin: 'mined' });
  const state = JSON.parse(fs.readFileSync(path.join(tmp.root, 'kb', 'refresh-state.json'), 'utf8'));
  expect(state).toEqual({ version: 1, cursor: '2025-05-04T12:00:00Z', atCursor: ['GHSA-55qq-66rr-77vv', 'GHSA-66rr-77vv-88ww'] });
});

test('a second refresh with no new advisories changes nothing; a later advisory summarizes only its CWE', async () => {
  expect((await refresh('--since', '2025-04-01')).status).toBe(0);
  const before = snapshot(path.join(tmp.root, 'kb'));
  const callsBefore = llm.calls();

  const second = await refresh();
  expect(second.status).toBe(0);
  // The range is inclusive: the two advisories at the cursor come back and are dropped as already read.
  expect(github.requests.filter((r) => r.path === '/advisories').at(-1)!.query.modified).toBe('>=2025-05-04T12:00:00+00:00');
  expect(second.report).toMatchObject({ advisoriesRead: 0, pairsMined: 0, changed: false, cursor: '2025-05-04T12:00:00Z' });
  expect(snapshot(path.join(tmp.root, 'kb'))).toEqual(before);
  expect(llm.calls()).toBe(callsBefore);

  github.data.advisories.push(...JSON.parse(fs.readFileSync(path.join(REFRESH_DATA, 'advisories-later.json'), 'utf8')));
  const third = await refresh();
  expect(third.report).toMatchObject({ advisoriesRead: 1, pairsMined: 1, cwesTouched: ['CWE-22'], cursor: '2025-05-10T00:00:00Z' });
  // Only CWE-22 went to the model on this run (one guidelines and one cause call); CWE-79 and CWE-89 stand.
  expect(llm.calls() - callsBefore).toBe(2);
  const after = snapshot(path.join(tmp.root, 'kb'));
  expect(after['mined/CWE-89.json']).toBe(before['mined/CWE-89.json']);
  expect(after['mined/CWE-79.json']).toBe(before['mined/CWE-79.json']);
  expect(after['mined/CWE-22.json']).toBeDefined();
});

test('a 403 rate-limit response is waited out and the refresh goes on', async () => {
  github.answerOnce('/advisories', () => ({
    status: 403,
    headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) },
    body: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
  }));
  const started = Date.now();
  const { status, report, logger } = await refresh('--since', '2025-04-01', '--dry-run');
  expect(status).toBe(0);
  expect(github.requests.filter((r) => r.path === '/advisories')).toHaveLength(2);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(logger.warnings.some((w) => /GitHub rate limit on GET .*\/advisories/.test(w))).toBe(true);
  expect(report).toMatchObject({ advisoriesRead: 6, pairsMined: 2, rateLimitWaits: 1, changed: false });
  // A dry run writes nothing and calls no model.
  expect(fs.existsSync(path.join(tmp.root, 'kb', 'refresh-state.json'))).toBe(false);
  expect(llm.calls()).toBe(0);
}, 15_000);

test('advisories are paginated through Link headers; --max-advisories stops and the next run goes on', async () => {
  github.limits.maxPerPage = 4;
  const first = await refresh('--since', '2025-04-01', '--max-advisories', '2');
  expect(first.report).toMatchObject({ advisoriesRead: 2, truncated: true, cursor: '2025-05-02T10:00:00Z' });
  const second = await refresh();
  expect(second.report).toMatchObject({ advisoriesRead: 4, truncated: false, cursor: '2025-05-04T12:00:00Z', cwesTouched: ['CWE-79'] });
  // The second run read two pages: the next page's cursor came from the Link header.
  expect(github.requests.filter((r) => r.path === '/advisories' && r.query.after)).toHaveLength(1);
  const kb = loadKnowledgeBase(path.join(tmp.root, 'kb', 'build'));
  expect([...kb.cwes.keys()]).toEqual(expect.arrayContaining(['CWE-79', 'CWE-89']));
});

test('usage errors', async () => {
  const mem = memoryIo({ cwd: tmp.root, env: {} });
  const io = { ...mem.io, logger: new RecordingLogger() };
  await expect(kbCommand.run(['refresh'], io)).rejects.toThrow(/needs a chat model/);
  await expect(kbCommand.run(['refresh', '--model', 'm'], io)).rejects.toThrow(/--base-url URL or set OPENAI_BASE_URL/);
  await expect(kbCommand.run(['refresh', '--since', 'last week', '--dry-run'], io)).rejects.toThrow(/--since must be a date/);
  await expect(kbCommand.run(['refresh', '--dry-run'], io)).rejects.toThrow(/set GITHUB_TOKEN/);
  const withToken = { ...io, env: { GITHUB_TOKEN: 't', GITHUB_API_URL: github.url } };
  fs.mkdirSync(path.join(tmp.root, 'kb'), { recursive: true });
  fs.writeFileSync(path.join(tmp.root, 'kb', 'refresh-state.json'), '{"version": 9}');
  await expect(kbCommand.run(['refresh', '--dry-run'], withToken)).rejects.toThrow(/state version 9 is not supported/);
});

test('fix commit references and search dates', () => {
  expect(commitReferences([
    'https://github.com/a/b/commit/0123456789abcdef0123456789abcdef01234567',
    'https://github.com/a/b/commit/0123456789ABCDEF0123456789abcdef01234567#diff-1',
    'https://github.com/a/b/pull/3/commits/89abcdef0',
    'https://github.com/a/b/commits/fedcba9.patch',
    'https://github.com/a/b/pull/3',
    'https://gitlab.com/a/b/-/commit/0123456789abcdef',
  ])).toEqual([
    { owner: 'a', repo: 'b', sha: '0123456789abcdef0123456789abcdef01234567' },
    { owner: 'a', repo: 'b', sha: '89abcdef0' },
    { owner: 'a', repo: 'b', sha: 'fedcba9' },
  ]);
  expect(searchDate('2025-05-04T12:00:00Z')).toBe('2025-05-04T12:00:00+00:00');
});
