import { SEVERITIES, type Finding } from '../assess/finding.js';
import type { Logger } from '../logging/logger.js';
import { moveToBody, type PlanOptions } from './plan.js';
import type { Annotation, PostOutcome, ReviewPublisher } from './publisher.js';
import type { PlannedComment, ReviewPlan } from './types.js';

/**
 * Most probe reviews spent finding the comments GitHub refuses. Bisection isolates one culprit among n
 * comments in about 1.5·log2(n) probes (20 comments: 7), so 16 covers two or three culprits in a full
 * review; whatever is still untested when the budget runs out goes to the review body, never lost.
 */
export const MAX_PROBES = 16;
/** GitHub shows at most 10 warning and 10 notice annotations per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface PublishOptions {
  readonly commitId: string;
  readonly logger: Logger;
  readonly maxProbes?: number;
  readonly headText?: PlanOptions['headText'];
  /** Where the findings can still be seen when nothing can be posted (the job summary). */
  readonly fallbackHint?: string;
}

export interface PublishOutcome {
  readonly status: 'posted' | 'nothing-new' | 'fallback';
  readonly reviewUrl?: string;
  /** The plan as carried out: refused comments moved into the body. */
  readonly plan: ReviewPlan;
  readonly refused: readonly PlannedComment[];
  readonly probes: number;
  readonly resolved: number;
  readonly markedOutdated: number;
  readonly retireFailures: number;
  readonly annotations: number;
  /** Why nothing could be posted, for the summary and the log. */
  readonly fallbackReason?: string;
  /** Failures worth `fail-on: errors`. */
  readonly errors: readonly string[];
}

/**
 * Carries out a review plan: one review with every new comment; on a 422 the refused comments are found by
 * bisection with probe reviews and moved into the body, and the rest is posted; on 403/404 (a read-only
 * token, as on fork pull requests) the findings become annotations on their lines. Earlier comments whose
 * finding is gone are resolved or marked outdated once the review is in.
 */
export async function publishReview(plan: ReviewPlan, publisher: ReviewPublisher, options: PublishOptions): Promise<PublishOutcome> {
  const { logger } = options;
  const errors: string[] = [];
  let current = plan;
  let refused: PlannedComment[] = [];
  let probes = 0;
  let reviewUrl: string | undefined;
  let fallbackReason: string | undefined;

  if (plan.hasNewContent) {
    let outcome = await publisher.postReview(draft(current, options.commitId), 'submit');
    if (!outcome.ok && outcome.status === 422 && current.comments.length > 0) {
      logger.warning(`GitHub refused the review (422: ${outcome.message}); looking for the comments it does not accept`);
      const search = await findRefused(current.comments, (comments) => publisher.postReview({ ...draft(current, options.commitId), comments }, 'probe'), options.maxProbes ?? MAX_PROBES);
      probes = search.probes;
      refused = search.refused;
      for (const c of refused) logger.warning(`GitHub refused the comment on ${c.path}:${c.line}; it is listed in the review body instead`, { file: c.path, startLine: c.line });
      current = moveToBody(plan, refused, { headText: options.headText });
      outcome = await publisher.postReview(draft(current, options.commitId), 'submit');
      if (!outcome.ok && outcome.status === 422 && current.comments.length > 0) {
        logger.warning(`GitHub still refused the review (422: ${outcome.message}); posting every finding in the review body`);
        refused = [...plan.comments];
        current = moveToBody(plan, refused, { headText: options.headText });
        outcome = await publisher.postReview(draft(current, options.commitId), 'submit');
      }
    }
    if (outcome.ok) {
      reviewUrl = outcome.url;
      logger.info(`Posted a review with ${current.comments.length} inline comment(s) and ${current.bodyEntries.length} finding(s) in its body: ${outcome.url}`);
    } else {
      fallbackReason = describeRefusal(outcome);
      if (outcome.status !== 403 && outcome.status !== 404) errors.push(fallbackReason);
      logger.warning(`${fallbackReason} ${options.fallbackHint ?? 'The findings are in the job summary and annotated on their lines.'}`);
    }
  } else {
    logger.info(plan.kept.length ? `Nothing new to post: ${plan.kept.length} finding(s) already have a comment from an earlier run` : 'Nothing to post');
  }

  let annotations = 0;
  if (fallbackReason) {
    const findings = [...current.comments.map((c) => c.finding), ...current.bodyEntries.map((e) => e.finding)];
    const notes = annotationsFor(findings);
    publisher.annotate(notes);
    annotations = notes.length;
    if (findings.length > notes.length) logger.info(`${findings.length - notes.length} more finding(s) are only in the job summary (GitHub shows ${MAX_ANNOTATIONS_PER_LEVEL} annotations per level and step)`);
  }

  let resolved = 0;
  let markedOutdated = 0;
  let retireFailures = 0;
  // With a read-only token the edits would fail the same way; without a review they would also be premature.
  const canWrite = !fallbackReason;
  if (canWrite) {
    for (const s of plan.stale) {
      try {
        const done = await publisher.retire(s, `${options.commitId.slice(0, 12)}`);
        if (done === 'resolved') resolved++;
        else markedOutdated++;
      } catch (error) {
        retireFailures++;
        logger.warning(`Could not resolve or mark outdated the earlier comment ${s.comment.id} on ${s.comment.path ?? 'the pull request'}: ${(error as Error).message}`);
      }
    }
    if (resolved + markedOutdated) logger.info(`${resolved} earlier comment(s) resolved and ${markedOutdated} marked outdated: their findings are gone`);
  }

  return {
    status: fallbackReason ? 'fallback' : plan.hasNewContent ? 'posted' : 'nothing-new',
    ...(reviewUrl ? { reviewUrl } : {}),
    plan: current,
    refused,
    probes,
    resolved,
    markedOutdated,
    retireFailures,
    annotations,
    ...(fallbackReason ? { fallbackReason } : {}),
    errors,
  };
}

