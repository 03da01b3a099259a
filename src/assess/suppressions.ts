import type { Tree } from 'web-tree-sitter';

/**
 * An inline suppression: a comment containing `rescue-ignore`, optionally followed by CWE ids and a reason:
 *
 *   # rescue-ignore
 *   // rescue-ignore CWE-89: the table name comes from the allowlist above
 *   /* rescue-ignore[CWE-78, CWE-88] -- fixed command, no user input *\/
 *
 * It applies to a finding whose reported lines include the comment's line (a trailing comment), or start on
 * the line after it when the comment stands alone on its line (a comment on the line above). Without CWE ids it silences every finding there.
 */
export interface InlineSuppression {
  readonly line: number;
  /** The comment stands alone on its line, so it may speak for the line below. */
  readonly ownLine: boolean;
  /** Empty: every CWE. */
  readonly cwes: readonly string[];
  readonly reason?: string;
}

const MARKER = /rescue-ignore(?![\w-])/;
const CWE_LIST = /^\s*\[?\s*((?:CWE-\d+\s*[,\s]\s*)*CWE-\d+)\s*\]?/i;

/**
 * The suppressions of one file. Only markers inside comments count (a string literal that mentions
 * `rescue-ignore` is not a suppression): the tree tells which.
 */
export function findSuppressions(source: string, tree: Tree): InlineSuppression[] {
  if (!source.includes('rescue-ignore')) return [];
  const out: InlineSuppression[] = [];
  const lines = source.split('\n');
  for (let row = 0; row < lines.length; row++) {
    const text = lines[row]!;
    const m = MARKER.exec(text);
    if (!m) continue;
    const node = tree.rootNode.descendantForPosition({ row, column: m.index });
    if (!node || !/comment/.test(node.type)) continue;
    const ownLine = node.startPosition.row < row || text.slice(0, node.startPosition.column).trim() === '';
    out.push({ line: row + 1, ownLine, ...parseMarker(text.slice(m.index + m[0].length)) });
  }
  return out;
}

/** The CWE ids and reason after the marker. */
export function parseMarker(rest: string): { cwes: string[]; reason?: string } {
  const body = rest.replace(/\s*(\*\/|-->)\s*$/, '');
  const ids = CWE_LIST.exec(body);
  const cwes = ids ? ids[1]!.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()) : [];
  const after = (ids ? body.slice(ids[0].length) : body).replace(/^\s*(?::|--|—|-)\s*/, '').trim();
  return after ? { cwes, reason: after } : { cwes };
}

/** The suppression that covers a finding on lines start..end of this CWE, if any. */
export function suppressionFor(
  suppressions: readonly InlineSuppression[],
  finding: { startLine: number; endLine: number; cwe: string },
): InlineSuppression | undefined {
  return suppressions.find(
    (s) =>
      ((s.ownLine && s.line === finding.startLine - 1) || (s.line >= finding.startLine && s.line <= finding.endLine)) &&
      (s.cwes.length === 0 || s.cwes.includes(finding.cwe)),
  );
}
