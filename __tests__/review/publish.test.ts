import { describe, expect, test } from '@jest/globals';
import { RecordingLogger } from '../../__fixtures__/recording-logger.js';
import { planReview } from '../../src/review/plan.js';
import { findRefused, publishReview, MAX_PROBES } from '../../src/review/publish.js';
import type { Annotation, PostOutcome, ReviewDraft, ReviewPublisher } from '../../src/review/publisher.js';
import type { ExistingComment, StaleComment } from '../../src/review/types.js';
import { finding, githubFile } from './findings.js';

/** A hand-written publisher: refuses comments on the given lines with 422, or everything with `status`. */
class FakePublisher implements ReviewPublisher {
  readonly posts: { draft: ReviewDraft; mode: string }[] = [];
  readonly annotations: Annotation[] = [];
  readonly retired: StaleComment[] = [];
  constructor(
    private readonly refuse: (line: number) => boolean = () => false,
    private readonly status?: number,
    private readonly retireFails = false,
  ) {}
  async listExisting(): Promise<ExistingComment[]> {
    return [];
  }
  async postReview(draft: ReviewDraft, mode: 'submit' | 'probe'): Promise<PostOutcome> {
    this.posts.push({ draft, mode });
    if (this.status) return { ok: false, status: this.status, message: 'Resource not accessible by integration' };
    if (draft.comments.some((c) => this.refuse(c.line))) return { ok: false, status: 422, message: 'Line could not be resolved' };
    return { ok: true, id: this.posts.length, url: `https://example.test/review/${this.posts.length}` };
  }
  async retire(stale: StaleComment) {
    if (this.retireFails) throw new Error('boom');
    this.retired.push(stale);
    return 'resolved' as const;
  }
  annotate(annotations: readonly Annotation[]) {
    this.annotations.push(...annotations);
  }
}

const lines = Array.from({ length: 20 }, (_, i) => i + 1);
const file = githubFile('app.py', `@@ -0,0 +1,20 @@\n${lines.map((n) => `+l${n}`).join('\n')}`);
const findings = lines.map((n) => finding({ path: 'app.py', startLine: n, fingerprint: n.toString(16).padStart(2, '0') }));
const gone: ExistingComment = { where: 'inline', id: 99, threadId: 'T', resolved: false, markedOutdated: false, path: 'app.py', body: '', fingerprint: 'ffffffffffffffffffff', version: 'rules-1' };
const plan = planReview({ findings, skipped: [] }, { files: [file], skipped: [] }, [gone]);

describe('findRefused', () => {
  const accepted: PostOutcome = { ok: true, id: 1, url: '' };
  const refused: PostOutcome = { ok: false, status: 422, message: '' };
  test.each([[[7]], [[1, 20]], [[3, 4, 5]]])('finds the culprits %j among 20 within the budget', async (bad) => {
    const probe = async (subset: readonly number[]) => (subset.some((n) => bad.includes(n)) ? refused : accepted);
    const r = await findRefused(lines, probe, MAX_PROBES);
    expect(r.refused.sort((a, b) => a - b)).toEqual(bad);
    expect(r.probes).toBeLessThanOrEqual(MAX_PROBES);
  });

  test('one culprit among 20 costs at most 2·log2(20) probes', async () => {
    const r = await findRefused(lines, async (s) => (s.includes(13) ? refused : accepted), MAX_PROBES);
    expect(r.probes).toBeLessThanOrEqual(9);
  });

  test('when the budget runs out, the untested comments count as refused (moved to the body, never lost)', async () => {
    const r = await findRefused(lines, async (s) => (s.includes(13) ? refused : accepted), 2);
    expect(r.probes).toBe(2);
    expect(r.refused).toContain(13);
    expect(r.refused.length).toBeGreaterThan(1);
  });

  test('a probe failing otherwise (403, 500) stops the search', async () => {
    const r = await findRefused(lines, async () => ({ ok: false, status: 500, message: '' }), MAX_PROBES);
    expect(r.probes).toBe(1);
    expect(r.refused).toEqual(lines);
  });
});

describe('publishReview', () => {
  test('posts one review, then resolves the comments whose finding is gone', async () => {
    const publisher = new FakePublisher();
    const out = await publishReview(plan, publisher, { commitId: 'abc', logger: new RecordingLogger() });
    expect(publisher.posts.map((p) => p.mode)).toEqual(['submit']);
    expect(publisher.posts[0]!.draft.comments).toHaveLength(20);
    expect(out).toMatchObject({ status: 'posted', resolved: 1, reviewUrl: 'https://example.test/review/1' });
  });

  test('a 422 on two comments: probes find them, the other 18 are posted, the two are in the body', async () => {
    const publisher = new FakePublisher((line) => line === 4 || line === 17);
    const logger = new RecordingLogger();
    const out = await publishReview(plan, publisher, { commitId: 'abc', logger });
    const submits = publisher.posts.filter((p) => p.mode === 'submit');
    expect(submits).toHaveLength(2);
    expect(submits[1]!.draft.comments.map((c) => c.line)).toEqual(lines.filter((n) => n !== 4 && n !== 17));
    expect(out.refused.map((c) => c.line).sort((a, b) => a - b)).toEqual([4, 17]);
    expect(out.plan.body).toContain('line 4 in');
    expect(out.plan.body).toContain('GitHub refused the inline comment');
    expect(publisher.posts.length).toBeLessThanOrEqual(2 + MAX_PROBES);
    expect(logger.warnings.filter((w) => w.startsWith('GitHub refused the comment on app.py:'))).toHaveLength(2);
  });

  test('403: nothing posted, nothing retired, findings annotated (capped per level), no error counted', async () => {
    const publisher = new FakePublisher(undefined, 403);
    const logger = new RecordingLogger();
    const out = await publishReview(plan, publisher, { commitId: 'abc', logger });
    expect(out.status).toBe('fallback');
    expect(out.errors).toEqual([]);
    expect(publisher.retired).toEqual([]);
    expect(publisher.annotations).toHaveLength(10);
    expect(publisher.annotations[0]).toEqual({ level: 'warning', title: 'RESCUE CWE-89 (high)', message: expect.stringContaining('(CWE-89.g1)'), file: 'app.py', startLine: 1, endLine: 1 });
    expect(logger.warnings.some((w) => w.includes('GitHub answered 403 to the review'))).toBe(true);
  });

  test('a 500 that survives the retries is an error for fail-on: errors', async () => {
    const out = await publishReview(plan, new FakePublisher(undefined, 502), { commitId: 'abc', logger: new RecordingLogger() });
    expect(out.errors).toHaveLength(1);
  });

  test('a comment that cannot be resolved is a warning, not a failure', async () => {
    const logger = new RecordingLogger();
    const out = await publishReview(plan, new FakePublisher(undefined, undefined, true), { commitId: 'abc', logger });
    expect(out).toMatchObject({ status: 'posted', retireFailures: 1 });
    expect(logger.warnings.some((w) => w.includes('comment 99'))).toBe(true);
  });
});
