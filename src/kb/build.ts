import fs from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from '../llm/openai-client.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { callNames as treeSitterCallNames } from './call-names.js';
import { compileKnowledgeBase, type CompiledKb, type SliceFallback } from './compile.js';
import {
  computeEmbeddings,
  embeddingInputs,
  embeddingInputsHash,
  parseVectors,
  serializeVectors,
  vectorsFileName,
} from './embeddings.js';
import { INDEX_OPTIONS_HASH, INDEX_OPTIONS_VERSION } from './index-options.js';
import { TOKENIZER_VERSION } from './code-tokenizer.js';
import { buildIndexes, serializeCweIndex, serializeExampleIndex } from './indexes.js';
import { MANIFEST_VERSION, manifestSchema, type KbManifest } from './manifest.js';
import { PREFILTERS_FILE, serializePrefilters } from '../assess/rules/prefilter-store.js';
import { readMined } from './mined.js';
import { KB_SCHEMA_VERSION, type KbDocument, type KbExampleText } from './model.js';
import type { PairSlicer } from './pair-slicer.js';
import { pdgSlicer } from './pdg-slicer.js';
import { loadSources } from './source-loader.js';
import { SOURCE_SCHEMA_VERSION } from './source-schema.js';
import { sha256, stableStringify, stableStringifyLines } from './stable-json.js';

export const KB_FILE = 'kb.json';
/** The CWE-level index, loaded with kb.json. */
export const INDEX_FILE = 'index.json';
/** The example-level index, loaded on first use. */
export const EXAMPLE_INDEX_FILE = 'example-index.json';
/** One `<CWE>.jsonl` per CWE with examples: KbExampleText lines in document order, read on demand. */
export const EXAMPLES_DIR = 'examples';
export const MANIFEST_FILE = 'manifest.json';

/** The build-relative name of a CWE's example texts (always with `/`). */
export function exampleTextsFile(cwe: string): string {
  return `${EXAMPLES_DIR}/${cwe}.jsonl`;
}

export interface BuildOptions {
  readonly sourcesDir: string;
  /** Mined knowledge (kb/mined); default: `mined` next to the sources directory. */
  readonly minedDir?: string;
  /** Slices hand-written examples; default the PDG slicer of src/slice. */
  readonly slicer?: PairSlicer;
  readonly callNames?: (language: KbDocument['cwes'][number]['examples'][number]['language'], code: string) => Promise<string[]>;
  /** Compute vectors with this model. Without it, vectors already in `previousDir` are kept when their
   * inputs are unchanged, so a source edit that does not touch causes or examples needs no endpoint. */
  readonly embeddings?: { readonly model: string; readonly embedder: Embedder; readonly batchSize?: number };
  /** The existing build, for reusing vectors. */
  readonly previousDir?: string;
  readonly logger?: Logger;
}

export interface BuildResult {
  readonly document: KbDocument;
  /** The full example texts, by id. */
  readonly texts: ReadonlyMap<string, KbExampleText>;
  readonly manifest: KbManifest;
  /** Every file of the build directory, by build-relative name (`examples/CWE-89.jsonl`), as it must be written. */
  readonly files: ReadonlyMap<string, string>;
  /** Examples whose slice is the whole version, and why (reported; never fatal). */
  readonly sliceFallbacks: readonly SliceFallback[];
}

export async function buildKnowledgeBase(opts: BuildOptions): Promise<BuildResult> {
  const sources = await loadSources(opts.sourcesDir);
  const minedDir = opts.minedDir ?? path.join(path.dirname(path.resolve(opts.sourcesDir)), 'mined');
  const mined = await readMined(minedDir);
  const compiled = await compileKnowledgeBase({
    sources,
    mined: mined.map((m) => m.mined),
    slicer: opts.slicer ?? pdgSlicer,
    callNames: opts.callNames ?? treeSitterCallNames,
  });
  return assembleBuild(compiled, {
    sources: Object.fromEntries(sources.map((s) => [s.name, s.sha256])),
    mined: Object.fromEntries(mined.map((m) => [m.name, m.sha256])),
    ...(opts.embeddings && { embeddings: opts.embeddings }),
    ...(opts.previousDir && { previousDir: opts.previousDir }),
    ...(opts.logger && { logger: opts.logger }),
  });
}

/** The generated files of a compiled KB, except the manifest and vectors. */
export function buildFiles(compiled: CompiledKb): Map<string, string> {
  const { document, texts } = compiled;
  const indexes = buildIndexes(document, texts);
  const files = new Map<string, string>([
    // Depth 4 is a guideline, a rule, an example, one language's API set: one line each.
    [KB_FILE, `${stableStringifyLines(document, 2, 4)}\n`],
    [INDEX_FILE, serializeCweIndex(indexes)],
    [EXAMPLE_INDEX_FILE, serializeExampleIndex(indexes)],
    [PREFILTERS_FILE, serializePrefilters(document.cwes.flatMap((c) => c.rules))],
  ]);
  for (const cwe of document.cwes) {
    if (cwe.examples.length === 0) continue;
    // One compact line per example: a shard is read with one split and a JSON.parse per line.
    files.set(exampleTextsFile(cwe.id), cwe.examples.map((e) => `${stableStringify(texts.get(e.id))}\n`).join(''));
  }
  return files;
}

