import { createHash } from 'node:crypto';
import type { KbRule } from '../../kb/model.js';
import { stableStringify } from '../../kb/stable-json.js';
import { needleKind, needleOfKind, rulePrefilter, type Needle, type NeedleKind, type Prefilter } from './prefilter.js';

/**
 * Rules' prefilters worked out when the knowledge base is built (kb/build/prefilters.json), so a scan does
 * not work them out again in every thread: reading a rule's regexes for their literals costs a fraction of
 * a millisecond a rule, a hundred milliseconds or more for a language's rules.
 *
 * A prefilter is stored under a hash of what it is computed from (the rule's language, query and `where`)
 * and PREFILTER_VERSION, never under the rule's id: an edited rule, a rule of an overlay or a build made by
 * another version finds no entry and has its prefilter worked out as before. Bump PREFILTER_VERSION when
 * rulePrefilter can answer otherwise for the same rule; `rescue kb build --check` fails until the stored
 * file is rebuilt.
 */
export const PREFILTER_VERSION = 2;
export const PREFILTERS_FILE = 'prefilters.json';

/** A needle as stored: how it is looked for (w, k, a, f or s), a colon, its text. */
type StoredNeedle = string;
/** Per pattern, per clause, its needles; null: the rule has no prefilter (it always runs). */
export type StoredPrefilter = StoredNeedle[][][] | null;

interface PrefiltersFileContent {
  readonly version: number;
  readonly prefilters: Readonly<Record<string, StoredPrefilter>>;
}

/** Prefilters by key, from stored files and from rules worked out in this thread. */
const known = new Map<string, Prefilter | undefined>();

export function prefilterKey(rule: Pick<KbRule, 'language' | 'query' | 'where'>): string {
  const input = stableStringify({ version: PREFILTER_VERSION, language: rule.language, query: rule.query, where: rule.where });
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}

/** rulePrefilter(rule), from what was stored or worked out before when there is such an entry. */
export function prefilterOf(rule: KbRule): Prefilter | undefined {
  const key = prefilterKey(rule);
  if (known.has(key)) return known.get(key);
  const prefilter = rulePrefilter(rule);
  known.set(key, prefilter);
  return prefilter;
}

/** The content of prefilters.json for these rules: one line per rule, sorted by key. */
export function serializePrefilters(rules: readonly KbRule[]): string {
  const entries = new Map<string, StoredPrefilter>();
  for (const rule of rules) entries.set(prefilterKey(rule), store(rulePrefilter(rule)));
  const lines = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, p]) => `    ${JSON.stringify(key)}: ${JSON.stringify(p)}`);
  return `{\n  "version": ${PREFILTER_VERSION},\n  "prefilters": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/**
 * Takes in the entries of a prefilters.json. Returns false, and takes in nothing, when the file is of
 * another version or not in this shape (the rules' prefilters are then worked out when needed).
 */
export function loadPrefilters(text: string): boolean {
  let content: PrefiltersFileContent;
  try {
    content = JSON.parse(text) as PrefiltersFileContent;
  } catch {
    return false;
  }
  if (content?.version !== PREFILTER_VERSION || typeof content.prefilters !== 'object' || content.prefilters === null) return false;
  const read = new Map<string, Prefilter | undefined>();
  for (const [key, stored] of Object.entries(content.prefilters)) {
    const prefilter = restore(stored);
    if (prefilter === false) return false;
    read.set(key, prefilter);
  }
  for (const [key, p] of read) known.set(key, p);
  return true;
}

/** The prefilters known in this thread, for another thread's `rememberPrefilters`. */
export function knownPrefilters(): [string, StoredPrefilter][] {
  return [...known].map(([key, p]) => [key, store(p)]);
}

export function rememberPrefilters(entries: readonly (readonly [string, StoredPrefilter])[]): void {
  for (const [key, stored] of entries) {
    const prefilter = restore(stored);
    if (prefilter !== false) known.set(key, prefilter);
  }
}

function store(prefilter: Prefilter | undefined): StoredPrefilter {
  return prefilter ? prefilter.map((pattern) => pattern.map((clause) => clause.map(storeNeedle))) : null;
}

function storeNeedle(n: Needle): StoredNeedle {
  return `${needleKind(n)}:${n.text}`;
}

/** The prefilter a stored one stands for; false when it is not in the stored shape. */
function restore(stored: unknown): Prefilter | undefined | false {
  if (stored === null) return undefined;
  if (!Array.isArray(stored)) return false;
  const out: Needle[][][] = [];
  for (const pattern of stored) {
    if (!Array.isArray(pattern) || pattern.length === 0) return false;
    const clauses: Needle[][] = [];
    for (const clause of pattern) {
      if (!Array.isArray(clause) || clause.length === 0) return false;
      const needles: Needle[] = [];
      for (const s of clause) {
        const n = typeof s === 'string' ? restoreNeedle(s) : undefined;
        if (!n) return false;
        needles.push(n);
      }
      clauses.push(needles);
    }
    out.push(clauses);
  }
  return out.length > 0 ? out : false;
}

function restoreNeedle(s: string): Needle | undefined {
  const kind = s[0];
  const text = s.slice(2);
  if (s[1] !== ':' || text.length === 0 || !isNeedleKind(kind)) return undefined;
  return needleOfKind(kind, text);
}

function isNeedleKind(kind: string | undefined): kind is NeedleKind {
  return kind === 'w' || kind === 'a' || kind === 'k' || kind === 'f' || kind === 's';
}
