import type { UnitAnalysis } from './analysis.js';

export interface Rendered {
  readonly lines: number[];
  readonly text: string;
}

/**
 * Kept rows verbatim; each elided run that holds code becomes one marker line, indented like the least
 * indented code line it replaces. Runs of only blank lines and comments disappear without a marker: no
 * code is hidden there. `lineBase` turns 0-based rows into the caller's 1-based line numbers.
 */
export function render(analysis: UnitAnalysis, rows: ReadonlySet<number>, lineBase = 1): Rendered {
  const { unit, lines: source } = analysis;
  const out: string[] = [];
  const lines: number[] = [];
  let runHasCode = false;
  let runIndent: string | undefined;
  const flush = (): void => {
    if (runHasCode) out.push(`${runIndent ?? ''}${unit.profile.marker}`);
    runHasCode = false;
    runIndent = undefined;
  };
  for (let r = unit.lo; r <= unit.hi; r++) {
    const text = source[r] ?? '';
    if (rows.has(r)) {
      flush();
      out.push(text);
      lines.push(r + lineBase);
      continue;
    }
    if (unit.codeRows[r - unit.lo]) {
      runHasCode = true;
      const indent = /^[ \t]*/.exec(text)![0];
      if (runIndent === undefined || indent.length < runIndent.length) runIndent = indent;
    }
  }
  flush();
  return { lines, text: out.join('\n') };
}
