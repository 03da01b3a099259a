import { describeComment } from './render-body.js';
import type { ReviewPlan } from './types.js';

/** The plan as plain text: what a dry run prints instead of posting. */
export function describePlan(plan: ReviewPlan): string {
  const out: string[] = [
    `Review plan: ${plan.comments.length} inline comment(s), ${plan.bodyEntries.length} finding(s) in the body, ` +
      `${plan.kept.length} already commented, ${plan.stale.length} earlier comment(s) to resolve or mark outdated`,
  ];
  for (const c of plan.comments) out.push(`--- comment ${describeComment(c)}`, c.body);
  for (const e of plan.bodyEntries) out.push(`--- in the body (${e.reason}): ${e.finding.path}:${e.finding.startLine} ${e.finding.cwe}`);
  for (const s of plan.stale) out.push(`--- ${s.action}: comment ${s.comment.id} on ${s.comment.path ?? '?'} (fingerprint ${s.comment.fingerprint})`);
  out.push('--- review body', plan.body);
  return out.join('\n');
}
