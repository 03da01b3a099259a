import { SEVERITIES, type Finding } from '../assess/finding.js';
import type { ChangedFile, ChangeSet, SkipReason } from '../diff/change-set.js';
import type { ReviewResult } from '../pipeline/result.js';
import { markerFingerprint } from './marker.js';
import { placeFinding } from './placement.js';
import { renderReviewBody, type BodyContext } from './render-body.js';
import { renderComment } from './render-comment.js';
import type { BodyEntry, ExistingComment, PlannedComment, PlanSkip, ReviewPlan, StaleComment } from './types.js';

/** The marker version of offline (knowledge-base rule) findings; model findings use their prompt's version. */
export const RULES_MARKER_VERSION = 'rules-1';
export const DEFAULT_MAX_COMMENTS = 20;

export interface PlanOptions {
  /** Most inline comments in the review; the rest go to the body (default 20). */
  readonly maxComments?: number;
  /** The version written into each marker: the review prompt's version, or RULES_MARKER_VERSION. */
  readonly version?: string;
  /** The head text of a file, to show a fix as a diff against the lines it replaces. */
  readonly headText?: (path: string) => string | undefined;
  /** Findings already taken care of (fixed by a commit this run): neither posted nor counted as gone. */
  readonly handled?: ReadonlySet<string>;
  /** Extra paragraphs for the review body. */
  readonly notes?: readonly string[];
}

/**
 * Skip reasons that mean a file was not (fully) looked at this run: a comment on such a file is not stale
 * just because no finding matched it. Deleted, excluded and unsupported files were decided on purpose.
 */
const UNCERTAIN: ReadonlySet<SkipReason> = new Set(['too-large', 'minified', 'encoding', 'unreadable', 'malformed-diff', 'binary', 'parse-error']);

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.path.localeCompare(b.path) || a.startLine - b.startLine;
}

/**
 * Plans the review of one run, a pure function. Each finding that has no comment from an earlier run (by
 * fingerprint, inline or in an earlier review body) becomes an inline comment where GitHub accepts one, up
 * to the cap, highest severity first; the rest go to the review body. Earlier comments whose finding is
 * gone are resolved when GitHub gave their thread id, otherwise edited to say they are outdated.
 */
export function planReview(
  result: Pick<ReviewResult, 'findings' | 'skipped'>,
  changeSet: ChangeSet,
  existing: readonly ExistingComment[],
  options: PlanOptions = {},
): ReviewPlan {
  const version = options.version ?? RULES_MARKER_VERSION;
  const maxComments = options.maxComments ?? DEFAULT_MAX_COMMENTS;
  const handled = options.handled ?? new Set<string>();
  const files = new Map<string, ChangedFile>(changeSet.files.map((f) => [f.path, f]));
  const byFingerprint = new Map<string, ExistingComment>();
  for (const c of existing) if (!byFingerprint.has(c.fingerprint) || c.where === 'inline') byFingerprint.set(c.fingerprint, c);
  const splitLines = memo((path: string) => options.headText?.(path)?.split(/\r?\n/));

  const comments: PlannedComment[] = [];
  const bodyEntries: BodyEntry[] = [];
  const kept: { finding: Finding; existing: ExistingComment }[] = [];
  const skipped: PlanSkip[] = [];
  const seen = new Set<string>();
  for (const f of [...result.findings].sort(bySeverity)) {
    if (seen.has(f.fingerprint)) {
      skipped.push({ finding: f, reason: 'duplicate-in-run', detail: `same fingerprint as another finding at ${f.path}` });
      continue;
    }
    seen.add(f.fingerprint);
    if (handled.has(f.fingerprint)) continue; // fixed by this run's commit: nothing to say, nothing gone
    const earlier = byFingerprint.get(markerFingerprint(f.fingerprint));
    if (earlier) {
      kept.push({ finding: f, existing: earlier });
      skipped.push({ finding: f, reason: 'already-commented', detail: `${earlier.where === 'inline' ? 'comment' : 'review'} ${earlier.id}` });
      continue;
    }
    const placement = placeFinding(f, files.get(f.path), splitLines(f.path));
    if (!placement) bodyEntries.push({ finding: f, reason: 'outside-diff' });
    else if (comments.length >= maxComments) bodyEntries.push({ finding: f, reason: 'overflow' });
    else {
      comments.push({
        finding: f,
        path: f.path,
        line: placement.line,
        ...(placement.startLine < placement.line ? { startLine: placement.startLine } : {}),
        side: 'RIGHT',
        body: renderComment(f, placement.fix, version),
        suggestion: placement.fix.kind === 'suggestion',
      });
    }
  }

  const current = new Set(result.findings.map((f) => markerFingerprint(f.fingerprint)));
  const uncertain = new Set(result.skipped.filter((s) => s.path && UNCERTAIN.has(s.reason)).map((s) => s.path!));
  const stale: StaleComment[] = [];
  for (const c of existing) {
    if (c.where !== 'inline' || c.resolved || c.markedOutdated || current.has(c.fingerprint)) continue;
    if (c.path && uncertain.has(c.path)) {
      skipped.push({ path: c.path, reason: 'file-not-reviewed', detail: `comment ${c.id} kept: the file was not reviewed this run` });
      continue;
    }
    stale.push({ comment: c, action: c.threadId ? 'resolve' : 'mark-outdated' });
  }

  const context: BodyContext = {
    version,
    inline: comments.length,
    kept: kept.length,
    resolved: stale.length,
    maxComments,
    notes: options.notes,
    headLines: splitLines,
  };
  return {
    comments,
    bodyEntries,
    body: renderReviewBody(bodyEntries, context),
    kept,
    stale,
    skipped,
    version,
    maxComments,
    notes: options.notes ?? [],
    hasNewContent: comments.length + bodyEntries.length > 0,
  };
}

/** The plan after GitHub refused some inline comments: those move to the body, the body is rendered again. */
export function moveToBody(plan: ReviewPlan, refused: readonly PlannedComment[], options: Pick<PlanOptions, 'headText'> = {}): ReviewPlan {
  const out = new Set(refused);
  const comments = plan.comments.filter((c) => !out.has(c));
  const bodyEntries = [...plan.bodyEntries, ...refused.map((c) => ({ finding: c.finding, reason: 'refused' as const }))];
  const splitLines = memo((path: string) => options.headText?.(path)?.split(/\r?\n/));
  const body = renderReviewBody(bodyEntries, {
    version: plan.version,
    inline: comments.length,
    kept: plan.kept.length,
    resolved: plan.stale.length,
    maxComments: plan.maxComments,
    notes: plan.notes,
    headLines: splitLines,
  });
  return { ...plan, comments, bodyEntries, body, hasNewContent: comments.length + bodyEntries.length > 0 };
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
