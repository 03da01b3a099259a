import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { GuidelineRef } from '../assess/finding.js';
import type { RuleBook, RuleInfo } from '../assess/rule-book.js';
import type { Language } from '../code/languages.js';
import { MANIFEST_FILE } from './build.js';
import { CWE_INDEX_OPTIONS, EXAMPLE_INDEX_OPTIONS, type CweIndexDoc, type ExampleIndexDoc } from './index-options.js';
import { cweIndexDoc, exampleIndexDoc } from './indexes.js';
import { getExampleText, loadKnowledgeBase, lookupTables, type KnowledgeBase } from './load.js';
import { compareCweIds, type KbApiSet, type KbCwe, type KbDocument, type KbExample, type KbExampleText } from './model.js';

/**
 * A repository overlay: a team's own knowledge on top of the bundled KB. `rescue kb learn` writes it,
 * default `.github/rescue/kb/`:
 *
 *   sources/   optional hand-written CWE YAML (the kb/sources format, rules included)
 *   mined/     knowledge mined from the repository's own merged security fixes (kb/mined format)
 *   build/     `rescue kb build --sources sources --mined mined --out build`, loaded at run time
 *
 * Loading merges the overlay build on top of the bundled build. Every overlay entry gets the origin
 * `overlay` and an id prefixed with `overlay:` (guidelines `overlay:CWE-89.m1`, rules, examples), so a
 * citation shows where the guidance came from and no overlay id can shadow a bundled one.
 */
export const DEFAULT_OVERLAY_DIR = '.github/rescue/kb';
export const OVERLAY_ID_PREFIX = 'overlay:';

export function overlayLayout(dir: string): { readonly sources: string; readonly mined: string; readonly build: string } {
  return { sources: path.join(dir, 'sources'), mined: path.join(dir, 'mined'), build: path.join(dir, 'build') };
}

export function isOverlayId(id: string): boolean {
  return id.startsWith(OVERLAY_ID_PREFIX);
}

/**
 * The overlay's build, or undefined when the directory has none (most repositories). Errors are
 * KbLoadErrors. Its stored rule prefilters are not read: a prefilter decides whether a rule runs at all, and
 * stored ones are trusted only from the bundled knowledge base; the overlay's rules have theirs worked out.
 */
export function loadOverlay(dir: string): KnowledgeBase | undefined {
  const build = overlayLayout(dir).build;
  if (!fs.existsSync(path.join(build, MANIFEST_FILE))) return undefined;
  return loadKnowledgeBase(build, { prefilters: false });
}

export interface OverlaySummary {
  readonly dir: string;
  /** Overlay CWEs; `added` ones are not in the bundled KB. */
  readonly cwes: readonly string[];
  readonly added: readonly string[];
  readonly guidelines: number;
  readonly rules: number;
  readonly examples: number;
  /** Overlay guidelines left out because a bundled guideline of the CWE says the same. */
  readonly duplicateGuidelines: readonly string[];
  /** Vectors not merged, and why (the example and CWE ids still merge; dense scores skip them). */
  readonly vectorsDropped?: string;
}

/** A knowledge base with an overlay merged in. `getExampleText` must go through `getMergedExampleText`. */
export type MergedKnowledgeBase = KnowledgeBase & { readonly overlay: OverlaySummary };

const overlayTexts = new WeakMap<KnowledgeBase, { readonly overlay: KnowledgeBase; readonly base: KnowledgeBase; readonly ids: ReadonlyMap<string, string> }>();

/**
 * Merges an overlay on top of a knowledge base; pure, neither input changes. For a CWE in both, the
 * bundled name and cause stay (an empty cause takes the overlay's), the overlay's guidelines, rules,
 * examples and APIs are added; an overlay CWE the bundled KB lacks is added whole. The CWE index is
 * rebuilt (a few dozen documents); the example index is rebuilt on first use, from the full texts of both.
 */
