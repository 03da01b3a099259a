import type { ReviewResult } from '../pipeline/result.js';
import type { FixOutcome } from '../github/fix-commit.js';
import type { FixRefusal } from '../review/apply-fixes.js';
import type { PublishOutcome } from '../review/publish.js';
import type { ReviewPlan } from '../review/types.js';
import { escapeMarkdown, inlineCode } from './escape.js';
import { renderMarkdown } from './markdown.js';

/** What the run did on GitHub, for the job summary. */
export interface PublicationSummary {
  readonly mode: 'review' | 'commit' | 'pull-request';
  readonly dryRun: boolean;
  readonly plan?: ReviewPlan;
  readonly review?: PublishOutcome;
  readonly fixes?: { readonly outcome: FixOutcome; readonly applied: number; readonly refused: readonly FixRefusal[] };
  /** Why the review was not even planned (e.g. existing comments could not be read). */
  readonly notes?: readonly string[];
}

const REASON = { overflow: 'over the inline comment limit', 'outside-diff': 'not on changed lines', refused: 'refused by GitHub (422)' } as const;

/** The job summary: the review's findings (by CWE and severity, units, model use, skips) and what was posted. */
export function renderJobSummary(result: ReviewResult, publication: PublicationSummary): string {
  return `${renderMarkdown(result)}\n${renderPublication(publication)}`;
}

export function renderPublication(p: PublicationSummary): string {
  const out: string[] = ['### On the pull request', ''];
  const plan = p.review?.plan ?? p.plan;
  if (p.dryRun) out.push('- **Dry run**: nothing was posted. The review would have had:');
  if (plan) {
    const suggestions = plan.comments.filter((c) => c.suggestion).length;
    const review = p.review;
    if (!p.dryRun && review?.status === 'posted') out.push(`- Review [posted](${review.reviewUrl}) with ${plan.comments.length} inline comment${plural(plan.comments.length)} (${suggestions} with a suggested change) and ${plan.bodyEntries.length} finding${plural(plan.bodyEntries.length)} in its body.`);
    else if (p.dryRun) out.push(`  ${plan.comments.length} inline comment${plural(plan.comments.length)} (${suggestions} with a suggested change) and ${plan.bodyEntries.length} finding${plural(plan.bodyEntries.length)} in its body.`);
    else if (review?.status === 'nothing-new') out.push('- No new review: nothing new to say.');
    if (plan.kept.length) out.push(`- ${plan.kept.length} finding${plural(plan.kept.length)} already commented on an earlier run (not repeated).`);
    if (review && (review.resolved || review.markedOutdated)) out.push(`- Earlier comments whose finding is gone: ${review.resolved} resolved, ${review.markedOutdated} marked outdated.`);
    else if (p.dryRun && plan.stale.length) out.push(`- ${plan.stale.length} earlier comment${plural(plan.stale.length)} would be resolved or marked outdated (the finding is gone).`);
    if (review?.retireFailures) out.push(`- ${review.retireFailures} earlier comment${plural(review.retireFailures)} could not be resolved or edited (see the log).`);
    if (review?.fallbackReason) out.push(`- **Nothing was posted**: ${escapeMarkdown(review.fallbackReason)} ${review.annotations} finding${plural(review.annotations)} annotated on their lines; all are in the table above.`);
    if (plan.bodyEntries.length) {
      out.push('', '<details><summary>Not commented inline</summary>', '');
      for (const e of plan.bodyEntries) out.push(`- ${inlineCode(e.finding.path)}:${e.finding.startLine} ${e.finding.cwe}: ${REASON[e.reason]}`);
      out.push('', '</details>');
    }
    if (p.dryRun && plan.comments.length) {
      out.push('', '<details><summary>Planned inline comments</summary>', '');
      for (const c of plan.comments) out.push(`- ${inlineCode(c.path)} ${c.startLine !== undefined ? `${c.startLine}–${c.line}` : c.line} ${c.finding.cwe}${c.suggestion ? ' (suggestion)' : ''}`);
      out.push('', '</details>');
    }
  }
  for (const note of p.notes ?? []) out.push(`- ${note}`);
  if (p.fixes) {
    out.push('', `### Fixes (mode ${inlineCode(p.mode)})`, '');
    const o = p.fixes.outcome;
    if (o.status === 'committed') out.push(`- Committed ${p.fixes.applied} fix${p.fixes.applied === 1 ? '' : 'es'} to ${inlineCode(o.branch)}: [${o.sha.slice(0, 12)}](${o.url}).`);
    else if (o.status === 'pull-request') out.push(`- Opened [#${o.number}](${o.url}) from ${inlineCode(o.branch)} with ${p.fixes.applied} fix${p.fixes.applied === 1 ? '' : 'es'}.`);
    else out.push(`- No fix ${p.mode === 'commit' ? 'commit' : 'pull request'}: ${escapeMarkdown(o.reason)}`);
    for (const r of p.fixes.refused) out.push(`- Not applied: ${inlineCode(r.finding.path)}:${r.finding.fix?.startLine ?? r.finding.startLine} ${r.finding.cwe}: ${escapeMarkdown(r.reason)}`);
  }
  if (out.length === 2) out.push('- Nothing to do.');
  return out.join('\n') + '\n';
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
