import { SEVERITIES, type Finding, type Severity } from '../assess/finding.js';
import type { ReviewResult } from '../pipeline/result.js';
import { escapeMarkdown, inlineCode } from './escape.js';

const ICON: Readonly<Record<Severity, string>> = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜' };

/** The human summary of a review, for the job summary and `--format markdown`. */
export function renderMarkdown(result: ReviewResult, title = 'RESCUE security review'): string {
  const out: string[] = [`## ${title}`, ''];
  const { stats } = result;
  const files = new Set(result.units.map((u) => u.path)).size;
  out.push(
    `${result.findings.length === 0 ? 'No findings' : `**${result.findings.length} finding${plural(result.findings.length)}**`} in ` +
      `${stats.units} unit${plural(stats.units)} of ${files} file${plural(files)}` +
      `; ${stats.unitsSentToLlm} sent to the model` +
      (stats.llmCalls ? ` (${stats.llmCalls} call${plural(stats.llmCalls)}, ${stats.promptTokens} input and ${stats.completionTokens} output tokens)` : '') +
      (stats.filesWithoutCandidateRules
        ? `; ${stats.filesWithoutCandidateRules} more file${plural(stats.filesWithoutCandidateRules)} had nothing a rule looks for and ${stats.filesWithoutCandidateRules === 1 ? 'was' : 'were'} not parsed (no units counted)`
        : '') +
      '.',
    '',
  );
  if (result.model?.summary.length) out.push(...result.model.summary, '');
  if (result.model?.outage) out.push(`**The model failed** (${escapeMarkdown(result.model.outage)}): the findings above come from the knowledge-base rules only.`, '');
  if (result.findings.length) out.push(...byCweAndSeverity(result.findings), '', ...findingsTable(result.findings), '');
  const quiet = [
    result.suppressed?.length ? `${result.suppressed.length} suppressed (\`rescue-ignore\` or repository configuration)` : '',
    result.belowThreshold ? `${result.belowThreshold} below the severity threshold` : '',
  ].filter(Boolean);
  if (quiet.length) out.push(`Not reported: ${quiet.join('; ')}.`, '');
  if (result.units.length) {
    out.push('<details><summary>Reviewed units</summary>', '', '| file | unit | kind | lines |', '| --- | --- | --- | --- |');
    for (const u of result.units) out.push(`| ${escapeMarkdown(u.path)} | ${inlineCode(u.name)} | ${u.kind} | ${u.startLine}–${u.endLine} |`);
    out.push('', '</details>', '');
  }
  const notable = result.skipped.filter((s) => s.reason !== 'unsupported-language');
  if (notable.length || result.parseErrors.length) {
    out.push('<details><summary>Skipped or partly reviewed</summary>', '');
    for (const s of notable) out.push(`- ${s.path ? escapeMarkdown(s.path) : 'the diff'}: ${s.reason} (${escapeMarkdown(s.detail)})`);
    for (const p of result.parseErrors) out.push(`- ${escapeMarkdown(p)}: syntax errors; the parts that parsed were reviewed`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function findingsTable(findings: readonly Finding[]): string[] {
  const rows = ['| severity | CWE | where | finding | guidelines | fix |', '| --- | --- | --- | --- | --- | --- |'];
  for (const f of findings) {
    rows.push(
      `| ${ICON[f.severity]} ${f.severity} | ${f.cwe} | ${escapeMarkdown(f.path)}:${f.startLine} ${inlineCode(f.unit)} | ${escapeMarkdown(f.message)} | ${f.guidelines.map((g) => g.id).join(', ')} | ${f.fix?.verified ? 'verified' : '–'} |`,
    );
  }
  return rows;
}

/** Counts per CWE (rows) and severity (columns), most severe first. */
function byCweAndSeverity(findings: readonly Finding[]): string[] {
  const order = [...SEVERITIES].reverse();
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const row = counts.get(f.cwe) ?? { critical: 0, high: 0, medium: 0, low: 0 };
    row[f.severity]++;
    counts.set(f.cwe, row);
  }
  const rank = (r: Record<Severity, number>) => order.map((s) => r[s]);
  const rows = [...counts].sort(([a, ra], [b, rb]) => {
    const x = rank(ra), y = rank(rb);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return a.localeCompare(b, 'en', { numeric: true });
  });
  return [
    `| CWE | ${order.map((s) => `${ICON[s]} ${s}`).join(' | ')} | total |`,
    `| --- | ${order.map(() => '---:').join(' | ')} | ---: |`,
    ...rows.map(([cwe, r]) => `| ${cwe} | ${order.map((s) => r[s] || '').join(' | ')} | ${order.reduce((n, s) => n + r[s], 0)} |`),
  ];
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