export interface AssembleOptions {
  /** sha256 of each source and mined file, by name (recorded in the manifest). */
  readonly sources?: Readonly<Record<string, string>>;
  readonly mined?: Readonly<Record<string, string>>;
  readonly embeddings?: BuildOptions['embeddings'];
  readonly previousDir?: string;
  readonly logger?: Logger;
}

/** A compiled KB to the files of its build directory, manifest included. */
export async function assembleBuild(compiled: CompiledKb, opts: AssembleOptions = {}): Promise<BuildResult> {
  const logger = opts.logger ?? silentLogger;
  const { document } = compiled;
  const files = buildFiles(compiled);

  let embeddings: KbManifest['embeddings'];
  const inputs = embeddingInputs(document);
  if (opts.embeddings) {
    const { model, embedder, batchSize } = opts.embeddings;
    logger.info(`embedding ${inputs.length} texts with ${model}`);
    const set = await computeEmbeddings(embedder, model, inputs, batchSize);
    const file = vectorsFileName(model);
    files.set(file, serializeVectors(set));
    embeddings = { model, dimensions: set.dimensions, file, count: set.ids.length, inputsHash: embeddingInputsHash(model, inputs) };
  } else if (opts.previousDir) {
    embeddings = await reusableVectors(opts.previousDir, inputs, files, logger);
  }

  const manifest: KbManifest = {
    manifestVersion: MANIFEST_VERSION,
    kbSchemaVersion: KB_SCHEMA_VERSION,
    sourceSchemaVersion: SOURCE_SCHEMA_VERSION,
    index: { optionsHash: INDEX_OPTIONS_HASH, optionsVersion: INDEX_OPTIONS_VERSION, tokenizer: TOKENIZER_VERSION },
    files: Object.fromEntries([...files].map(([name, text]) => [name, sha256(text)])),
    sources: { ...opts.sources },
    mined: { ...opts.mined },
    ...(embeddings && { embeddings }),
    counts: {
      cwes: document.cwes.length,
      guidelines: document.cwes.reduce((n, c) => n + c.guidelines.length, 0),
      rules: document.cwes.reduce((n, c) => n + c.rules.length, 0),
      examples: document.cwes.reduce((n, c) => n + c.examples.length, 0),
    },
  };
  files.set(MANIFEST_FILE, `${stableStringify(manifest, 2)}\n`);
  return { document, texts: compiled.texts, manifest, files, sliceFallbacks: compiled.sliceFallbacks };
}

async function reusableVectors(
  dir: string,
  inputs: ReturnType<typeof embeddingInputs>,
  files: Map<string, string>,
  logger: Logger,
): Promise<KbManifest['embeddings']> {
  let previous: KbManifest;
  try {
    previous = manifestSchema.parse(JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')));
  } catch {
    return undefined;
  }
  const old = previous.embeddings;
  if (!old) return undefined;
  if (embeddingInputsHash(old.model, inputs) !== old.inputsHash) {
    logger.warning(`dropping the ${old.model} vectors: the texts they embed changed; rebuild with --embeddings-model ${old.model}`);
    return undefined;
  }
  const text = await fs.readFile(path.join(dir, old.file), 'utf8').catch(() => undefined);
  if (text === undefined || parseVectors(text).ids.length !== old.count) return undefined;
  files.set(old.file, text);
  return old;
}

/** Writes the build; removes generated files of an earlier build that this one no longer has. */
export async function writeBuild(outDir: string, result: Pick<BuildResult, 'files'>): Promise<void> {
  await fs.mkdir(path.join(outDir, EXAMPLES_DIR), { recursive: true });
  for (const name of await generatedFiles(outDir)) {
    if (!result.files.has(name)) await fs.rm(path.join(outDir, name));
  }
  for (const [name, text] of result.files) await fs.writeFile(path.join(outDir, name), text);
}

/** The names of files in `outDir` that differ from the build (changed, missing or extra). */
export async function diffBuild(outDir: string, result: Pick<BuildResult, 'files'>): Promise<string[]> {
  const differ: string[] = [];
  for (const [name, text] of result.files) {
    const current = await fs.readFile(path.join(outDir, name), 'utf8').catch(() => undefined);
    if (current !== text) differ.push(name);
  }
  for (const name of await generatedFiles(outDir)) if (!result.files.has(name)) differ.push(name);
  return differ.sort();
}

/** Generated files present in a build directory, by build-relative name; other files are left alone. */
async function generatedFiles(outDir: string): Promise<string[]> {
  const top = await fs.readdir(outDir).catch(() => [] as string[]);
  const shards = await fs.readdir(path.join(outDir, EXAMPLES_DIR)).catch(() => [] as string[]);
  return [...top, ...shards.map((n) => `${EXAMPLES_DIR}/${n}`)].filter(isGenerated);
}

function isGenerated(name: string): boolean {
  return (
    name === KB_FILE ||
    name === INDEX_FILE ||
    name === EXAMPLE_INDEX_FILE ||
    name === PREFILTERS_FILE ||
    name === MANIFEST_FILE ||
    /^vectors\..+\.json$/.test(name) ||
    /^examples\/CWE-\d+\.jsonl$/.test(name)
  );
}
