import type { ReviewResult } from '../pipeline/result.js';

export const FINDINGS_JSON_VERSION = 1;

/** Findings JSON version 1 (ARCHITECTURE "Interfaces"), plus the reviewed units and skipped items. */
export function toFindingsJson(result: ReviewResult): object {
  return {
    version: FINDINGS_JSON_VERSION,
    findings: result.findings,
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
