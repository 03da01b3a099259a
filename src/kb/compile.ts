import type { Language } from '../code/languages.js';
import type { CweSource } from './source-schema.js';
import { lineCount, type LoadedSource } from './source-loader.js';
import type { MinedCwe } from './mined.js';
import type { PairSlice, PairSlicer } from './pair-slicer.js';
import {
  compareCweIds,
  KB_SCHEMA_VERSION,
  type KbApiSet,
  type KbCwe,
  type KbDocument,
  type KbExample,
  type KbExampleText,
  type KbGuideline,
  type KbSlice,
} from './model.js';

export interface CompileInput {
  readonly sources: readonly LoadedSource[];
  readonly mined?: readonly MinedCwe[];
  /** Slices hand-written examples; without it (or when it fails) a slice is the whole version. */
  readonly slicer?: PairSlicer;
  /** The callees of a piece of code (src/kb/call-names.ts in production). */
  readonly callNames: (language: Language, code: string) => Promise<string[]>;
}

/** An example whose slice is its whole version, and why: reported by `kb build`, never fatal. */
export interface SliceFallback {
  readonly id: string;
  readonly side: 'vulnerable' | 'secure' | 'both';
  readonly reason: string;
}

export interface CompiledKb {
  /** kb.json. */
  readonly document: KbDocument;
  /** The full texts, by example id, in document order (examples/<CWE>.jsonl). */
  readonly texts: ReadonlyMap<string, KbExampleText>;
  readonly sliceFallbacks: readonly SliceFallback[];
}

/** Sources (and mined knowledge) to the kb.json document and the example texts. Deterministic. */
export async function compileKnowledgeBase(input: CompileInput): Promise<CompiledKb> {
  const minedBy = new Map((input.mined ?? []).map((m) => [m.cwe, m]));
  const ids = new Set([...input.sources.map((s) => s.source.id), ...minedBy.keys()]);
  const handBy = new Map(input.sources.map((s) => [s.source.id, s.source]));
  const cwes: KbCwe[] = [];
  const texts = new Map<string, KbExampleText>();
  const sliceFallbacks: SliceFallback[] = [];
  for (const id of [...ids].sort(compareCweIds)) {
    cwes.push(await compileCwe(id, handBy.get(id), minedBy.get(id), input, texts, sliceFallbacks));
  }
  // Texts in document order, so that each examples/<CWE>.jsonl is deterministic.
  const ordered = new Map<string, KbExampleText>();
  for (const c of cwes) for (const e of c.examples) ordered.set(e.id, texts.get(e.id)!);
  return { document: { schemaVersion: KB_SCHEMA_VERSION, cwes }, texts: ordered, sliceFallbacks };
}

/** The whole version as its own slice. */
function wholeSlice(text: string, fallback: string): KbSlice {
  const trimmed = text.replace(/\n$/, '');
  return { lines: Array.from({ length: lineCount(text) }, (_, i) => i + 1), text: trimmed, fallback };
}

function toSlice(slice: Pick<PairSlice, 'lines' | 'text' | 'fallback'>): KbSlice {
  return { lines: [...slice.lines], text: slice.text, ...(slice.fallback && { fallback: slice.fallback }) };
}

type Sliced = { vulnerable: KbSlice; secure: KbSlice };

/** Slices a hand-written pair; a slicer error or a version the slicer could not handle falls back to the text. */
async function sliceHandWritten(
  exampleId: string,
  slicer: PairSlicer | undefined,
  input: Parameters<PairSlicer['slicePair']>[0],
  fallbacks: SliceFallback[],
): Promise<Sliced> {
  if (!slicer) {
    return { vulnerable: wholeSlice(input.vulnerable, 'no slicer'), secure: wholeSlice(input.secure, 'no slicer') };
  }
  try {
    const sliced = await slicer.slicePair(input);
    const result = { vulnerable: toSlice(sliced.vulnerable), secure: toSlice(sliced.secure) };
    noteFallbacks(exampleId, result, fallbacks);
    return result;
  } catch (e) {
    const reason = `the slicer failed: ${(e as Error).message.split('\n')[0]}`;
    fallbacks.push({ id: exampleId, side: 'both', reason });
    return { vulnerable: wholeSlice(input.vulnerable, reason), secure: wholeSlice(input.secure, reason) };
  }
}

function noteFallbacks(id: string, s: Sliced, fallbacks: SliceFallback[]): void {
  const v = s.vulnerable.fallback;
  const w = s.secure.fallback;
  if (v && w && v === w) fallbacks.push({ id, side: 'both', reason: v });
  else {
    if (v) fallbacks.push({ id, side: 'vulnerable', reason: v });
    if (w) fallbacks.push({ id, side: 'secure', reason: w });
  }
}

async function compileCwe(
  id: string,
  hand: CweSource | undefined,
  mined: MinedCwe | undefined,
  input: CompileInput,
  texts: Map<string, KbExampleText>,
  sliceFallbacks: SliceFallback[],
): Promise<KbCwe> {
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
    const exampleId = `${id}.${ex.language}.${n}`;
    const apis = unique([...(await input.callNames(ex.language, ex.vulnerable)), ...(await input.callNames(ex.language, ex.secure))]);
    const sliced = await sliceHandWritten(
      exampleId,
      input.slicer,
      { language: ex.language, vulnerable: ex.vulnerable, secure: ex.secure, deletedLines: ex.vulnerableLines, addedLines: ex.secureLines },
      sliceFallbacks,
    );
    examples.push({
      id: exampleId,
      cwe: id,
      language: ex.language,
      title: ex.title,
      vulnerableLines: ex.vulnerableLines,
      secureLines: ex.secureLines,
      guidelines: ex.guidelines,
      origin: 'hand-written',
      provenance: ex.provenance,
      apis,
      secureSlice: sliced.secure,
    });
    texts.set(exampleId, { id: exampleId, vulnerable: ex.vulnerable, secure: ex.secure, vulnerableSlice: sliced.vulnerable });
  }
  const minedCount = new Map<Language, number>();
  for (const ex of mined?.examples ?? []) {
    const n = (minedCount.get(ex.language) ?? 0) + 1;
    minedCount.set(ex.language, n);
    const exampleId = `${id}.${ex.language}.m${n}`;
    const sliced: Sliced = {
      vulnerable: ex.vulnerableSlice ? toSlice(ex.vulnerableSlice) : wholeSlice(ex.vulnerable, 'not sliced when mined'),
      secure: ex.secureSlice ? toSlice(ex.secureSlice) : wholeSlice(ex.secure, 'not sliced when mined'),
    };
    noteFallbacks(exampleId, sliced, sliceFallbacks);
    examples.push({
      id: exampleId,
      cwe: id,
      language: ex.language,
      title: ex.title,
      vulnerableLines: ex.vulnerableLines,
      secureLines: ex.secureLines,
      guidelines: [],
      origin: 'mined',
      provenance: ex.provenance,
      apis: unique(ex.apis),
      secureSlice: sliced.secure,
    });
    texts.set(exampleId, { id: exampleId, vulnerable: ex.vulnerable, secure: ex.secure, vulnerableSlice: sliced.vulnerable });
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
