import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { FakeGitHub } from '../../__fixtures__/fake-github.js';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { createGitHubClient } from '../../src/github/octokit.js';
import { createOctokitPublisher } from '../../src/github/review-publisher.js';
import { renderBodyMarker, renderMarker } from '../../src/review/marker.js';
import type { PlannedComment } from '../../src/review/types.js';
import { finding } from '../review/findings.js';

// The Octokit publisher against the local fake GitHub (REST and GraphQL), through the real client factory.
let github: FakeGitHub;
let logger: RecordingLogger;
beforeEach(async () => {
  github = await new FakeGitHub({
    owner: 'o',
    repo: 'r',
    number: 5,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    files: [{ filename: 'app.py', status: 'added', patch: '@@ -0,0 +1,3 @@\n+a\n+b\n+c', content: 'a\nb\nc\n' }],
  }).start();
  logger = new RecordingLogger();
});
afterEach(() => github.stop());

function publisher() {
  const client = createGitHubClient('t', logger, { baseUrl: github.url, maxRetries: 0, throttle: false });
  return createOctokitPublisher(client, { owner: 'o', repo: 'r', number: 5 }, { logger, annotate: () => {} });
}

function comment(line: number, fp: string): PlannedComment {
  const f = finding({ path: 'app.py', startLine: line, fingerprint: fp });
  return { finding: f, path: 'app.py', line, side: 'RIGHT', suggestion: false, body: `text\n${renderMarker({ fingerprint: f.fingerprint, version: 'rules-1' })}` };
}

test('only comments by the token user carrying a marker count; review bodies count too', async () => {
  const p = publisher();
  expect(await p.postReview({ commitId: 'a'.repeat(40), body: `summary\n${renderBodyMarker(['bbbbbbbbbbbbbbbbbbbb'], 'rules-1')}`, comments: [comment(1, 'a1'), comment(2, 'a2')] }, 'submit')).toMatchObject({ ok: true });
  // Someone else copies a marker into their own comment, and our bot has a comment without one.
  github.comments.push({ ...github.comments[0]!, id: 1, user: { login: 'mallory' }, threadId: 'PRRT_m', body: `hi\n${renderMarker({ fingerprint: 'cccccccccccccccccccc', version: 'rules-1' })}` });
  github.comments.push({ ...github.comments[0]!, id: 2, threadId: 'PRRT_n', body: 'a plain note by the bot' });
  const existing = await p.listExisting();
  expect(existing.map((e) => [e.where, e.fingerprint, e.threadId ?? null])).toEqual([
    ['inline', 'a1000000000000000000', expect.stringMatching(/^PRRT_/)],
    ['inline', 'a2000000000000000000', expect.stringMatching(/^PRRT_/)],
    ['review-body', 'bbbbbbbbbbbbbbbbbbbb', null],
  ]);
});

test('a probe leaves nothing behind; a refused comment is a 422 value, not a throw', async () => {
  const p = publisher();
  expect(await p.postReview({ commitId: 'a'.repeat(40), body: 'x', comments: [comment(1, 'a1')] }, 'probe')).toMatchObject({ ok: true });
  expect(github.reviews).toEqual([]);
  expect(await p.postReview({ commitId: 'a'.repeat(40), body: 'x', comments: [comment(9, 'a9')] }, 'submit')).toMatchObject({ ok: false, status: 422 });
});

test('retire resolves the thread through GraphQL', async () => {
  const p = publisher();
  await p.postReview({ commitId: 'a'.repeat(40), body: 'x', comments: [comment(1, 'a1')] }, 'submit');
  const [existing] = await p.listExisting();
  expect(await p.retire({ comment: existing!, action: 'resolve' }, 'abc')).toBe('resolved');
  expect(github.comments[0]!.resolved).toBe(true);
  expect((await p.listExisting())[0]!.resolved).toBe(true);
});

test('without GraphQL, comments are listed over REST and a gone finding is edited to say it is outdated, once', async () => {
  const p = publisher();
  await p.postReview({ commitId: 'a'.repeat(40), body: 'x', comments: [comment(1, 'a1')] }, 'submit');
  github.respond = (req) => (req.url === '/graphql' ? { status: 502, body: { message: 'bad gateway' } } : undefined);
  const [existing] = await p.listExisting();
  expect(existing).toMatchObject({ where: 'inline', resolved: false, markedOutdated: false });
  expect(existing!.threadId).toBeUndefined();
  expect(logger.warnings.some((w) => w.includes('using REST'))).toBe(true);
  expect(await p.retire({ comment: existing!, action: 'mark-outdated' }, 'abc')).toBe('marked-outdated');
  expect(github.comments[0]!.body).toMatch(/^> \[!NOTE\]\n> \*\*Outdated:\*\*/);
  const [again] = await p.listExisting();
  expect(again).toMatchObject({ markedOutdated: true, fingerprint: 'a1000000000000000000' });
});
