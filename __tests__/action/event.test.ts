import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPullRequestEvent } from '../../src/action/event.js';

function eventFile(payload: object): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rescue-event-')), 'event.json');
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

const pr = (headRepo: string | null) => ({
  pull_request: { number: 7, title: 'T', body: null, head: { sha: 'h', repo: headRepo ? { full_name: headRepo } : null }, base: { sha: 'b', repo: { full_name: 'o/r' } } },
});

test.each(['pull_request', 'pull_request_target'])('%s gives the PR with its head and base', (name) => {
  const ref = readPullRequestEvent({ GITHUB_EVENT_NAME: name, GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: eventFile(pr('o/r')) });
  expect(ref).toEqual({ owner: 'o', repo: 'r', number: 7, headSha: 'h', baseSha: 'b', title: 'T', body: '', fromFork: false });
});

test('a fork PR, and a PR whose fork was deleted, are from forks', () => {
  for (const head of ['someone/r', null]) {
    const ref = readPullRequestEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: eventFile(pr(head)) });
    expect(ref.fromFork).toBe(true);
  }
});

test('workflow_dispatch takes the number from the input or the dispatch inputs', () => {
  const env = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: eventFile({ inputs: { 'pull-request': '12' } }) };
  expect(readPullRequestEvent(env).number).toBe(12);
  expect(readPullRequestEvent(env, 5).number).toBe(5);
});

test('other events are refused with a clear message', () => {
  expect(() => readPullRequestEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: eventFile({}) })).toThrow(
    /run it on pull_request .* triggered by "push"/,
  );
});

test('a missing repository or unreadable payload is a configuration error', () => {
  expect(() => readPullRequestEvent({})).toThrow(/GITHUB_REPOSITORY is not set/);
  expect(() => readPullRequestEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: '/nonexistent.json' })).toThrow(/cannot read the event payload/);
});
