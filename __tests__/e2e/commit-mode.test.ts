import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, jest, test } from '@jest/globals';
import { FakeGitHub } from '../../__fixtures__/fake-github.js';
import { example, exampleFiles, runAction } from './run-action.js';

// Commit and pull-request modes through the Git Data API against the fake: the expected tree, the message
// with its co-author trailer, and refusals for forks.
jest.setTimeout(60_000);

let github: FakeGitHub;
afterEach(() => github.stop());

async function start(fork = false) {
  github = await new FakeGitHub({ owner: 'octo', repo: 'shop', number: 42, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), files: exampleFiles(), fork, headRef: 'feature/export' }).start();
  return github;
}

const reports = fs.readFileSync(path.join(example, 'app/reports.py'), 'utf8');
const fixedReports = reports.replace('    settings = yaml.load(request.get_data())\n', '    settings = yaml.safe_load(request.get_data())\n');

function posted(kind: string) {
  return github.requests.filter((r) => r.method !== 'GET' && r.url.includes(kind)).map((r) => ({ method: r.method, url: r.url, body: r.body ? JSON.parse(r.body) : undefined }));
}

test('commit mode: one commit on the head branch with the fixed tree, then a review of the rest', async () => {
  await start();
  const r = await runAction(github, { mode: 'commit' });
  expect(r.code).toBe(0);
  const [tree] = posted('/git/trees');
  expect(tree!.body.base_tree).toBe(`tree-of-${'a'.repeat(8)}`);
  expect(tree!.body.tree.map((e: { path: string; mode: string; type: string }) => [e.path, e.mode, e.type])).toEqual([['app/reports.py', '100644', 'blob']]);
  expect(github.blobText(tree!.body.tree[0].sha)).toBe(fixedReports);
  const [commit] = posted('/git/commits');
  expect(commit!.body.parents).toEqual(['a'.repeat(40)]);
  expect(commit!.body.message).toMatch(/^RESCUE: apply 1 verified security fix to #42\n\n- app\/reports\.py:36 CWE-502 \(cwe-502\.python\.yaml-load\): /);
  expect(commit!.body.message).toMatch(/\n\nCo-authored-by: rescue-action\[bot\] <rescue-action\[bot\]@users\.noreply\.github\.com>$/);
  const [update] = posted('/git/refs/');
  expect(update).toMatchObject({ method: 'PATCH', url: '/repos/octo/shop/git/refs/heads%2Ffeature%2Fexport', body: { force: false } });
  expect(github.refs.get('heads/feature/export')).toBe(update!.body.sha);
  // The fixed finding is not commented; the three without a fix are, and the body says what was committed.
  expect(github.postedComments.map((c) => [c.path, c.line])).toEqual([
    ['app/reports.py', 30],
    ['app/reports.py', 38],
    ['web/server.js', 16],
  ]);
  expect(github.reviews[0]!.body).toContain('RESCUE committed 1 verified fix to this branch');
  expect(r.summary).toContain('Committed 1 fix to `feature/export`');
});

test('commit mode refuses a fork pull request and still reviews', async () => {
  await start(true);
  const r = await runAction(github, { mode: 'commit' });
  expect(r.code).toBe(0);
  expect(github.requests.filter((q) => q.url.includes('/git/'))).toEqual([]);
  expect(r.stdout).toContain('mode "commit" is refused for pull requests from forks');
  expect(r.summary).toContain('refused for pull requests from forks');
  expect(github.postedComments).toHaveLength(4);
});

test('commit mode does not commit when the branch moved since the reviewed commit', async () => {
  await start();
  github.refs.set('heads/feature/export', 'c'.repeat(40));
  const r = await runAction(github, { mode: 'commit' });
  expect(r.code).toBe(0);
  expect(posted('/git/')).toEqual([]);
  expect(r.stdout).toContain('moved to cccccccccccc since the reviewed commit');
  expect(github.postedComments).toHaveLength(4); // nothing fixed: every finding is commented
});

test('pull-request mode: a branch rescue/fixes-<pr>-<sha> and a pull request into the head branch', async () => {
  await start();
  const r = await runAction(github, { mode: 'pull-request' });
  expect(r.code).toBe(0);
  expect(github.refs.get('heads/rescue/fixes-42-aaaaaaa')).toMatch(/^[0-9a-f]{40}$/);
  expect(github.refs.get('heads/feature/export')).toBe('a'.repeat(40)); // the PR branch itself is untouched
  expect(github.pulls).toEqual([expect.objectContaining({ head: 'rescue/fixes-42-aaaaaaa', base: 'feature/export', title: 'RESCUE: security fixes for #42' })]);
  expect(github.reviews[0]!.body).toContain('RESCUE opened #43 with 1 verified fix into this branch');
  // A re-run at the same commit finds the open pull request instead of failing.
  const again = await runAction(github, { mode: 'pull-request' });
  expect(again.code).toBe(0);
  expect(github.pulls).toHaveLength(1);
});