export function mergeOverlay(kb: KnowledgeBase, overlay: KnowledgeBase): MergedKnowledgeBase {
  const relabeled = overlay.document.cwes.map(relabel);
  const byId = new Map(kb.document.cwes.map((c) => [c.id, c]));
  const duplicateGuidelines: string[] = [];
  for (const o of relabeled) {
    const base = byId.get(o.id);
    byId.set(o.id, base ? mergeCwe(base, o, duplicateGuidelines) : o);
  }
  const document: KbDocument = { schemaVersion: kb.document.schemaVersion, cwes: [...byId.values()].sort((a, b) => compareCweIds(a.id, b.id)) };

  const { cwes, examples, guidelines } = lookupTables(document);
  const cweIndex = new MiniSearch<CweIndexDoc>(CWE_INDEX_OPTIONS);
  cweIndex.addAll(document.cwes.map(cweIndexDoc));

  const ids = new Map(overlay.document.cwes.flatMap((c) => c.examples.map((e) => [prefix(e.id), e.id] as const)));
  const { vectors, dropped } = mergeVectors(kb, overlay, new Set(kb.document.cwes.map((c) => c.id)));
  const counts = {
    cwes: document.cwes.length,
    guidelines: document.cwes.reduce((n, c) => n + c.guidelines.length, 0),
    rules: document.cwes.reduce((n, c) => n + c.rules.length, 0),
    examples: examples.size,
  };
  let exampleIndex: MiniSearch<ExampleIndexDoc> | undefined;
  const merged: MergedKnowledgeBase = {
    dir: kb.dir,
    manifest: { ...kb.manifest, counts },
    document,
    cwes,
    examples,
    guidelines,
    cweIndex,
    get exampleIndex() {
      if (!exampleIndex) {
        exampleIndex = new MiniSearch<ExampleIndexDoc>(EXAMPLE_INDEX_OPTIONS);
        exampleIndex.addAll(document.cwes.flatMap((c) => c.examples.map((e) => exampleIndexDoc(e, getMergedExampleText(merged, e.id)))));
      }
      return exampleIndex;
    },
    ...(vectors && { vectors }),
    overlay: {
      dir: overlay.dir,
      cwes: relabeled.map((c) => c.id),
      added: relabeled.filter((c) => !kb.cwes.has(c.id)).map((c) => c.id),
      guidelines: relabeled.reduce((n, c) => n + c.guidelines.length, 0) - duplicateGuidelines.length,
      rules: relabeled.reduce((n, c) => n + c.rules.length, 0),
      examples: ids.size,
      duplicateGuidelines,
      ...(dropped && { vectorsDropped: dropped }),
    },
  };
  // Overlay example texts are read from the overlay build, the others from the bundled one.
  overlayTexts.set(merged, { overlay, base: kb, ids });
  return merged;
}

/** getExampleText for a merged knowledge base (and any other: it falls back to getExampleText). */
export function getMergedExampleText(kb: KnowledgeBase, id: string): KbExampleText | undefined {
  const entry = overlayTexts.get(kb);
  if (!entry) return getExampleText(kb, id);
  const original = entry.ids.get(id);
  if (original !== undefined) {
    const text = getExampleText(entry.overlay, original);
    return text && { ...text, id };
  }
  return getMergedExampleText(entry.base, id);
}

function prefix(id: string): string {
  return isOverlayId(id) ? id : `${OVERLAY_ID_PREFIX}${id}`;
}

/** An overlay CWE with every id prefixed and every entry marked `overlay`. */
function relabel(c: KbCwe): KbCwe {
  return {
    ...c,
    causeOrigin: 'overlay',
    guidelines: c.guidelines.map((g) => ({ ...g, id: prefix(g.id), origin: 'overlay' as const })),
    rules: c.rules.map((r) => ({ ...r, id: prefix(r.id), guideline: prefix(r.guideline) })),
    examples: c.examples.map((e) => ({ ...e, id: prefix(e.id), guidelines: e.guidelines.map(prefix), origin: 'overlay' as const })),
  };
}

function mergeCwe(base: KbCwe, o: KbCwe, duplicates: string[]): KbCwe {
  const known = new Set(base.guidelines.map((g) => normalize(g.text)));
  const guidelines = [...base.guidelines];
  for (const g of o.guidelines) {
    if (known.has(normalize(g.text))) duplicates.push(g.id);
    else guidelines.push(g);
  }
  const apis: Partial<Record<Language, KbApiSet>> = { ...base.apis };
  for (const [language, set] of Object.entries(o.apis) as [Language, KbApiSet][]) {
    const b = base.apis[language];
    apis[language] = b ? { insecure: union(b.insecure, set.insecure), safe: union(b.safe, set.safe), seen: union(b.seen, set.seen) } : set;
  }
  return {
    ...base,
    parents: union(base.parents, o.parents),
    related: union(base.related, o.related),
    cause: base.cause || o.cause,
    causeOrigin: base.cause ? base.causeOrigin : 'overlay',
    guidelines,
    apis,
    allApis: union(base.allApis, o.allApis),
    rules: [...base.rules, ...o.rules].sort((a, b) => a.id.localeCompare(b.id)),
    // Stable sort: within a language, the bundled examples stay first.
    examples: [...base.examples, ...o.examples].sort((a, b) => a.language.localeCompare(b.language)),
  };
}

