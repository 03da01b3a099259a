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
}

/** What one review or scan produced, before any publisher acts on it. */
export interface ReviewResult {
  readonly findings: readonly Finding[];
  readonly units: readonly Unit[];
  readonly skipped: readonly Skipped[];
  /** Files that parsed with syntax errors; their units were still reviewed. */
  readonly parseErrors: readonly string[];
  readonly stats: RunStats;
}

export function emptyStats(): RunStats {
  return { files: 0, units: 0, unitsSentToLlm: 0, llmCalls: 0, promptTokens: 0, completionTokens: 0, ms: 0 };
}
