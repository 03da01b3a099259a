import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeGitHub } from '../../__fixtures__/fake-github.js';

// Runs the committed bundle as GitHub runs it: a process with INPUT_* and GITHUB_* variables, against a
// local fake of the GitHub REST API.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/insecure-change');
const diff = fs.readFileSync(path.join(example, 'change.diff'), 'utf8');

/** The per-file patches GitHub's file list carries: the hunks of each file, without headers. */
function patchOf(file: string): string {
  const section = diff.split(/^diff --git /m).find((s) => s.startsWith(`a/${file} `))!;
  return section.slice(section.indexOf('\n@@') + 1).trimEnd();
}

let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub({
    owner: 'octo',
    repo: 'shop',
    number: 42,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    title: 'Add search and export',
    files: [
      { filename: 'app/reports.py', status: 'modified', patch: patchOf('app/reports.py'), content: fs.readFileSync(path.join(example, 'app/reports.py')) },
      { filename: 'web/server.js', status: 'modified', patch: patchOf('web/server.js'), content: fs.readFileSync(path.join(example, 'web/server.js')) },
      { filename: 'logo.png', status: 'added' },
      { filename: 'old.py', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-def gone():\n-    pass' },
    ],
  }).start();
});
afterEach(() => github.stop());

async function runAction(inputs: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-action-'));
  const files = { event: path.join(dir, 'event.json'), summary: path.join(dir, 'summary.md'), output: path.join(dir, 'output.txt') };
  fs.writeFileSync(files.event, JSON.stringify({ action: 'opened', pull_request: github.pullJson() }));
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_API_URL: github.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo/shop',
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const result = await run(process.execPath, [path.join(root, 'dist/index.js')], { env, cwd: dir }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return { ...result, summary: fs.readFileSync(files.summary, 'utf8'), outputs: fs.readFileSync(files.output, 'utf8') };
}

test('reviews a pull request from the API and writes the job summary and outputs', async () => {
  const r = await runAction({ 'github-token': 'test-token', 'llm-provider': 'none' });
  expect(r.code).toBe(0);
  expect(r.summary).toContain('RESCUE security review');
  for (const unit of ['search_items', 'export_report', 'resetToken']) expect(r.summary).toContain(unit);
  expect(r.summary).not.toContain('`list_items`');
  expect(r.outputs).toMatch(/findings<<|findings=/);
  expect(r.outputs).toMatch(/sarif/);
  // Head contents come from the API at the head SHA, never from a checkout; the token is sent, never logged.
  expect(github.requests.some((q) => decodeURIComponent(q.url) === `/repos/octo/shop/contents/app/reports.py?ref=${'a'.repeat(40)}`)).toBe(true);
  expect(github.requests.every((q) => q.authorization === 'token test-token')).toBe(true);
  expect(r.stdout.replace(/^::add-mask::.*$/m, '')).not.toContain('test-token');
  expect(r.stdout).toMatch(/^old\.py: skipped \(deleted\)/m);
});

test('an invalid input fails the step with a message naming it', async () => {
  const r = await runAction({ 'github-token': 't', mode: 'merge' });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('::error::Input "mode" must be one of review, commit, pull-request; got "merge"');
  expect(github.requests).toHaveLength(0);
});