/**
 * Vectors merge only when both builds hold vectors of the same model and size; the overlay's cause vector
 * of a CWE the bundled KB has is left out (the bundled cause is kept).
 */
function mergeVectors(kb: KnowledgeBase, overlay: KnowledgeBase, baseCwes: ReadonlySet<string>): { vectors?: KnowledgeBase['vectors']; dropped?: string } {
  if (!kb.vectors) return {};
  const o = overlay.vectors;
  const overlayRows = overlay.document.cwes.reduce((n, c) => n + c.examples.length, 0);
  if (!o) return { vectors: kb.vectors, ...(overlayRows && { dropped: 'the overlay has no vectors' }) };
  if (o.set.model !== kb.vectors.set.model || o.set.dimensions !== kb.vectors.set.dimensions) {
    return { vectors: kb.vectors, dropped: `the overlay's vectors are for ${o.set.model} (${o.set.dimensions}), the bundled ones for ${kb.vectors.set.model} (${kb.vectors.set.dimensions})` };
  }
  const { dimensions } = kb.vectors.set;
  const extra: { id: string; row: number }[] = [];
  o.set.ids.forEach((id, row) => {
    if (id.startsWith('cwe:')) {
      if (!baseCwes.has(id.slice(4))) extra.push({ id, row });
    } else if (id.startsWith('example:')) extra.push({ id: `example:${prefix(id.slice(8))}`, row });
  });
  const data = new Float32Array((kb.vectors.set.ids.length + extra.length) * dimensions);
  data.set(kb.vectors.set.data);
  extra.forEach((e, i) => data.set(o.set.data.subarray(e.row * dimensions, (e.row + 1) * dimensions), (kb.vectors!.set.ids.length + i) * dimensions));
  const ids = [...kb.vectors.set.ids, ...extra.map((e) => e.id)];
  return { vectors: { set: { model: kb.vectors.set.model, dimensions, ids, data }, rows: new Map(ids.map((id, i) => [id, i])) } };
}

/**
 * A rule book whose findings also cite the overlay's guidelines for the finding's CWE (at most `max`,
 * those for the rule's language): a team's own lesson shows up next to the bundled guideline whenever a
 * bundled rule fires on that weakness. Rules of the overlay itself already cite overlay guidelines.
 */
export function citeOverlayGuidance(book: RuleBook, kb: KnowledgeBase, opts: { readonly max?: number } = {}): RuleBook {
  const max = opts.max ?? 2;
  const cache = new Map<string, RuleInfo | undefined>();
  const info = (ruleId: string): RuleInfo | undefined => {
    if (cache.has(ruleId)) return cache.get(ruleId);
    const base = book.info(ruleId);
    let out = base;
    if (base) {
      const cited = new Set(base.guidelines.map((g) => g.id));
      const cwe = kb.cwes.get(base.rule.cwe);
      // A guideline without languages, learned from fixes in some languages, applies to those languages.
      const learnedIn = new Set((cwe?.examples ?? []).filter((e) => e.origin === 'overlay').map((e) => e.language));
      const applies = (languages: readonly Language[] | undefined) =>
        languages ? languages.includes(base.rule.language) : learnedIn.size === 0 || learnedIn.has(base.rule.language);
      const extra: GuidelineRef[] = (cwe?.guidelines ?? [])
        .filter((g) => g.origin === 'overlay' && !cited.has(g.id) && applies(g.languages))
        .slice(0, max)
        .map((g) => ({ id: g.id, text: g.text }));
      if (extra.length) out = { ...base, guidelines: [...base.guidelines, ...extra] };
    }
    cache.set(ruleId, out);
    return out;
  };
  return {
    rulesFor: (language) => book.rulesFor(language),
    runnerFor: (grammar) => book.runnerFor(grammar),
    mayMatch: (grammar, text) => book.mayMatch(grammar, text),
    candidates: (grammar, text) => book.candidates(grammar, text),
    info,
    get broken() {
      return book.broken;
    },
    ruleIds: book.ruleIds,
  };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
