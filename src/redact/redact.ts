import { entropy, isBenignValue, SECRET_PATTERNS, type SecretPattern } from './patterns.js';

/**
 * Replaces secret-shaped strings with placeholders (`__RESCUE_SECRET_1__`) before any text leaves the
 * runner, and puts them back into model output that kept a placeholder. One redactor per run: the same
 * secret gets the same placeholder in every request, so the model can keep it consistently.
 *
 * Line structure is preserved: a secret that spans lines (a PEM block) becomes one placeholder per line,
 * so line numbers shown to the model stay those of the file.
 */
export interface Redactor {
  redact(text: string): string;
  /** Placeholders back to their secrets; `unknown` lists placeholders this redactor never issued. */
  restore(text: string): { readonly text: string; readonly unknown: readonly string[] };
  /** Distinct secret values replaced so far. */
  readonly count: number;
  /** Replacements per pattern id, for the debug log (never the values). */
  readonly byPattern: ReadonlyMap<string, number>;
}

export const PLACEHOLDER = /__RESCUE_SECRET_(\d+)__/g;

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
  readonly priority: number;
}

const MIN_GENERIC_ENTROPY = 3.2;

export function findSecrets(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): Hit[] {
  const hits: Hit[] = [];
  patterns.forEach((p, priority) => {
    const flags = p.regex.flags.includes('d') ? p.regex.flags : `${p.regex.flags}d`;
    const re = new RegExp(p.regex.source, flags.includes('g') ? flags : `${flags}g`);
    for (const m of text.matchAll(re)) {
      const range = m.indices?.groups?.secret ?? m.indices?.[0];
      if (!range) continue;
      const value = text.slice(range[0], range[1]);
      if (!value.trim() || isBenignValue(value)) continue;
      if (p.id === 'generic-high-entropy' && (entropy(value) < MIN_GENERIC_ENTROPY || !/\d/.test(value) || !/[A-Za-z]/.test(value))) continue;
      hits.push({ start: range[0], end: range[1], pattern: p.id, priority });
    }
  });
  // Earlier patterns win overlaps (a GitHub token inside a URL is one token, not URL credentials).
  hits.sort((a, b) => a.priority - b.priority || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

export function createRedactor(patterns: readonly SecretPattern[] = SECRET_PATTERNS): Redactor {
  const byValue = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const byPattern = new Map<string, number>();
  const placeholderFor = (value: string): string => {
    let ph = byValue.get(value);
    if (!ph) {
      ph = `__RESCUE_SECRET_${byValue.size + 1}__`;
      byValue.set(value, ph);
      byPlaceholder.set(ph, value);
    }
    return ph;
  };
  return {
    redact(text) {
      const hits = findSecrets(text, patterns);
      if (hits.length === 0) return text;
      let out = '';
      let at = 0;
      for (const h of hits) {
        out += text.slice(at, h.start);
        byPattern.set(h.pattern, (byPattern.get(h.pattern) ?? 0) + 1);
        // One placeholder per line of the secret keeps the line count (and the line numbers) unchanged.
        out += text
          .slice(h.start, h.end)
          .split(/(\r?\n)/)
          .map((part, i) => (i % 2 === 1 || part === '' ? part : placeholderFor(part)))
          .join('');
        at = h.end;
      }
      return out + text.slice(at);
    },
    restore(text) {
      const unknown: string[] = [];
      const restored = text.replace(PLACEHOLDER, (ph) => {
        const value = byPlaceholder.get(ph);
        if (value === undefined) {
          unknown.push(ph);
          return ph;
        }
        return value;
      });
      return { text: restored, unknown };
    },
    get count() {
      return byValue.size;
    },
    byPattern,
  };
}
