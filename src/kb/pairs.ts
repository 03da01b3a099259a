import fs from 'node:fs/promises';
import { diffArrays } from 'diff';
import { z } from 'zod';
import { ConfigurationError } from '../config/errors.js';
import { isLanguage, type Language } from '../code/languages.js';

/**
 * Vulnerability-fix pairs in the SafeCoder JSONL schema (one change to one function per line), as in
 * ../shared/data/safecoder/pairs.jsonl. Extra fields are ignored.
 */
export const pairRowSchema = z.object({
  id: z.string(),
  cwe: z.string().regex(/^CWE-\d+$/),
  language: z.string(),
  vulnerable_code: z.string().min(1),
  fixed_code: z.string().min(1),
  deleted_lines: z.array(z.string()).default([]),
  added_lines: z.array(z.string()).default([]),
  description: z.string().optional(),
  func_name: z.string().optional(),
  commit_link: z.string().optional(),
  file_name: z.string().optional(),
});

export interface FixPair {
  readonly id: string;
  readonly cwe: string;
  readonly language: Language;
  readonly vulnerable: string;
  readonly secure: string;
  /** 1-based lines of `vulnerable` removed by the fix, and of `secure` added by it. */
  readonly deletedLines: readonly number[];
  readonly addedLines: readonly number[];
  readonly description?: string;
  readonly title: string;
  readonly provenance: string;
}

export interface PairsFile {
  readonly pairs: FixPair[];
  /** Rows not used, with the reason (a language RESCUE does not review, an unchanged function). */
  readonly skipped: { readonly line: number; readonly id?: string; readonly reason: string }[];
}

/** Parses a JSONL file; a malformed line is a ConfigurationError naming the line and field. */
export function parsePairs(text: string, file: string): PairsFile {
  const pairs: FixPair[] = [];
  const skipped: PairsFile['skipped'] = [];
  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new ConfigurationError(`${file}:${lineNo}: not JSON (${(e as Error).message})`);
    }
    const parsed = pairRowSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigurationError(`${file}:${lineNo}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const row = parsed.data;
    if (!isLanguage(row.language)) {
      skipped.push({ line: lineNo, id: row.id, reason: `language ${row.language} is not reviewed` });
      return;
    }
    const { deleted, added } = changedLines(row.vulnerable_code, row.fixed_code);
    if (!deleted.length && !added.length) {
      skipped.push({ line: lineNo, id: row.id, reason: 'the two versions are identical' });
      return;
    }
    pairs.push({
      id: row.id,
      cwe: row.cwe,
      language: row.language,
      vulnerable: row.vulnerable_code,
      secure: row.fixed_code,
      deletedLines: deleted,
      addedLines: added,
      ...(row.description && { description: row.description }),
      title: row.description?.replace(/\s+/g, ' ').slice(0, 160) || `${row.func_name ?? 'function'} (${row.cwe} fix)`,
      provenance: [row.id, row.commit_link && `https://${row.commit_link.replace(/^https?:\/\//, '')}`, row.file_name].filter(Boolean).join(' '),
    });
  });
  return { pairs, skipped };
}

export async function readPairs(file: string): Promise<PairsFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read --pairs ${file}: ${(e as Error).message}`);
  }
  return parsePairs(text, file);
}

/**
 * The changed lines, from a line diff of the two versions. The dataset's own deleted/added line lists
 * hold texts without positions (and are empty for sub-line edits), so positions come from the diff.
 */
export function changedLines(before: string, after: string): { deleted: number[]; added: number[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const deleted: number[] = [];
  const added: number[] = [];
  let i = 1;
  let j = 1;
  for (const part of diffArrays(a, b)) {
    const n = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < n; k++) deleted.push(i++);
    else if (part.added) for (let k = 0; k < n; k++) added.push(j++);
    else {
      i += n;
      j += n;
    }
  }
  return { deleted, added };
}

/** Pairs grouped by CWE, groups and members in a stable order (CWE number, then pair id). */
export function groupByCwe(pairs: readonly FixPair[]): Map<string, FixPair[]> {
  const groups = new Map<string, FixPair[]>();
  for (const p of [...pairs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const list = groups.get(p.cwe) ?? [];
    list.push(p);
    groups.set(p.cwe, list);
  }
  return new Map([...groups].sort(([a], [b]) => Number(a.slice(4)) - Number(b.slice(4))));
}
