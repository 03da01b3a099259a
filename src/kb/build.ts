import fs from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from '../llm/openai-client.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { callNames as treeSitterCallNames } from './call-names.js';
import { compileKnowledgeBase } from './compile.js';
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
import { buildIndexes, serializeIndexes } from './indexes.js';
import { MANIFEST_VERSION, manifestSchema, type KbManifest } from './manifest.js';
import { readMined } from './mined.js';
import { KB_SCHEMA_VERSION, type KbDocument } from './model.js';
import type { PairSlicer } from './pair-slicer.js';
import { loadSources } from './source-loader.js';
import { SOURCE_SCHEMA_VERSION } from './source-schema.js';
import { sha256, stableStringify } from './stable-json.js';

export const KB_FILE = 'kb.json';
export const INDEX_FILE = 'index.json';
export const MANIFEST_FILE = 'manifest.json';

export interface BuildOptions {
  readonly sourcesDir: string;
  /** Mined knowledge (kb/mined); default: `mined` next to the sources directory. */
  readonly minedDir?: string;
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
  readonly manifest: KbManifest;
  /** Every file of the build directory, by name, as it must be written. */
  readonly files: ReadonlyMap<string, string>;
}

export async function buildKnowledgeBase(opts: BuildOptions): Promise<BuildResult> {
  const logger = opts.logger ?? silentLogger;
  const sources = await loadSources(opts.sourcesDir);
  const minedDir = opts.minedDir ?? path.join(path.dirname(path.resolve(opts.sourcesDir)), 'mined');
  const mined = await readMined(minedDir);
  const document = await compileKnowledgeBase({
    sources,
    mined: mined.map((m) => m.mined),
    slicer: opts.slicer,
    callNames: opts.callNames ?? treeSitterCallNames,
  });
  const kbText = `${stableStringify(document, 2)}\n`;
  const indexText = serializeIndexes(buildIndexes(document));
  const files = new Map<string, string>([
    [KB_FILE, kbText],
    [INDEX_FILE, indexText],
  ]);

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
    sources: Object.fromEntries(sources.map((s) => [s.name, s.sha256])),
    mined: Object.fromEntries(mined.map((m) => [m.name, m.sha256])),
    ...(embeddings && { embeddings }),
    counts: {
      cwes: document.cwes.length,
      guidelines: document.cwes.reduce((n, c) => n + c.guidelines.length, 0),
      rules: document.cwes.reduce((n, c) => n + c.rules.length, 0),
      examples: document.cwes.reduce((n, c) => n + c.examples.length, 0),
    },
  };
  files.set(MANIFEST_FILE, `${stableStringify(manifest, 2)}\n`);
  return { document, manifest, files };
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
export async function writeBuild(outDir: string, result: BuildResult): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  for (const name of await fs.readdir(outDir)) {
    if (isGenerated(name) && !result.files.has(name)) await fs.rm(path.join(outDir, name));
  }
  for (const [name, text] of result.files) await fs.writeFile(path.join(outDir, name), text);
}

/** The names of files in `outDir` that differ from the build (changed, missing or extra). */
export async function diffBuild(outDir: string, result: BuildResult): Promise<string[]> {
  const differ: string[] = [];
  const present = await fs.readdir(outDir).catch(() => [] as string[]);
  for (const [name, text] of result.files) {
    const current = await fs.readFile(path.join(outDir, name), 'utf8').catch(() => undefined);
    if (current !== text) differ.push(name);
  }
  for (const name of present) if (isGenerated(name) && !result.files.has(name)) differ.push(name);
  return differ.sort();
}

function isGenerated(name: string): boolean {
  return name === KB_FILE || name === INDEX_FILE || name === MANIFEST_FILE || /^vectors\..+\.json$/.test(name);
}
