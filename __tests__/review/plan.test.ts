import { describe, expect, test } from '@jest/globals';
import { fenceFor } from '../../src/review/fence.js';
import { parseBodyMarker, parseMarker, renderMarker } from '../../src/review/marker.js';
import { moveToBody, planReview } from '../../src/review/plan.js';
import type { ExistingComment } from '../../src/review/types.js';
import { finding, githubFile } from './findings.js';

// app.py: hunk 1 covers RIGHT lines 1-4, hunk 2 lines 41-45.
const app = githubFile('app.py', '@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -40,4 +41,5 @@\n x\n+y\n+z\n w\n v');
const changeSet = { files: [app], skipped: [] };
const head = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n');
const headText = (path: string) => (path === 'app.py' ? head : undefined);

function existing(over: Partial<ExistingComment> & Pick<ExistingComment, 'fingerprint'>): ExistingComment {
  return { where: 'inline', id: 1, threadId: 'T1', resolved: false, markedOutdated: false, path: 'app.py', line: 42, body: '', version: 'rules-1', ...over };
}

describe('placement', () => {
  test('a verified fix of exactly the commented lines inside one hunk is a suggestion', () => {
    const f = finding({ path: 'app.py', startLine: 42, endLine: 43, fingerprint: 'a1', fix: { startLine: 42, endLine: 43, replacement: '    safe()\n    call()', verified: true } });
    const plan = planReview({ findings: [f], skipped: [] }, changeSet, [], { headText });
    expect(plan.comments).toEqual([expect.objectContaining({ path: 'app.py', startLine: 42, line: 43, side: 'RIGHT', suggestion: true })]);
    expect(plan.comments[0]!.body).toContain('```suggestion\n    safe()\n    call()\n```');
  });

  test('a fix reaching outside the hunk is shown as a diff against the head lines, without a suggestion', () => {
    const f = finding({ path: 'app.py', startLine: 44, fingerprint: 'a2', fix: { startLine: 44, endLine: 47, replacement: 'fixed', verified: true } });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, [], { headText }).comments;
    expect(c).toMatchObject({ line: 44, suggestion: false });
    expect(c!.startLine).toBeUndefined();
    expect(c!.body).toContain('```diff\n-line 44\n-line 45\n-line 46\n-line 47\n+fixed\n```');
    expect(c!.body).not.toContain('```suggestion');
  });

  test('an unverified fix is never shown', () => {
    const f = finding({ path: 'app.py', startLine: 2, fingerprint: 'a3', fix: { startLine: 2, endLine: 2, replacement: 'maybe', verified: false } });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, []).comments;
    expect(c!.body).not.toContain('maybe');
    expect(c!.body).toContain('No verified replacement is available');
  });

  test('a fix that needs imports is a diff with the imports, not a one-click suggestion', () => {
    const f = finding({ path: 'app.py', startLine: 2, fingerprint: 'a4', fix: { startLine: 2, endLine: 2, replacement: 'shlex.quote(x)', verified: true, imports: ['import shlex'] } });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, [], { headText }).comments;
    expect(c!.suggestion).toBe(false);
    expect(c!.body).toContain('+import shlex');
  });

  test('a range straddling two hunks anchors on one changed line of it', () => {
    const f = finding({ path: 'app.py', startLine: 3, endLine: 42, fingerprint: 'a5' });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, []).comments;
    expect(c).toMatchObject({ line: 42, suggestion: false });
  });

  test('lines outside every hunk, or a file not in the diff, go to the review body with the fix', () => {
    const outside = finding({ path: 'app.py', startLine: 20, fingerprint: 'a6', fix: { startLine: 20, endLine: 20, replacement: 'fixed20', verified: true } });
    const elsewhere = finding({ path: 'lib.py', startLine: 1, fingerprint: 'a7' });
    const plan = planReview({ findings: [outside, elsewhere], skipped: [] }, changeSet, [], { headText });
    expect(plan.comments).toEqual([]);
    expect(plan.bodyEntries.map((e) => e.reason)).toEqual(['outside-diff', 'outside-diff']);
    expect(plan.body).toContain('-line 20\n  +fixed20');
    expect(parseBodyMarker(plan.body)?.fingerprints).toEqual([outside.fingerprint, elsewhere.fingerprint]);
  });

  test('the cap keeps the most severe inline, the rest overflow into the body', () => {
    const low = finding({ path: 'app.py', startLine: 2, fingerprint: 'b1', severity: 'low' });
    const critical = finding({ path: 'app.py', startLine: 42, fingerprint: 'b2', severity: 'critical' });
    const plan = planReview({ findings: [low, critical], skipped: [] }, changeSet, [], { maxComments: 1 });
    expect(plan.comments.map((c) => c.finding.fingerprint)).toEqual([critical.fingerprint]);
    expect(plan.bodyEntries).toEqual([{ finding: low, reason: 'overflow' }]);
  });
});

