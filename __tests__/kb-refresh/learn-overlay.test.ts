import fs from 'node:fs';
import path from 'node:path';
import { createRuleBook } from '../../src/assess/rule-book.js';
import { kbCommand } from '../../src/cli/commands/kb.js';
import { parseDiff } from '../../src/diff/parse-diff.js';
import { buildKnowledgeBase, writeBuild } from '../../src/kb/build.js';
import { cweOfPullRequest } from '../../src/kb/learn/learn.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { citeOverlayGuidance, getMergedExampleText, loadOverlay, mergeOverlay } from '../../src/kb/overlay.js';
import { searchCwes } from '../../src/kb/search.js';
import { reviewChange } from '../../src/pipeline/review-change.js';
import { renderComment } from '../../src/review/render-comment.js';
import { memoryIo } from '../../__fixtures__/cli-io.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { readAdvisoryFixtures, startFakeGitHubAdvisories } from '../../__fixtures__/fake-github-advisories.js';
import { startFakeLlm } from './fake-llm.js';
import { REFRESH_DATA, tempRoot } from './helpers.js';

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

async function learn(...extra: string[]) {
  const mem = memoryIo({
    cwd: tmp.root,
    env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url, OPENAI_BASE_URL: llm.baseURL, RESCUE_MODEL: 'fake-model', GITHUB_REPOSITORY: 'acme/portal' },
  });
  const status = await kbCommand.run(['learn', '--from-prs', 'label:security', '--cache-dir', '.cache', ...extra], { ...mem.io, logger: new RecordingLogger() });
  return { status, out: mem.stdout() };
}

/** The "bundled" KB of these tests: the KB fixture sources, built. */
async function bundledKb() {
  const dir = path.join(tmp.root, 'kb', 'build');
  await writeBuild(dir, await buildKnowledgeBase({ sourcesDir: path.join(tmp.root, 'kb', 'sources') }));
  return loadKnowledgeBase(dir);
}

const overlayDir = () => path.join(tmp.root, '.github', 'rescue', 'kb');

test('kb learn mines merged security fixes into the repository overlay', async () => {
  const { status, out } = await learn();
  expect(status).toBe(0);
  expect(out).toContain('learned from: #41 (CWE-89, 1 pair(s))');
  expect(out).toContain('skipped #42: names no CWE (add a label such as cwe-89, or pass --cwe)');
  expect(github.requests.find((r) => r.path === '/search/issues')!.query.q).toBe('repo:acme/portal is:pr is:merged label:security');
  for (const sub of ['mined/CWE-89.json', 'build/manifest.json', 'build/kb.json', 'sources/README.md']) expect(fs.existsSync(path.join(overlayDir(), sub))).toBe(true);

  const overlay = loadOverlay(overlayDir())!;
  const cwe = overlay.cwes.get('CWE-89')!;
  expect(cwe.examples).toHaveLength(1);
  expect(cwe.examples[0]).toMatchObject({ id: 'CWE-89.python.m1', title: 'search_items: Use bound parameters in item search (#41)', origin: 'mined' });
  expect(cwe.examples[0]!.provenance).toContain('https://github.com/acme/portal/pull/41');

  // --cwe gives the unlabelled pull request a CWE; the earlier pair stays and both are summarized.
  const again = await learn('--cwe', 'CWE-79');
  expect(again.out).toContain('#42 (CWE-79, 1 pair(s))');
  expect(loadOverlay(overlayDir())!.cwes.get('CWE-79')!.examples).toHaveLength(1);
  expect(loadOverlay(overlayDir())!.cwes.get('CWE-89')!.examples).toHaveLength(1);
});

