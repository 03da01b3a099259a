import type { Finding } from '../assess/finding.js';
import { escapeMarkdown, inlineCode } from '../report/escape.js';
import { renderBodyMarker } from './marker.js';
import { capitalize, cweUrl, explanation, fixBlock, guidelineList, type FixPresentation } from './render-comment.js';
import type { BodyEntry, BodyReason } from './types.js';

/** GitHub refuses bodies over 65,536 characters; stay well below. */
export const MAX_BODY_CHARS = 60_000;

const REASON: Readonly<Record<BodyReason, string>> = {
  overflow: 'more findings than the inline comment limit',
  'outside-diff': 'not on lines this pull request changes',
  refused: 'GitHub refused the inline comment',
};

export interface BodyContext {
  readonly version: string;
  readonly inline: number;
  readonly kept: number;
  readonly resolved: number;
  readonly maxComments: number;
  /** Extra paragraphs (a fix commit, a fix pull request). Ours, not from the pull request. */
  readonly notes?: readonly string[];
  readonly headLines?: (path: string) => readonly string[] | undefined;
}

function lines(f: Finding): string {
  return f.startLine === f.endLine ? `line ${f.startLine}` : `lines ${f.startLine}–${f.endLine}`;
}

/** One finding of the body: a line for overflow, the full explanation and fix where no inline comment will carry it. */
function renderEntry(entry: BodyEntry, context: BodyContext): string {
  const f = entry.finding;
  const head = `- **${capitalize(f.severity)} · [${f.cwe}](${cweUrl(f.cwe)})** ${inlineCode(f.path)} ${lines(f)} in ${inlineCode(f.unit)}: ${escapeMarkdown(f.message)} (${REASON[entry.reason]})`;
  if (entry.reason === 'overflow') return head;
  const headLines = context.headLines?.(f.path);
  const fix: FixPresentation = f.fix?.verified
    ? { kind: 'diff', oldLines: headLines?.slice(f.fix.startLine - 1, f.fix.endLine), why: 'Apply it by hand or with `mode: commit`.' }
    : { kind: 'none' };
  const detail = [explanation(f, fix), ...fixBlock(f, fix), ...guidelineList(f)];
  return [head, '', '  <details><summary>Details</summary>', '', ...detail.flatMap((d) => d.split('\n')).map((l) => (l ? `  ${l}` : '')), '', '  </details>'].join('\n');
}

/**
 * The review body: a one-paragraph summary, then the findings that are not inline comments (overflow,
 * outside the diff, refused by GitHub), and one hidden marker naming them, so a later run does not list
 * them again.
 */
export function renderReviewBody(entries: readonly BodyEntry[], context: BodyContext): string {
  const newCount = context.inline + entries.length;
  const out: string[] = ['### RESCUE security review', ''];
  const parts = [`${newCount} new finding${newCount === 1 ? '' : 's'}: ${context.inline} as inline comment${context.inline === 1 ? '' : 's'}`];
  if (entries.length) parts.push(`${entries.length} listed below`);
  if (context.kept) parts.push(`${context.kept} already commented on an earlier run`);
  if (context.resolved) parts.push(`${context.resolved} earlier comment${context.resolved === 1 ? '' : 's'} resolved (the finding is gone)`);
  out.push(`${parts.join('; ')}. The job summary lists every finding.`);
  for (const note of context.notes ?? []) out.push('', note);
  const shown: BodyEntry[] = [];
  if (entries.length) {
    out.push('', '#### Not commented inline', '');
    let size = out.join('\n').length;
    for (const entry of entries) {
      const text = renderEntry(entry, context);
      if (size + text.length > MAX_BODY_CHARS) break;
      out.push(text);
      shown.push(entry);
      size += text.length + 1;
    }
    if (shown.length < entries.length) out.push(`- … and ${entries.length - shown.length} more: see the job summary.`);
  }
  out.push('', renderBodyMarker(shown.map((e) => e.finding.fingerprint), context.version));
  return out.join('\n');
}

/** The plan as text, for a dry run and the log. */
export function describeComment(c: { path: string; line: number; startLine?: number; suggestion: boolean; finding: Finding }): string {
  const range = c.startLine !== undefined && c.startLine !== c.line ? `${c.startLine}-${c.line}` : `${c.line}`;
  return `${c.path}:${range} RIGHT ${c.finding.cwe} ${c.finding.ruleId ?? 'llm'}${c.suggestion ? ' [suggestion]' : ''}`;
}