describe('idempotency', () => {
  const a = finding({ path: 'app.py', startLine: 2, fingerprint: 'c1' });
  const b = finding({ path: 'app.py', startLine: 42, fingerprint: 'c2' });

  test('a finding with an earlier comment (inline or in a review body) is not posted again', () => {
    const plan = planReview({ findings: [a, b], skipped: [] }, changeSet, [existing({ fingerprint: a.fingerprint }), existing({ where: 'review-body', id: 9, fingerprint: b.fingerprint })]);
    expect(plan.comments).toEqual([]);
    expect(plan.hasNewContent).toBe(false);
    expect(plan.kept.map((k) => k.finding)).toEqual([a, b]);
  });

  test('an earlier comment whose finding is gone is resolved, or marked outdated without a thread id', () => {
    const gone1 = existing({ id: 5, fingerprint: 'dddddddddddddddddddd' });
    const gone2 = existing({ id: 6, threadId: undefined, fingerprint: 'eeeeeeeeeeeeeeeeeeee' });
    const done = existing({ id: 7, resolved: true, fingerprint: 'ffffffffffffffffffff' });
    const plan = planReview({ findings: [a], skipped: [] }, changeSet, [gone1, gone2, done]);
    expect(plan.stale.map((s) => [s.comment.id, s.action])).toEqual([
      [5, 'resolve'],
      [6, 'mark-outdated'],
    ]);
  });

  test('a comment on a file that could not be read this run is kept, not resolved', () => {
    const gone = existing({ fingerprint: 'dddddddddddddddddddd', path: 'big.py' });
    const plan = planReview({ findings: [], skipped: [{ path: 'big.py', reason: 'too-large', detail: '2 MB' }] }, changeSet, [gone]);
    expect(plan.stale).toEqual([]);
    expect(plan.skipped).toEqual([expect.objectContaining({ reason: 'file-not-reviewed' })]);
  });

  test('findings fixed by a commit this run are neither posted nor treated as gone', () => {
    const plan = planReview({ findings: [a, b], skipped: [] }, changeSet, [existing({ fingerprint: a.fingerprint })], { handled: new Set([a.fingerprint, b.fingerprint]) });
    expect(plan.comments).toEqual([]);
    expect(plan.stale).toEqual([]);
  });

  test('refused comments move to the body and its marker names them', () => {
    const plan = planReview({ findings: [a, b], skipped: [] }, changeSet, []);
    const moved = moveToBody(plan, [plan.comments[1]!]);
    expect(moved.comments).toHaveLength(1);
    expect(moved.bodyEntries).toEqual([{ finding: plan.comments[1]!.finding, reason: 'refused' }]);
    expect(parseBodyMarker(moved.body)?.fingerprints).toEqual([plan.comments[1]!.finding.fingerprint]);
  });
});

describe('markers and fences', () => {
  test('only the marker at the very end of a body counts', () => {
    const m = renderMarker({ fingerprint: 'abcdef0123456789abcd', version: 'rules-1' });
    expect(parseMarker(`text\n${m}`)).toEqual({ fingerprint: 'abcdef0123456789abcd', version: 'rules-1' });
    expect(parseMarker(`${m}\nmore text after it`)).toBeUndefined();
  });

  test('a suggestion whose code holds backticks gets a longer fence, and code cannot forge the marker', () => {
    expect(fenceFor('a ``` b')).toBe('````');
    expect(fenceFor('plain')).toBe('```');
    const forged = 'x = "<!-- rescue:fp=0000000000000000000f;v=rules-1 -->"\n```';
    const f = finding({ path: 'app.py', startLine: 2, fingerprint: 'f1', fix: { startLine: 2, endLine: 2, replacement: forged, verified: true } });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, []).comments;
    expect(c!.body).toContain('````suggestion\n' + forged + '\n````');
    expect(parseMarker(c!.body)?.fingerprint).toBe(f.fingerprint);
  });

  test('text from the pull request is escaped: no mentions, no HTML', () => {
    const f = finding({ path: 'app.py', startLine: 2, fingerprint: 'f2', unit: 'x`y', message: 'calls @admin <img src=x onerror=alert(1)>' });
    const [c] = planReview({ findings: [f], skipped: [] }, changeSet, []).comments;
    expect(c!.body).not.toContain('@admin');
    expect(c!.body).not.toMatch(/(^|[^\\])<img/);
  });
});

test('golden: a comment with a diff, and a body with overflow and a file-level entry', () => {
  const findings = [
    finding({ path: 'app.py', startLine: 42, endLine: 43, fingerprint: 'a1', fix: { startLine: 42, endLine: 43, replacement: '    cur.execute("SELECT * FROM t WHERE id = ?", (id,))', verified: true, description: 'Bind the value as a query parameter.' } }),
    finding({ path: 'app.py', startLine: 44, fingerprint: 'a2', cwe: 'CWE-78', severity: 'medium', ruleId: 'cwe-78.python.os-system', fix: { startLine: 44, endLine: 46, replacement: '    subprocess.run(["ls", path])', verified: true } }),
    finding({ path: 'app.py', startLine: 20, fingerprint: 'a3', severity: 'low', source: 'llm', ruleId: undefined }),
    finding({ path: 'app.py', startLine: 2, fingerprint: 'a4', severity: 'low' }),
  ];
  const plan = planReview({ findings, skipped: [] }, changeSet, [existing({ id: 5, fingerprint: 'dddddddddddddddddddd' })], { headText, maxComments: 2 });
  expect(plan.comments.map((c) => c.body)).toMatchSnapshot('comments');
  expect(plan.body).toMatchSnapshot('body');
});
