import { styleText } from 'node:util';
import type { Severity } from '../assess/finding.js';
import type { ReviewResult } from '../pipeline/result.js';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { critical: ['bold', 'red'], high: 'red', medium: 'yellow', low: 'dim' };

/** The terminal report: findings grouped by file, colour only when `color` is set (a TTY). */
export function renderText(result: ReviewResult, options: { color: boolean; verbose?: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  const paths = [...new Set([...result.units.map((u) => u.path), ...result.findings.map((f) => f.path)])].sort();
  for (const path of paths) {
    const findings = result.findings.filter((f) => f.path === path);
    const units = result.units.filter((u) => u.path === path);
    out.push(paint('bold', path));
    for (const f of findings) {
      out.push(`  ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))} ${f.cwe} line ${f.startLine}${f.endLine > f.startLine ? `-${f.endLine}` : ''} in ${f.unit}`);
      out.push(`           ${f.message}`);
      for (const g of f.guidelines) out.push(paint('dim', `           ${g.id}: ${g.text}`));
      if (f.fix?.verified) {
        const range = f.fix.endLine > f.fix.startLine ? `lines ${f.fix.startLine}-${f.fix.endLine}` : `line ${f.fix.startLine}`;
        out.push(paint('green', `           verified fix, replaces ${range}${f.fix.description ? `: ${f.fix.description}` : ''}`));
        for (const line of f.fix.replacement.split('\n')) out.push(paint('green', `             ${line}`));
      } else {
        const rejected = result.rejectedFixes?.find((r) => r.fingerprint === f.fingerprint);
        if (rejected) out.push(paint('dim', `           no fix offered: the template's fix failed verification (${rejected.reason})`));
      }
    }
    if (options.verbose || findings.length === 0) {
      for (const u of units) out.push(paint('dim', `  reviewed ${u.kind} ${u.name} (lines ${u.startLine}-${u.endLine})`));
    }
    out.push('');
  }
  const notable = result.skipped.filter((s) => s.reason !== 'unsupported-language' && s.reason !== 'excluded');
  for (const s of notable) out.push(paint('yellow', `skipped ${s.path ?? 'diff'}: ${s.reason} (${s.detail})`));
  if (notable.length) out.push('');
  if (options.verbose) {
    for (const f of result.suppressed ?? []) {
      out.push(paint('dim', `suppressed ${f.path}:${f.startLine} ${f.cwe} ${f.ruleId ?? ''} (${f.suppression.kind}: ${f.suppression.reason})`));
    }
  }
  const n = result.findings.length;
  const unparsed = result.stats.filesWithoutCandidateRules ?? 0;
  const extras = [
    result.suppressed?.length ? `${result.suppressed.length} suppressed` : '',
    result.belowThreshold ? `${result.belowThreshold} below the severity threshold` : '',
  ].filter(Boolean);
  out.push(
    `${n === 0 ? paint('green', 'No findings') : paint('bold', `${n} finding${n === 1 ? '' : 's'}`)} in ${result.stats.units} unit${result.stats.units === 1 ? '' : 's'} of ${result.stats.files} file${result.stats.files === 1 ? '' : 's'} (${result.stats.ms} ms)` +
      (unparsed ? `; ${unparsed} of the files had nothing a rule looks for: not parsed, their units not counted` : '') +
      (extras.length ? `; ${extras.join(', ')}${options.verbose ? '' : ' (--verbose lists them)'}` : ''),
  );
  return out.join('\n') + '\n';
}
