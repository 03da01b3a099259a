import { parsePairs, type FixPair, type PairsFile } from '../pairs.js';
import type { FunctionPair } from './function-pairs.js';

/** A function pair with where it came from: the fix's CWE and a link to the commit or pull request. */
export interface SourcedPair {
  readonly id: string;
  readonly cwe: string;
  readonly pair: FunctionPair;
  /** `github.com/<owner>/<repo>/commit/<sha>` or `.../pull/<n>`, without the scheme (the SafeCoder field). */
  readonly link: string;
  /** Shown as the example's title; at most 160 characters are kept. */
  readonly title: string;
}

/**
 * Function pairs to FixPairs through the SafeCoder row schema and its parser, so mined pairs take exactly
 * the path of `kb build --pairs` (changed lines from a line diff, the same provenance format).
 */
export function toFixPairs(pairs: readonly SourcedPair[], sourceName: string): PairsFile {
  const rows = pairs.map((p) =>
    JSON.stringify({
      id: p.id,
      cwe: p.cwe,
      language: p.pair.language,
      vulnerable_code: p.pair.before,
      fixed_code: p.pair.after,
      func_name: p.pair.name,
      commit_link: p.link,
      file_name: p.pair.path,
    }),
  );
  const parsed = parsePairs(rows.join('\n'), sourceName);
  const titles = new Map(pairs.map((p) => [p.id, p.title.replace(/\s+/g, ' ').trim().slice(0, 160)]));
  return { pairs: parsed.pairs.map((p): FixPair => ({ ...p, title: titles.get(p.id) || p.title })), skipped: parsed.skipped };
}