test('an overlay learned from pull requests is loaded on top of the bundled KB and cited in a review', async () => {
  expect((await learn()).status).toBe(0);
  const bundled = await bundledKb();
  const overlay = loadOverlay(overlayDir())!;
  const kb = mergeOverlay(bundled, overlay);

  // Merged: the bundled CWE keeps its name, cause and ids; the overlay's entries are marked.
  const cwe = kb.cwes.get('CWE-89')!;
  expect(cwe.name).toBe(bundled.cwes.get('CWE-89')!.name);
  expect(cwe.guidelines.map((g) => [g.id, g.origin])).toEqual([
    ['CWE-89.g1', 'hand-written'],
    ['CWE-89.g2', 'hand-written'],
    ['overlay:CWE-89.m1', 'overlay'],
  ]);
  expect(cwe.examples.map((e) => e.id)).toEqual(['CWE-89.python.1', 'overlay:CWE-89.python.m1']);
  expect(kb.overlay).toMatchObject({ cwes: ['CWE-89'], added: [], guidelines: 1, examples: 1 });
  expect(getMergedExampleText(kb, 'overlay:CWE-89.python.m1')!.vulnerable).toContain("LIKE '%%%s%%'");
  expect(getMergedExampleText(kb, 'CWE-89.python.1')!.secure).toContain('(name,)');
  // Retrieval sees the overlay: its guideline text is indexed with the CWE, its example with the examples.
  expect(searchCwes(kb, { text: 'team lesson parameterized sink' }).text[0]!.id).toBe('CWE-89');
  expect(kb.exampleIndex.search('search_items', { fields: ['code'] }).map((r) => r.id)).toContain('overlay:CWE-89.python.m1');
  // Neither input changed.
  expect(bundled.cwes.get('CWE-89')!.guidelines).toHaveLength(2);

  const diff = [
    'diff --git a/app/orders.py b/app/orders.py',
    'new file mode 100644',
    '--- /dev/null',
    '+++ b/app/orders.py',
    '@@ -0,0 +1,3 @@',
    '+def orders_of(cur, customer):',
    '+    cur.execute("SELECT id FROM orders WHERE customer = \'%s\'" % customer)',
    '+    return cur.fetchall()',
    '',
  ].join('\n');
  const text = 'def orders_of(cur, customer):\n    cur.execute("SELECT id FROM orders WHERE customer = \'%s\'" % customer)\n    return cur.fetchall()\n';
  const result = await reviewChange({
    changeSet: parseDiff(diff),
    source: { read: async (p) => (p === 'app/orders.py' ? Buffer.from(text) : undefined) },
    logger: new RecordingLogger(),
    assessment: { rules: citeOverlayGuidance(createRuleBook(kb.document), kb) },
  });
  expect(result.findings).toHaveLength(1);
  const finding = result.findings[0]!;
  expect(finding.cwe).toBe('CWE-89');
  expect(finding.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1', 'overlay:CWE-89.m1']);
  const comment = renderComment(finding, { kind: 'none' }, '0.0.0-test');
  expect(comment).toContain('**overlay:CWE-89.m1**: Team lesson for CWE-89');

  // Without the overlay, the same review cites the bundled guideline only.
  const plain = await reviewChange({
    changeSet: parseDiff(diff),
    source: { read: async () => Buffer.from(text) },
    logger: new RecordingLogger(),
    assessment: { rules: createRuleBook(bundled.document) },
  });
  expect(plain.findings[0]!.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1']);
});

test('overlay guidance learned in one language is not cited for findings in another', async () => {
  expect((await learn()).status).toBe(0);
  const kb = mergeOverlay(await bundledKb(), loadOverlay(overlayDir())!);
  const book = citeOverlayGuidance(createRuleBook(kb.document), kb);
  const pythonRule = [...book.ruleIds].find((id) => id.startsWith('cwe-89.python'))!;
  expect(book.info(pythonRule)!.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1', 'overlay:CWE-89.m1']);
  // The same CWE's rule for JavaScript: the overlay learned only from Python fixes, so it cites nothing more.
  const real = createRuleBook(kb.document);
  const info = real.info(pythonRule)!;
  const jsBook = citeOverlayGuidance({ ...real, info: () => ({ ...info, rule: { ...info.rule, id: 'cwe-89.javascript.x', language: 'javascript' } }) }, kb);
  expect(jsBook.info('cwe-89.javascript.x')!.guidelines.map((g) => g.id)).toEqual(['CWE-89.g1']);
  // A repository without an overlay loads nothing.
  expect(loadOverlay(path.join(tmp.root, 'nowhere'))).toBeUndefined();
});

test('the CWE of a pull request comes from a label, else its text', () => {
  const pr = { number: 1, title: 'Fix', body: '', labels: [] as string[], url: 'https://github.com/a/b/pull/1' };
  expect(cweOfPullRequest({ ...pr, labels: ['security', 'CWE-089'] })).toBe('CWE-89');
  expect(cweOfPullRequest({ ...pr, body: 'Fixes a path traversal (cwe-22).' })).toBe('CWE-22');
  expect(cweOfPullRequest(pr)).toBeUndefined();
});

test('kb learn usage errors', async () => {
  const mem = memoryIo({ cwd: tmp.root, env: {} });
  const io = { ...mem.io, logger: new RecordingLogger() };
  await expect(kbCommand.run(['learn'], io)).rejects.toThrow(/needs --from-prs QUERY/);
  await expect(kbCommand.run(['learn', '--from-prs', 'label:security'], io)).rejects.toThrow(/--repo OWNER\/NAME/);
  await expect(kbCommand.run(['learn', '--from-prs', 'x', '--repo', 'a/b', '--cwe', '89'], io)).rejects.toThrow(/--cwe must look like CWE-89/);
});