function draft(plan: ReviewPlan, commitId: string) {
  return { commitId, body: plan.body, comments: plan.comments };
}

function describeRefusal(outcome: Extract<PostOutcome, { ok: false }>): string {
  if (outcome.status === 403 || outcome.status === 404) {
    return `GitHub answered ${outcome.status} to the review: this token cannot comment on the pull request (pull requests from forks get a read-only token; grant "pull-requests: write" or see the README on pull_request_target).`;
  }
  return `GitHub did not accept the review (${outcome.status}: ${outcome.message}).`;
}

/**
 * Finds the comments GitHub refuses, knowing the whole set was refused: split in halves and probe; a half
 * that is accepted is clean, a refused half is split again. Each probe costs one call (plus the deletion of
 * the pending review it created). Anything left untested when the budget is spent counts as refused.
 */
export async function findRefused<T>(
  items: readonly T[],
  probe: (subset: readonly T[]) => Promise<PostOutcome>,
  budget: number,
): Promise<{ refused: T[]; probes: number }> {
  const refused: T[] = [];
  const bad: T[][] = [[...items]];
  let probes = 0;
  let broken = false;
  const test = async (group: T[]): Promise<boolean | undefined> => {
    if (broken || probes >= budget) return undefined;
    probes++;
    const r = await probe(group);
    if (r.ok) return true;
    if (r.status === 422) return false;
    broken = true; // a probe failing otherwise (403, 5xx) says nothing about the comments
    return undefined;
  };
  while (bad.length) {
    const group = bad.shift()!;
    if (group.length === 1) {
      refused.push(group[0]!);
      continue;
    }
    const half = Math.ceil(group.length / 2);
    const a = group.slice(0, half);
    const b = group.slice(half);
    const okA = await test(a);
    if (okA === undefined) {
      refused.push(...group);
      continue;
    }
    if (okA) {
      bad.push(b); // the group was refused and its first half is clean
      continue;
    }
    bad.push(a);
    const okB = await test(b);
    if (okB === undefined) refused.push(...b);
    else if (!okB) bad.push(b);
  }
  return { refused, probes };
}

/** Annotations for findings that could not be posted, most severe first, capped per level as GitHub shows them. */
export function annotationsFor(findings: readonly Finding[]): Annotation[] {
  const sorted = [...findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  const out: Annotation[] = [];
  const count = { warning: 0, notice: 0 };
  for (const f of sorted) {
    const level = f.severity === 'high' || f.severity === 'critical' ? 'warning' : 'notice';
    if (count[level] >= MAX_ANNOTATIONS_PER_LEVEL) continue;
    count[level]++;
    const fix = f.fix?.verified ? ` A verified fix is in the job summary.` : '';
    const cites = f.guidelines.length ? ` (${f.guidelines.map((g) => g.id).join(', ')})` : '';
    out.push({
      level,
      title: `RESCUE ${f.cwe} (${f.severity})`,
      message: `${f.message}${cites}${fix}`,
      file: f.path,
      startLine: f.startLine,
      endLine: f.endLine,
    });
  }
  return out;
}
