import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { FakeGitHub } from '../../__fixtures__/fake-github.js';
import { exampleFiles, fingerprintOf, runAction } from './run-action.js';

// The review the Action posts on the example change: one review, exact lines and sides, a suggestion only
// where the verified fix replaces exactly the commented lines.
jest.setTimeout(60_000);
let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub({ owner: 'octo', repo: 'shop', number: 42, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), files: exampleFiles() }).start();
});
afterEach(() => github.stop());

function reviewPosts() {
  return github.requests.filter((r) => r.method === 'POST' && r.url === '/repos/octo/shop/pulls/42/reviews').map((r) => JSON.parse(r.body));
}

test('posts one COMMENT review with the exact comments, lines, sides and suggestion', async () => {
  const r = await runAction(github, {});
  expect(r.code).toBe(0);
  const posts = reviewPosts();
  expect(posts).toHaveLength(1);
  const [review] = posts;
  expect(review.event).toBe('COMMENT');
  expect(review.commit_id).toBe('a'.repeat(40));
  const shape = review.comments.map((c: Record<string, unknown>) => ({ path: c.path, line: c.line, start_line: c.start_line, side: c.side, start_side: c.start_side }));
  expect(shape).toEqual([
    { path: 'app/reports.py', line: 30, start_line: undefined, side: 'RIGHT', start_side: undefined },
    { path: 'app/reports.py', line: 36, start_line: undefined, side: 'RIGHT', start_side: undefined },
    { path: 'app/reports.py', line: 38, start_line: undefined, side: 'RIGHT', start_side: undefined },
    { path: 'web/server.js', line: 16, start_line: 13, side: 'RIGHT', start_side: 'RIGHT' },
  ]);
  const [sqlComment, yamlComment, shellComment, execComment] = review.comments as { body: string }[];
  // The suggestion replaces exactly line 36, and nothing else carries one.
  expect(yamlComment!.body).toContain('```suggestion\n    settings = yaml.safe_load(request.get_data())\n```');
  expect(sqlComment!.body).not.toContain('```suggestion');
  expect(sqlComment!.body).toContain('CWE-89');
  expect(shellComment!.body).not.toContain('```suggestion');
  expect(execComment!.body).not.toContain('```suggestion');
  for (const c of review.comments as { body: string }[]) {
    expect(c.body).toMatch(/CWE-\d+/);
    expect(c.body).toMatch(/\*\*CWE-\d+\.g\d+\*\*: \S/); // cites guideline ids with their text
    expect(fingerprintOf(c.body)).toMatch(/^[0-9a-f]{20}$/);
  }
  expect(review.comments.map((c: { body: string }) => c.body)).toMatchSnapshot('comment bodies');
  expect(review.body).toMatchSnapshot('review body');
  expect(r.outputs['review-url']).toMatch(/^https:\/\/github\.com\/octo\/shop\/pull\/42#pullrequestreview-\d+$/);
  expect(r.outputs.findings).toBe('4');
  expect(r.summary).toContain('Review [posted]');
  expect(r.summary).toContain('| CWE |');
});

test('a comment GitHub refuses (422) goes to the review body; the others are still posted', async () => {
  github.rejectComment = (c) => c.path === 'web/server.js';
  const r = await runAction(github, {});
  expect(r.code).toBe(0);
  const submitted = github.reviews.filter((x) => x.state === 'COMMENTED');
  expect(submitted).toHaveLength(1);
  expect(github.reviews.filter((x) => x.state === 'PENDING')).toHaveLength(0);
  expect(github.postedComments.map((c) => [c.path, c.line])).toEqual([
    ['app/reports.py', 30],
    ['app/reports.py', 36],
    ['app/reports.py', 38],
  ]);
  expect(submitted[0]!.body).toContain('GitHub refused the inline comment');
  expect(submitted[0]!.body).toContain('`web/server.js` lines 13–16');
  expect(submitted[0]!.body).toMatch(/<!-- rescue:review;fps=[0-9a-f]{20};v=rules-1 -->$/);
  // Bounded: the first post, a few probes (each a pending review deleted at once), the final post.
  const posts = github.requests.filter((q) => q.method === 'POST' && q.url.endsWith('/pulls/42/reviews'));
  expect(posts.length).toBeLessThanOrEqual(2 + 16);
  expect(r.stdout).toContain('GitHub refused the comment on web/server.js:16');

  // The next run does not list the refused finding again: the body's marker counts as a comment.
  const again = await runAction(github, {});
  expect(again.code).toBe(0);
  expect(github.reviews.filter((x) => x.state === 'COMMENTED')).toHaveLength(1);
});

test('a read-only token (fork pull request, 403) gives the job summary, annotations and a clear log line', async () => {
  await github.stop();
  github = await new FakeGitHub({ owner: 'octo', repo: 'shop', number: 42, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), files: exampleFiles(), fork: true }).start();
  github.readOnly = true;
  const r = await runAction(github, {});
  expect(r.code).toBe(0);
  expect(github.reviews).toHaveLength(0);
  expect(r.stdout).toMatch(/GitHub answered 403 to the review: this token cannot comment on the pull request/);
  expect(r.stdout).toMatch(/^::warning title=RESCUE CWE-502 \(high\),file=app\/reports\.py,line=36,endLine=36::yaml\.load/m);
  expect(r.stdout).toMatch(/^::warning title=RESCUE CWE-78 \(high\),file=web\/server\.js,line=13,endLine=16::/m);
  expect(r.summary).toContain('**Nothing was posted**');
  expect(r.summary).toContain('annotated on their lines');
  expect(r.outputs['review-url']).toBe('');
});

test('dry-run prints the plan and writes nothing', async () => {
  const r = await runAction(github, { 'dry-run': 'true' });
  expect(r.code).toBe(0);
  expect(github.writes).toEqual([]);
  expect(r.stdout).toContain('Review plan: 4 inline comment(s)');
  expect(r.stdout).toContain('--- comment app/reports.py:36 RIGHT CWE-502');
  expect(r.summary).toContain('**Dry run**');
});

test('max-comments caps the inline comments; the rest go to the body and the summary', async () => {
  const r = await runAction(github, { 'max-comments': '1' });
  expect(r.code).toBe(0);
  expect(github.postedComments).toHaveLength(1);
  const body = github.reviews[0]!.body;
  expect(body.match(/more findings than the inline comment limit/g)).toHaveLength(3);
  expect(r.summary).toContain('over the inline comment limit');
});
