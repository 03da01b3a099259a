import { expect, test } from '@jest/globals';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { planReview } from '../../src/review/plan.js';
import { finding, githubFile } from '../review/findings.js';
import { sampleResult } from './sample-result.js';

const changeSet = {
  files: [githubFile('app/reports.py', '@@ -30,2 +30,10 @@\n a\n+b\n+c\n+d\n+e\n+f\n+g\n+h\n+i\n j'), githubFile('web/server.js', '@@ -10,2 +10,8 @@\n a\n+b\n+c\n+d\n+e\n+f\n+g\n h')],
  skipped: [],
};

test('golden: the job summary after a posted review with a fix commit', () => {
  const plan = planReview(sampleResult, changeSet, [], { maxComments: 1 });
  const summary = renderJobSummary(sampleResult, {
    mode: 'commit',
    dryRun: false,
    plan,
    review: { status: 'posted', reviewUrl: 'https://github.com/o/r/pull/1#pullrequestreview-9', plan, refused: [], probes: 0, resolved: 1, markedOutdated: 0, retireFailures: 0, annotations: 0, errors: [] },
    fixes: {
      outcome: { status: 'committed', sha: 'f'.repeat(40), url: 'https://github.com/o/r/commit/fff', branch: 'feature' },
      applied: 1,
      refused: [{ finding: finding({ path: '.github/workflows/ci.yml', startLine: 3 }), reason: 'files under .github/workflows/ are never changed by RESCUE' }],
    },
  });
  expect(summary).toContain('| CWE | 🟥 critical | 🟧 high | 🟨 medium | ⬜ low | total |');
  expect(summary).toContain('1 sent to the model (1 call, 1200 input and 300 output tokens)');
  expect(summary).toMatchSnapshot();
});

test('golden: the job summary when nothing could be posted (fork)', () => {
  const plan = planReview(sampleResult, changeSet, []);
  const summary = renderJobSummary(sampleResult, {
    mode: 'review',
    dryRun: false,
    plan,
    review: { status: 'fallback', plan, refused: [], probes: 0, resolved: 0, markedOutdated: 0, retireFailures: 0, annotations: 3, errors: [], fallbackReason: 'GitHub answered 403 to the review: this token cannot comment on the pull request.' },
  });
  expect(summary).toContain('**Nothing was posted**');
  expect(summary).toMatchSnapshot();
});
