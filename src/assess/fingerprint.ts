import { createHash } from 'node:crypto';

/** Hex characters kept: 80 bits, plenty for the findings of one repository. */
export const FINGERPRINT_LENGTH = 20;

export interface FingerprintInput {
  readonly cwe: string;
  /** The rule that found it; LLM findings use 'llm'. */
  readonly ruleId?: string;
  readonly path: string;
  /** The text of the reported lines. */
  readonly text: string;
  /**
   * 0 for the first finding of this (cwe, rule, path, text) in the file, 1 for the next identical one, and so
   * on in document order, so two identical lines in one file keep distinct fingerprints.
   */
  readonly occurrence?: number;
}

/**
 * The identity of a finding across pushes: sha256 over the CWE, the rule id (or `llm`), the path and the
 * reported lines' text with all whitespace runs collapsed to one space and trimmed, joined by NUL, hex,
 * first 20 characters. Line numbers are left out on purpose: code added above a finding moves it without
 * changing it, and re-indenting it does not make it new. Editing the reported lines does.
 */
export function fingerprint(input: FingerprintInput): string {
  const parts = [input.cwe, input.ruleId ?? 'llm', input.path, normalizeCode(input.text)];
  if (input.occurrence) parts.push(String(input.occurrence));
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

export function normalizeCode(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
