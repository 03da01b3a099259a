import type { ExistingComment, PlannedComment, StaleComment } from './types.js';

/** A review to create: one call, one review, `COMMENT` event. */
export interface ReviewDraft {
  /** The head commit the comments' line numbers refer to. */
  readonly commitId: string;
  readonly body: string;
  readonly comments: readonly PlannedComment[];
}

export type PostOutcome =
  | { readonly ok: true; readonly id: number; readonly url: string }
  | { readonly ok: false; readonly status: number; readonly message: string };

/** A workflow annotation on the lines of a finding: the fallback when nothing can be posted. */
export interface Annotation {
  readonly level: 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * The narrow edge between a review plan and GitHub. The Octokit adapter implements it in src/github; tests
 * use a hand-written fake. Methods report HTTP refusals as values (status), never as silent successes.
 */
export interface ReviewPublisher {
  /** RESCUE's own earlier comments on the pull request (by the token's user, carrying a marker). */
  listExisting(): Promise<ExistingComment[]>;
  /**
   * `submit` creates the review with the COMMENT event. `probe` asks GitHub whether it would accept these
   * comments without showing anything: a pending review, deleted at once.
   */
  postReview(draft: ReviewDraft, mode: 'submit' | 'probe'): Promise<PostOutcome>;
  /** Resolves the thread of an earlier comment, or edits it to say it is outdated. Throws when neither worked. */
  retire(stale: StaleComment, note: string): Promise<'resolved' | 'marked-outdated'>;
  annotate(annotations: readonly Annotation[]): void;
}
