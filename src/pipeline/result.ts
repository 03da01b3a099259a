import type { RejectedFix, SuppressedFinding } from '../assess/assess.js';
import type { Finding } from '../assess/finding.js';
import type { Unit } from '../code/unit.js';
import type { Skipped } from '../diff/change-set.js';

export interface RunStats {
  files: number;
  units: number;
  unitsSentToLlm: number;
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  ms: number;
  /** Model calls that failed, replies rejected by validation or verification, findings dropped, units not sent. */
  llmFailedCalls?: number;
  llmRejectedReplies?: number;
  llmDroppedFindings?: number;
  llmSkippedUnits?: number;
  /** Set when the model was unreachable or refused: the review fell back to the rules. */
  llmOutage?: string;
  /**
   * Scan with an assessment: files in `files` that no rule could match (the rules' needles are absent from
   * their text). They were not parsed, so `units` counts only the units of the other files.
   */
  filesWithoutCandidateRules?: number;
}

/** The model stage's share of the stats. */
export type ModelRunStats = Pick<RunStats, 'unitsSentToLlm' | 'llmCalls' | 'promptTokens' | 'completionTokens'> &
  Pick<RunStats, 'llmFailedCalls' | 'llmRejectedReplies' | 'llmDroppedFindings' | 'llmSkippedUnits' | 'llmOutage'>;

/** What one review or scan produced, before any publisher acts on it. */
export interface ReviewResult {
  /** Findings at or above the severity threshold, not suppressed. */
  readonly findings: readonly Finding[];
  /** Findings silenced by a `rescue-ignore` comment or the repository configuration, with the reason. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Fixes that failed verification (never offered), with the reason. */
  readonly rejectedFixes: readonly RejectedFix[];
  /** Findings below the severity threshold, left out of `findings`. */
  readonly belowThreshold: number;
  readonly units: readonly Unit[];
  readonly skipped: readonly Skipped[];
  /** Files that parsed with syntax errors; their units were still reviewed. */
  readonly parseErrors: readonly string[];
  readonly stats: RunStats;
  /** The model stage, when one ran: lines for the job summary, and the outage that stopped it, if any. */
  readonly model?: { readonly summary: readonly string[]; readonly outage?: string };
}

/** The assessment part of a result when no assessment ran. */
export const NO_ASSESSMENT = { findings: [], suppressed: [], rejectedFixes: [], belowThreshold: 0 } as const;

export function emptyStats(): RunStats {
  return { files: 0, units: 0, unitsSentToLlm: 0, llmCalls: 0, promptTokens: 0, completionTokens: 0, ms: 0 };
}
