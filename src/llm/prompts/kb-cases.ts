import { fence } from './prompt-template.js';

/** One vulnerability-fixing change as shown to the summarizer: already sliced to the security-relevant lines. */
export interface KbCase {
  readonly id: string;
  readonly language: string;
  /** What the code is for, when the dataset says (never the vulnerability). */
  readonly description?: string;
  readonly vulnerable: string;
  readonly secure: string;
}

/** The case list shared by the first-level prompts; part of their versioned contract. */
export function renderCases(cwe: string, cases: readonly KbCase[]): string {
  const parts = [`Weakness: ${cwe}`, `Cases: ${cases.length}`, ''];
  cases.forEach((c, i) => {
    parts.push(`## Case ${i + 1} (${c.language})`);
    if (c.description) parts.push(`Task: ${c.description.replace(/\s+/g, ' ').slice(0, 300)}`);
    parts.push('Vulnerable version:', fence(c.vulnerable, c.language), 'Fixed version:', fence(c.secure, c.language), '');
  });
  return parts.join('\n');
}
