import type { Finding } from '../assess/finding.js';

/** A comment RESCUE posted on an earlier run, as the publisher found it (only the token user's, only with a marker). */
export interface ExistingComment {
  /** Where the fingerprint was found: an inline review comment, or the body of an earlier review. */
  readonly where: 'inline' | 'review-body';
  /** The REST id of the comment (inline) or of the review (review-body). */
  readonly id: number;
  /** The review thread's GraphQL node id, when known: needed to resolve it. */
  readonly threadId?: string;
  readonly resolved: boolean;
  readonly markedOutdated: boolean;
  readonly path?: string;
  readonly line?: number;
  readonly body: string;
  readonly fingerprint: string;
  readonly version: string;
  readonly url?: string;
}

/** One inline comment of the review to post. */
export interface PlannedComment {
  readonly finding: Finding;
  readonly path: string;
  /** The last line of the commented range (RIGHT side). */
  readonly line: number;
  /** The first line, for a multi-line range. */
  readonly startLine?: number;
  readonly side: 'RIGHT';
  readonly body: string;
  readonly suggestion: boolean;
}

export type BodyReason =
  /** More inline comments than `max-comments`. */
  | 'overflow'
  /** The finding's lines are not inside one hunk of the pull request: GitHub accepts no comment there. */
  | 'outside-diff'
  /** GitHub refused the inline comment (422); it was moved here. */
  | 'refused';

/** A finding listed in the review body instead of inline. */
export interface BodyEntry {
  readonly finding: Finding;
  readonly reason: BodyReason;
}

export type StaleAction = 'resolve' | 'mark-outdated';

/** An earlier comment whose finding is gone. */
export interface StaleComment {
  readonly comment: ExistingComment;
  readonly action: StaleAction;
}

/** Something the plan leaves out, and why. */
export interface PlanSkip {
  readonly finding?: Finding;
  readonly path?: string;
  readonly reason: 'already-commented' | 'duplicate-in-run' | 'file-not-reviewed';
  readonly detail: string;
}

/** What a review run should do on GitHub: the pure result of planReview, carried out by a publisher. */
export interface ReviewPlan {
  readonly comments: readonly PlannedComment[];
  readonly bodyEntries: readonly BodyEntry[];
  /** The review body, rendered from the entries above (re-rendered when culprits move in). */
  readonly body: string;
  /** Findings that already have a comment from an earlier run: not posted again. */
  readonly kept: readonly { readonly finding: Finding; readonly existing: ExistingComment }[];
  readonly stale: readonly StaleComment[];
  readonly skipped: readonly PlanSkip[];
  /** The marker version of this run's comments. */
  readonly version: string;
  readonly maxComments: number;
  /** Extra paragraphs of the body (a fix commit, a fix pull request). */
  readonly notes: readonly string[];
  /** True when there is something new to post (comments or body entries). */
  readonly hasNewContent: boolean;
}
