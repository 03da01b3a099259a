import type { Language } from '../code/languages.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { ScoredItem } from './fusion.js';

/**
 * The API facet at the CWE level: the unit's calls (qualified through its imports) against each CWE's API
 * set in the unit's language, so a Python unit is not matched against C names that share a word (`malloc`,
 * `get`). Only the classified names count, the insecure ones (sinks and risky calls) more than the safe ones
 * (replacements, which fixed code calls too); the `seen` names of the examples hold `len` and `ValueError`.
 *
 * Names are matched as names, not as bags of words: a call matches a KB name exactly or by qualified suffix
 * (`Cursor.execute` and `sqlite3.Cursor.execute`), then, more weakly, by its last two segments
 * (`logger.info` and `logging.Logger.info`: the receiver is often a variable named after its type), by its
 * last segment (`conn.execute`), or by its module alone (`subprocess.check_call` against `subprocess.run`).
 * Each kind of match is weighted by how specific the key is among the CWEs of the language (an inverse
 * document frequency): `os.system` says CWE-78, the module `os` says little. Word-level BM25 over the names
 * rated a long name (`os.path.join`: five tokens) above a short one (`os.system`: three) and a unit that
 * shares a word with many of the KB's names above one that calls a single specific sink.
 */
interface Keyed {
  /** key -> CWE -> weight of the best list the key came from (insecure 1, safe SAFE_WEIGHT). */
  readonly keys: Map<string, Map<string, number>>;
  readonly docs: number;
}

interface LanguageApis {
  readonly levels: readonly Keyed[];
}

/** A call of a CWE's safe replacement is weaker evidence than a call of its insecure API. */
export const SAFE_WEIGHT = 0.5;

/**
 * In languages whose libraries are reached through modules and objects, a bare name is a builtin (`print`,
 * `open`, `str`, `String`): called by nearly every function, weaker evidence than a qualified sink. C and C++
 * call their library by bare names, so there they count in full.
 */
export const BARE_WEIGHT = 0.5;
const QUALIFIED_LANGUAGES: ReadonlySet<Language> = new Set(['python', 'javascript', 'typescript', 'java', 'go']);

/** Weight of each kind of match: full name or qualified suffix, last two segments, last segment, module. */
export const MATCH_WEIGHTS = [1, 0.75, 0.4, 0.25] as const;

const SEP = /\.|::|->|\//;

function segments(name: string): string[] {
  return name.split(SEP).filter(Boolean);
}

/**
 * The keys of a name at each match level. The first level holds every qualified suffix and keeps the case
 * (names are case-sensitive: `logger.info` on a variable is not `Logger.info` of the class, it only looks
 * like it); the weaker levels ignore case.
 */
export function apiKeys(name: string): [string[], string[], string[], string[]] {
  const s = segments(name);
  if (s.length === 0) return [[], [], [], []];
  const suffixes = s.map((_, i) => s.slice(i).join('.')).filter((x, i) => i === 0 || s.length - i >= 2);
  const lower = s.map((x) => x.toLowerCase());
  return [
    suffixes,
    s.length >= 2 ? [lower.slice(-2).join('.')] : [],
    [lower[lower.length - 1]!],
    s.length >= 2 ? [lower[0]!] : [],
  ];
}

const cache = new WeakMap<KnowledgeBase, Map<Language | '*', LanguageApis | null>>();

export function languageApis(kb: KnowledgeBase, language: Language): LanguageApis | null {
  let byLanguage = cache.get(kb);
  if (!byLanguage) cache.set(kb, (byLanguage = new Map()));
  if (byLanguage.has(language)) return byLanguage.get(language)!;
  let built = build(kb, [language]);
  // A language for which no CWE has an API set: every language's names.
  if (!built) built = build(kb, Object.keys(kb.document.cwes.reduce((a, c) => ({ ...a, ...c.apis }), {})) as Language[]);
  byLanguage.set(language, built);
  return built;
}

function build(kb: KnowledgeBase, languages: readonly Language[]): LanguageApis | null {
  const levels: Keyed[] = MATCH_WEIGHTS.map(() => ({ keys: new Map(), docs: 0 }));
  let docs = 0;
  for (const cwe of kb.cwes.values()) {
    const names = new Map<string, number>();
    for (const language of languages) {
      const set = cwe.apis[language];
      if (!set) continue;
      for (const n of set.safe) names.set(n, Math.max(names.get(n) ?? 0, SAFE_WEIGHT));
      for (const n of set.insecure) names.set(n, 1);
    }
    if (names.size === 0) continue;
    docs++;
    for (const [name, weight] of names) {
      apiKeys(name).forEach((keys, level) => {
        for (const key of keys) {
          let byCwe = levels[level]!.keys.get(key);
          if (!byCwe) levels[level]!.keys.set(key, (byCwe = new Map()));
          byCwe.set(cwe.id, Math.max(byCwe.get(cwe.id) ?? 0, weight));
        }
      });
    }
  }
  if (docs === 0) return null;
  return { levels: levels.map((l) => ({ keys: l.keys, docs })) };
}

/** BM25's inverse document frequency of a key held by `df` of `n` CWEs. */
function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Per CWE, the best match of one API name: match weight x specificity x insecure/safe weight. */
export function apiMatch(apis: LanguageApis, name: string, bareWeight = 1): Map<string, number> {
  const best = new Map<string, number>();
  const bare = segments(name).length === 1;
  apiKeys(name).forEach((keys, level) => {
    const keyed = apis.levels[level]!;
    for (const key of keys) {
      const byCwe = keyed.keys.get(key);
      if (!byCwe) continue;
      const specificity = MATCH_WEIGHTS[level]! * idf(keyed.docs, byCwe.size) * (bare ? bareWeight : 1);
      for (const [cwe, weight] of byCwe) best.set(cwe, Math.max(best.get(cwe) ?? 0, specificity * weight));
    }
  });
  return best;
}

/**
 * The receiver of a qualified name, `logger` for `logger.info`, `os/exec` for `os/exec.Command`; a bare
 * name is its own family. Calls on one receiver (`logger.info`, `logger.error`, `logger.debug`) are one
 * piece of evidence: a function that logs ten times is no more about log injection than one that logs once.
 */
export function apiFamily(name: string): string {
  const m = /^(.*?)(?:\.|::|->)[^.:>]+$/.exec(name);
  return m?.[1] || name;
}

/**
 * Each CWE's score for the unit's APIs: per family of calls the best match, summed over the families (two
 * different sinks of one CWE are more evidence than one).
 */
export function apiScores(kb: KnowledgeBase, language: Language, names: readonly string[]): ScoredItem[] {
  const apis = languageApis(kb, language);
  if (!apis) return [];
  const families = new Map<string, Map<string, number>>();
  for (const name of new Set(names)) {
    const match = apiMatch(apis, name, QUALIFIED_LANGUAGES.has(language) ? BARE_WEIGHT : 1);
    if (match.size === 0) continue;
    const family = apiFamily(name);
    let best = families.get(family);
    if (!best) families.set(family, (best = new Map()));
    for (const [cwe, s] of match) if (s > (best.get(cwe) ?? 0)) best.set(cwe, s);
  }
  const total = new Map<string, number>();
  for (const best of families.values()) for (const [id, s] of best) total.set(id, (total.get(id) ?? 0) + s);
  return [...total].map(([id, score]) => ({ id, score }));
}
