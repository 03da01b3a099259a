import type { ReviewResult } from '../pipeline/result.js';

export const FINDINGS_JSON_VERSION = 1;

/**
 * Findings JSON version 1 (ARCHITECTURE "Interfaces"), plus the suppressed findings (each with its
 * `suppression`), the fixes that failed verification, the count below the threshold, the reviewed units and
 * the skipped items. Additions only: a v1 reader ignores them (so is `stats.filesWithoutCandidateRules`, set by
 * a scan with rules: files no rule could match, not parsed, whose units `units` leaves out).
 */
export function toFindingsJson(result: ReviewResult): object {
  return {
    version: FINDINGS_JSON_VERSION,
    findings: result.findings,
    suppressed: result.suppressed ?? [],
    rejectedFixes: result.rejectedFixes ?? [],
    belowThreshold: result.belowThreshold ?? 0,
    stats: result.stats,
    units: result.units.map((u) => ({
      path: u.path,
      unit: u.name,
      kind: u.kind,
      startLine: u.startLine,
      endLine: u.endLine,
      language: u.language,
    })),
    skipped: result.skipped,
  };
}

export function renderJson(result: ReviewResult): string {
  return JSON.stringify(toFindingsJson(result), null, 2) + '\n';
}
