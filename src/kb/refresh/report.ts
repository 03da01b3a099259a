import type { RefreshReport } from './refresh.js';

/** The run's report: a short text for the terminal, Markdown for the pull request body. */
export function formatRefreshReport(r: RefreshReport, format: 'text' | 'markdown'): string {
  const tokens = r.summary.promptTokens + r.summary.completionTokens;
  const cwes = r.cwesTouched.length ? r.cwesTouched.map((c) => `${c} (+${r.pairsByCwe[c] ?? 0})`).join(', ') : 'none';
  const headline = [
    `advisories read: ${r.advisoriesRead} (since ${r.since}${r.truncated ? ', stopped at the limit: run again for the rest' : ''})`,
    `advisories with fix pairs: ${r.advisoriesUsed.length}; skipped: ${r.skipped.length}`,
    `pairs mined: ${r.pairsMined}`,
    `CWEs touched: ${cwes}`,
    `summarizer: ${r.summary.calls} call(s), ${r.summary.cacheHits} cached, ${r.summary.promptTokens} prompt + ${r.summary.completionTokens} completion = ${tokens} tokens${r.summary.failures.length ? `, ${r.summary.failures.length} failure(s)` : ''}`,
    ...(r.sliceFallbacks ? [`pairs kept whole (not sliced): ${r.sliceFallbacks}`] : []),
    ...(r.keptEarlier.length ? [`summaries that failed and kept their earlier text: ${r.keptEarlier.join(', ')}`] : []),
    ...(r.counts ? [`knowledge base: ${r.counts.cwes} CWEs, ${r.counts.guidelines} guidelines, ${r.counts.rules} rules, ${r.counts.examples} examples`] : []),
    `cursor: ${r.cursor}${r.changed ? '' : ' (nothing changed)'}`,
  ];
  if (format === 'text') {
    const lines = [...headline];
    for (const f of r.summary.failures) lines.push(`  FAILED ${f.cwe} ${f.output} level ${f.level} batch ${f.batch + 1}: ${f.reason}`);
    return `${lines.join('\n')}\n`;
  }
  const md = ['## Knowledge-base refresh', '', ...headline.map((l) => `- ${l}`), ''];
  if (r.advisoriesUsed.length) {
    md.push('### Advisories mined', '', '| advisory | CWE | pairs |', '| --- | --- | --- |');
    for (const a of r.advisoriesUsed) md.push(`| [${a.ghsaId}](https://github.com/advisories/${a.ghsaId}) | ${a.cwe} | ${a.pairs} |`);
    md.push('');
  }
  if (r.skipped.length) {
    md.push('<details><summary>Skipped advisories</summary>', '', '| advisory | reason |', '| --- | --- |');
    for (const s of r.skipped) md.push(`| ${s.ghsaId} | ${s.reason.replace(/\|/g, '\\|')} |`);
    md.push('', '</details>', '');
  }
  if (r.summary.failures.length) {
    md.push('### Summarizer failures', '');
    for (const f of r.summary.failures) md.push(`- ${f.cwe} ${f.output} level ${f.level} batch ${f.batch + 1}: ${f.reason}`);
    md.push('');
  }
  md.push('Review the mined guidelines in `kb/mined/` before merging: they were written by a model from public fix commits.', '');
  return md.join('\n');
}
