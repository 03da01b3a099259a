import type { Language } from '../code/languages.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Confidence = 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

export interface GuidelineRef {
  readonly id: string;
  readonly text: string;
}

export interface Fix {
  readonly startLine: number;
  readonly endLine: number;
  readonly replacement: string;
  readonly verified: boolean;
  readonly description?: string;
  /**
   * Import lines the replacement needs that the file lacks, to add at the file's import block (outside
   * startLine..endLine, so a suggestion cannot carry them). Verification ran with them added; the
   * description says so.
   */
  readonly imports?: readonly string[];
}

/** One weakness found in one unit: the record of findings JSON version 1 (see ARCHITECTURE). */
export interface Finding {
  readonly fingerprint: string;
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly language: Language;
  readonly unit: string;
  readonly cwe: string;
  readonly guidelines: readonly GuidelineRef[];
  readonly message: string;
  readonly source: 'rule' | 'llm';
  readonly ruleId?: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly fix?: Fix;
}
