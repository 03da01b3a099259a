import type { Language } from '../code/languages.js';
import type { CweSource } from './source-schema.js';
import type { LoadedSource } from './source-loader.js';
import type { MinedCwe } from './mined.js';
import type { PairSlicer } from './pair-slicer.js';
import {
  compareCweIds,
  KB_SCHEMA_VERSION,
  type KbApiSet,
  type KbCwe,
  type KbDocument,
  type KbExample,
  type KbGuideline,
} from './model.js';

export interface CompileInput {
  readonly sources: readonly LoadedSource[];
  readonly mined?: readonly MinedCwe[];
  /** Slices hand-written examples; without it they carry no slice and retrieval uses the full text. */
  readonly slicer?: PairSlicer;
  /** The callees of a piece of code (src/kb/call-names.ts in production). */
  readonly callNames: (language: Language, code: string) => Promise<string[]>;
}

/** Sources (and mined knowledge) to the kb.json document. Deterministic for the same input. */
export async function compileKnowledgeBase(input: CompileInput): Promise<KbDocument> {
  const minedBy = new Map((input.mined ?? []).map((m) => [m.cwe, m]));
  const ids = new Set([...input.sources.map((s) => s.source.id), ...minedBy.keys()]);
  const handBy = new Map(input.sources.map((s) => [s.source.id, s.source]));
  const cwes: KbCwe[] = [];
  for (const id of [...ids].sort(compareCweIds)) {
    cwes.push(await compileCwe(id, handBy.get(id), minedBy.get(id), input));
  }
  return { schemaVersion: KB_SCHEMA_VERSION, cwes };
}

async function compileCwe(id: string, hand: CweSource | undefined, mined: MinedCwe | undefined, input: CompileInput): Promise<KbCwe> {
  const guidelines: KbGuideline[] = (hand?.guidelines ?? []).map((g) => ({ ...g, origin: 'hand-written' as const }));
  const known = new Set(guidelines.map((g) => normalize(g.text)));
  let k = 0;
  for (const text of mined?.guidelines ?? []) {
    k++; // ids follow the mined order, so a kept guideline's id does not depend on which ones were dropped
    if (known.has(normalize(text))) continue;
    known.add(normalize(text));
    guidelines.push({ id: `${id}.m${k}`, text, origin: 'mined' });
  }

  const examples: KbExample[] = [];
  const perLanguage = new Map<Language, number>();
  for (const ex of hand?.examples ?? []) {
    const n = (perLanguage.get(ex.language) ?? 0) + 1;
    perLanguage.set(ex.language, n);
    const apis = unique([...(await input.callNames(ex.language, ex.vulnerable)), ...(await input.callNames(ex.language, ex.secure))]);
    const sliced = input.slicer
      ? await input.slicer.slicePair({
          language: ex.language,
          vulnerable: ex.vulnerable,
          secure: ex.secure,
          deletedLines: ex.vulnerableLines,
          addedLines: ex.secureLines,
        })
      : undefined;
    examples.push({
      id: `${id}.${ex.language}.${n}`,
      cwe: id,
      language: ex.language,
      title: ex.title,
      vulnerable: ex.vulnerable,
      secure: ex.secure,
      vulnerableLines: ex.vulnerableLines,
      secureLines: ex.secureLines,
      guidelines: ex.guidelines,
      origin: 'hand-written',
      provenance: ex.provenance,
      apis,
      ...(sliced && {
        vulnerableSlice: { lines: [...sliced.vulnerable.lines], text: sliced.vulnerable.text },
        secureSlice: { lines: [...sliced.secure.lines], text: sliced.secure.text },
      }),
    });
  }
  const minedCount = new Map<Language, number>();
  for (const ex of mined?.examples ?? []) {
    const n = (minedCount.get(ex.language) ?? 0) + 1;
    minedCount.set(ex.language, n);
    examples.push({
      id: `${id}.${ex.language}.m${n}`,
      cwe: id,
      language: ex.language,
      title: ex.title,
      vulnerable: ex.vulnerable,
      secure: ex.secure,
      vulnerableLines: ex.vulnerableLines,
      secureLines: ex.secureLines,
      guidelines: [],
      origin: 'mined',
      provenance: ex.provenance,
      apis: unique(ex.apis),
      ...(ex.vulnerableSlice && { vulnerableSlice: ex.vulnerableSlice }),
      ...(ex.secureSlice && { secureSlice: ex.secureSlice }),
    });
  }
  // Stable order: language, then hand-written before mined, then source order (ids encode both).
  examples.sort((a, b) => a.language.localeCompare(b.language) || exampleRank(a.id) - exampleRank(b.id));

  const apis: Partial<Record<Language, KbApiSet>> = {};
  const languages = new Set<Language>([
    ...(Object.keys(hand?.apis ?? {}) as Language[]),
    ...examples.map((e) => e.language),
  ]);
  for (const language of [...languages].sort()) {
    const declared = hand?.apis[language];
    apis[language] = {
      insecure: unique(declared?.insecure ?? []),
      safe: unique(declared?.safe ?? []),
      seen: unique(examples.filter((e) => e.language === language).flatMap((e) => e.apis)),
    };
  }
  const allApis = unique(Object.values(apis).flatMap((s) => [...s.insecure, ...s.safe, ...s.seen]));

  return {
    id,
    name: hand?.name ?? id,
    parents: hand?.parents ?? [],
    related: hand?.related ?? [],
    cause: hand?.cause.trim() ?? mined?.cause ?? '',
    causeOrigin: hand ? 'hand-written' : 'mined',
    guidelines,
    apis,
    allApis,
    rules: [...(hand?.rules ?? [])].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ ...r, cwe: id })),
    examples,
  };
}

/** `CWE-1.python.3` -> 3, `CWE-1.python.m3` -> 1e6 + 3: hand-written first. */
function exampleRank(id: string): number {
  const last = id.slice(id.lastIndexOf('.') + 1);
  return last.startsWith('m') ? 1e6 + Number(last.slice(1)) : Number(last);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
