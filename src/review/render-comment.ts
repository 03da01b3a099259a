import type { Finding, Severity } from '../assess/finding.js';
import { escapeMarkdown, inlineCode } from '../report/escape.js';
import { fenced } from './fence.js';
import { renderMarker } from './marker.js';

const ICON: Readonly<Record<Severity, string>> = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜' };

/** How the fix of a finding is shown in its comment. */
export type FixPresentation =
  /** A GitHub suggested change: the fix replaces exactly the commented lines. */
  | { readonly kind: 'suggestion' }
  /** The fix as a diff against the head lines (not applicable with one click), with why. */
  | { readonly kind: 'diff'; readonly oldLines?: readonly string[]; readonly why: string }
  | { readonly kind: 'none'; readonly why?: string };

export function cweUrl(cwe: string): string {
  const n = /^CWE-(\d+)$/.exec(cwe)?.[1];
  return n ? `https://cwe.mitre.org/data/definitions/${n}.html` : 'https://cwe.mitre.org/';
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The headline of a finding: severity, CWE (linked), where it came from. */
export function headline(f: Finding): string {
  const origin = f.source === 'rule' && f.ruleId ? `rule ${inlineCode(f.ruleId)}` : 'model review';
  return `${ICON[f.severity]} **${capitalize(f.severity)} · [${f.cwe}](${cweUrl(f.cwe)})** in ${inlineCode(f.unit)} · ${origin}`;
}

/**
 * The explanation: the finding's message, then what to do about it, two or three sentences in all. Text
 * from the knowledge base or the model is escaped: it may quote code from the pull request.
 */
export function explanation(f: Finding, fix: FixPresentation): string {
  const sentences = [ensureStop(escapeMarkdown(f.message))];
  if (f.fix?.verified && fix.kind !== 'none') {
    sentences.push(
      f.fix.description ? ensureStop(escapeMarkdown(f.fix.description)) : 'The replacement below removes the weakness.',
      'RESCUE checked that it parses, stays inside the function and that the rule no longer fires.',
    );
  } else {
    sentences.push(`No verified replacement is available; follow the guideline${f.guidelines.length === 1 ? '' : 's'} below.`);
  }
  return sentences.join(' ');
}

function ensureStop(s: string): string {
  const t = s.trim();
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

/** The guidelines the finding cites, id and text. */
export function guidelineList(f: Finding): string[] {
  return f.guidelines.map((g) => `- **${escapeMarkdown(g.id)}**: ${escapeMarkdown(g.text)}`);
}

/** The fix block: a suggestion, a diff, or nothing. */
export function fixBlock(f: Finding, fix: FixPresentation): string[] {
  if (!f.fix?.verified || fix.kind === 'none') return fix.kind === 'none' && fix.why ? [`_${fix.why}_`] : [];
  if (fix.kind === 'suggestion') return [fenced('suggestion', f.fix.replacement)];
  const out: string[] = [];
  const removed = fix.oldLines?.map((l) => `-${l}`) ?? [];
  const added = f.fix.replacement.split('\n').map((l) => `+${l}`);
  const imports = (f.fix.imports ?? []).map((l) => `+${l}`);
  out.push(`${fix.why} The fix replaces lines ${f.fix.startLine}–${f.fix.endLine}:`);
  out.push(fenced('diff', [...removed, ...added].join('\n')));
  if (imports.length) out.push('and adds at the import block:', fenced('diff', imports.join('\n')));
  return out;
}

/**
 * One inline review comment: headline, explanation, fix, guidelines, and the hidden marker last.
 * GitHub renders the suggestion block as a one-click "Commit suggestion".
 */
export function renderComment(f: Finding, fix: FixPresentation, version: string): string {
  const parts = [headline(f), '', explanation(f, fix)];
  const block = fixBlock(f, fix);
  if (block.length) parts.push('', ...block);
  const guidelines = guidelineList(f);
  if (guidelines.length) parts.push('', '**Guidelines**', ...guidelines);
  parts.push('', renderMarker({ fingerprint: f.fingerprint, version }));
  return parts.join('\n');
}
