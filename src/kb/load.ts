import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { ConfigurationError } from '../config/errors.js';
import { INDEX_FILE, KB_FILE, MANIFEST_FILE } from './build.js';
import { parseVectors, type VectorSet } from './embeddings.js';
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_OPTIONS,
  INDEX_OPTIONS_HASH,
  type CweIndexDoc,
  type ExampleIndexDoc,
} from './index-options.js';
import { MANIFEST_VERSION, manifestSchema, type KbManifest } from './manifest.js';
import { KB_SCHEMA_VERSION, type KbCwe, type KbDocument, type KbExample } from './model.js';

/** The loaded knowledge base: typed data, lookups, and the two MiniSearch indexes. Read-only. */
export interface KnowledgeBase {
  readonly dir: string;
  readonly manifest: KbManifest;
  readonly document: KbDocument;
  readonly cwes: ReadonlyMap<string, KbCwe>;
  readonly examples: ReadonlyMap<string, KbExample>;
  /** Guideline id -> text, over every CWE. */
  readonly guidelines: ReadonlyMap<string, string>;
  readonly cweIndex: MiniSearch<CweIndexDoc>;
  readonly exampleIndex: MiniSearch<ExampleIndexDoc>;
  /** Present when the build has vectors; `rows` maps `cwe:<id>` / `example:<id>` to a row of `set`. */
  readonly vectors?: { readonly set: VectorSet; readonly rows: ReadonlyMap<string, number> };
}

/** Thrown when a build directory cannot be used as it is; the fix is always to rebuild it. */
export class KbLoadError extends ConfigurationError {}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the bundled kb/build is: from src/kb/ (tsx, jest) it is ../../kb/build; from the esbuild bundle,
 * dist/ (../kb/build) or dist/chunks/ (../../kb/build).
 */
export function defaultKbDir(): string {
  const candidates = [path.join(here, '..', 'kb', 'build'), path.join(here, '..', '..', 'kb', 'build')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, MANIFEST_FILE))) ?? candidates[1]!;
}

function readText(dir: string, name: string): string {
  try {
    return fs.readFileSync(path.join(dir, name), 'utf8');
  } catch (e) {
    throw new KbLoadError(`cannot read ${path.join(dir, name)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run \`rescue kb build\``);
  }
}

/** Reads and checks the manifest only: the version, index options and schema checks of the loader. */
export function readManifest(dir: string): KbManifest {
  let json: unknown;
  try {
    json = JSON.parse(readText(dir, MANIFEST_FILE));
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${path.join(dir, MANIFEST_FILE)} is not JSON; rebuild with \`rescue kb build\``);
  }
  const version = (json as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (version !== MANIFEST_VERSION) {
    throw new KbLoadError(`${path.join(dir, MANIFEST_FILE)}: manifest version ${String(version)} is not supported (this rescue reads ${MANIFEST_VERSION}); rebuild with \`rescue kb build\``);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new KbLoadError(`${path.join(dir, MANIFEST_FILE)}: malformed manifest: ${parsed.error.issues[0]?.message}`);
  const manifest = parsed.data;
  if (manifest.kbSchemaVersion !== KB_SCHEMA_VERSION) {
    throw new KbLoadError(`${dir}: the knowledge base has schema version ${manifest.kbSchemaVersion}, this rescue reads ${KB_SCHEMA_VERSION}; rebuild with \`rescue kb build\``);
  }
  if (manifest.index.optionsHash !== INDEX_OPTIONS_HASH) {
    throw new KbLoadError(
      `${dir}: the index was built with other MiniSearch options (tokenizer ${manifest.index.tokenizer}, options v${manifest.index.optionsVersion}, hash ${manifest.index.optionsHash.slice(0, 12)}; expected ${INDEX_OPTIONS_HASH.slice(0, 12)}); rebuild with \`rescue kb build\``,
    );
  }
  return manifest;
}

/** Loads a built knowledge base: the bundled one by default, or the build directory `dir`. */
export function loadKnowledgeBase(dir: string = defaultKbDir()): KnowledgeBase {
  const manifest = readManifest(dir);
  const document = JSON.parse(readText(dir, KB_FILE)) as KbDocument;
  if (document.schemaVersion !== KB_SCHEMA_VERSION) {
    throw new KbLoadError(`${path.join(dir, KB_FILE)}: schema version ${String(document.schemaVersion)}, expected ${KB_SCHEMA_VERSION}; rebuild with \`rescue kb build\``);
  }
  const indexJson = JSON.parse(readText(dir, INDEX_FILE)) as { cwes: AsPlainObject; examples: AsPlainObject };
  let cweIndex: MiniSearch<CweIndexDoc>;
  let exampleIndex: MiniSearch<ExampleIndexDoc>;
  try {
    cweIndex = MiniSearch.loadJS(indexJson.cwes, CWE_INDEX_OPTIONS);
    exampleIndex = MiniSearch.loadJS(indexJson.examples, EXAMPLE_INDEX_OPTIONS);
  } catch (e) {
    throw new KbLoadError(`${path.join(dir, INDEX_FILE)}: cannot load the index (${(e as Error).message}); rebuild with \`rescue kb build\``);
  }

  const cwes = new Map<string, KbCwe>();
  const examples = new Map<string, KbExample>();
  const guidelines = new Map<string, string>();
  for (const cwe of document.cwes) {
    cwes.set(cwe.id, cwe);
    for (const g of cwe.guidelines) guidelines.set(g.id, g.text);
    for (const ex of cwe.examples) examples.set(ex.id, ex);
  }
  if (cweIndex.documentCount !== cwes.size || exampleIndex.documentCount !== examples.size) {
    throw new KbLoadError(`${dir}: the index and kb.json disagree (${cweIndex.documentCount}/${cwes.size} CWEs, ${exampleIndex.documentCount}/${examples.size} examples); rebuild with \`rescue kb build\``);
  }

  let vectors: KnowledgeBase['vectors'];
  if (manifest.embeddings) {
    const { model, dimensions, file, count } = manifest.embeddings;
    const set = parseVectors(readText(dir, file));
    if (set.model !== model || set.dimensions !== dimensions || set.ids.length !== count || set.data.length !== count * dimensions) {
      throw new KbLoadError(`${path.join(dir, file)}: vectors do not match the manifest (${model}, ${dimensions} dimensions, ${count} vectors); rebuild with \`rescue kb build --embeddings-model ${model}\``);
    }
    vectors = { set, rows: new Map(set.ids.map((id, i) => [id, i])) };
  }
  return { dir, manifest, document, cwes, examples, guidelines, cweIndex, exampleIndex, ...(vectors && { vectors }) };
}
