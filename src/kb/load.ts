import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type MiniSearch from 'minisearch';
import { loadPrefilters, PREFILTERS_FILE } from '../assess/rules/prefilter-store.js';
import { ConfigurationError } from '../config/errors.js';
import { EXAMPLE_INDEX_FILE, exampleTextsFile, INDEX_FILE, KB_FILE, MANIFEST_FILE } from './build.js';
import { parseVectors, type VectorSet } from './embeddings.js';
import { loadCompactIndex } from './compact-index.js';
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_OPTIONS,
  INDEX_OPTIONS_HASH,
  type CweIndexDoc,
  type ExampleIndexDoc,
} from './index-options.js';
import { MANIFEST_VERSION, manifestSchema, type KbManifest } from './manifest.js';
import { KB_SCHEMA_VERSION, type KbCwe, type KbDocument, type KbExample, type KbExampleText } from './model.js';

/**
 * The loaded knowledge base: typed data, lookups, and the two MiniSearch indexes. Read-only.
 * What the CWE level needs is read at load time; the example-level index (on first use of `exampleIndex`)
 * and the full example texts (`getExampleText`) are read on demand, so a large KB loads fast.
 */
export interface KnowledgeBase {
  readonly dir: string;
  readonly manifest: KbManifest;
  readonly document: KbDocument;
  readonly cwes: ReadonlyMap<string, KbCwe>;
  readonly examples: ReadonlyMap<string, KbExample>;
  /** Guideline id -> text, over every CWE. */
  readonly guidelines: ReadonlyMap<string, string>;
  readonly cweIndex: MiniSearch<CweIndexDoc>;
  /** Loaded on first access (a KbLoadError then if the file is missing or does not match kb.json). */
  readonly exampleIndex: MiniSearch<ExampleIndexDoc>;
  /** Present when the build has vectors; `rows` maps `cwe:<id>` / `example:<id>` to a row of `set`. */
  readonly vectors?: { readonly set: VectorSet; readonly rows: ReadonlyMap<string, number> };
}

/** Thrown when a build directory cannot be used as it is; the fix is always to rebuild it. */
export class KbLoadError extends ConfigurationError {}

/**
 * Where the bundled kb/build may be, seen from the directory of the module that holds this code: from
 * src/kb/ (tsx, jest) it is ../../kb/build; from the esbuild bundle, dist/ (../kb/build) when the code is
 * inlined in dist/cli.js or dist/index.js, or dist/chunks/ (../../kb/build) when it is in a shared chunk.
 * Nearest first, so a kb/build next to dist/ wins over one further up.
 */
export function kbDirCandidates(moduleDir: string): string[] {
  return [path.join(moduleDir, '..', 'kb', 'build'), path.join(moduleDir, '..', '..', 'kb', 'build')];
}

/** The first candidate that holds a manifest; the last candidate when none does (loading then says why). */
export function findKbDir(moduleDir: string, exists: (file: string) => boolean = fs.existsSync): string {
  const candidates = kbDirCandidates(moduleDir);
  return candidates.find((dir) => exists(path.join(dir, MANIFEST_FILE))) ?? candidates[candidates.length - 1]!;
}

/** The bundled kb/build. */
export function defaultKbDir(): string {
  return findKbDir(path.dirname(fileURLToPath(import.meta.url)));
}

function readOptionalText(dir: string, name: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
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

/**
 * Loads a built knowledge base: the bundled one by default, or the build directory `dir`. With `prefilters`
 * (the default), the rule prefilters the build stored are taken in (rules/prefilter-store.ts).
 */
export function loadKnowledgeBase(dir: string = defaultKbDir(), options: { readonly prefilters?: boolean } = {}): KnowledgeBase {
  const manifest = readManifest(dir);
  const document = JSON.parse(readText(dir, KB_FILE)) as KbDocument;
  if (document.schemaVersion !== KB_SCHEMA_VERSION) {
    throw new KbLoadError(`${path.join(dir, KB_FILE)}: schema version ${String(document.schemaVersion)}, expected ${KB_SCHEMA_VERSION}; rebuild with \`rescue kb build\``);
  }
  // The rules' prefilters as the build worked them out; without the file (or of another version), a scan
  // works them out when it needs them.
  const prefilters = options.prefilters === false ? undefined : readOptionalText(dir, PREFILTERS_FILE);
  if (prefilters !== undefined) loadPrefilters(prefilters);
  let cweIndex: MiniSearch<CweIndexDoc>;
  try {
    cweIndex = loadCompactIndex(readText(dir, INDEX_FILE), CWE_INDEX_OPTIONS);
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${path.join(dir, INDEX_FILE)}: cannot load the index (${(e as Error).message}); rebuild with \`rescue kb build\``);
  }

  const { cwes, examples, guidelines } = lookupTables(document);
  if (cweIndex.documentCount !== cwes.size || manifest.counts.examples !== examples.size) {
    throw new KbLoadError(`${dir}: the index, kb.json and the manifest disagree (${cweIndex.documentCount}/${cwes.size} CWEs, ${manifest.counts.examples}/${examples.size} examples); rebuild with \`rescue kb build\``);
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

  let exampleIndex: MiniSearch<ExampleIndexDoc> | undefined;
  const kb: KnowledgeBase = {
    dir,
    manifest,
    document,
    cwes,
    examples,
    guidelines,
    cweIndex,
    get exampleIndex() {
      return (exampleIndex ??= loadExampleIndex(dir, examples.size));
    },
    ...(vectors && { vectors }),
  };
  return kb;
}

function loadExampleIndex(dir: string, expected: number): MiniSearch<ExampleIndexDoc> {
  const file = path.join(dir, EXAMPLE_INDEX_FILE);
  let index: MiniSearch<ExampleIndexDoc>;
  try {
    index = loadCompactIndex(readText(dir, EXAMPLE_INDEX_FILE), EXAMPLE_INDEX_OPTIONS);
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${file}: cannot load the index (${(e as Error).message}); rebuild with \`rescue kb build\``);
  }
  if (index.documentCount !== expected) {
    throw new KbLoadError(`${dir}: the example index and kb.json disagree (${index.documentCount}/${expected} examples); rebuild with \`rescue kb build\``);
  }
  return index;
}

/** Parsed example texts per CWE, per loaded KB (a shard is read once, on the first request). */
const textShards = new WeakMap<KnowledgeBase, Map<string, ReadonlyMap<string, KbExampleText>>>();

/**
 * The full texts (and the vulnerable slice) of an example, read from its CWE's `examples/<CWE>.jsonl` on
 * first use; undefined for an id the KB does not have.
 */
export function getExampleText(kb: KnowledgeBase, id: string): KbExampleText | undefined {
  const example = kb.examples.get(id);
  if (!example) return undefined;
  let shards = textShards.get(kb);
  if (!shards) textShards.set(kb, (shards = new Map()));
  let shard = shards.get(example.cwe);
  if (!shard) {
    const name = exampleTextsFile(example.cwe);
    const parsed = new Map<string, KbExampleText>();
    try {
      for (const line of readText(kb.dir, name).split('\n')) {
        if (!line) continue;
        const text = JSON.parse(line) as KbExampleText;
        parsed.set(text.id, text);
      }
    } catch (e) {
      if (e instanceof KbLoadError) throw e;
      throw new KbLoadError(`${path.join(kb.dir, name)}: not JSON lines (${(e as Error).message}); rebuild with \`rescue kb build\``);
    }
    shards.set(example.cwe, (shard = parsed));
  }
  const text = shard.get(id);
  if (!text) throw new KbLoadError(`${path.join(kb.dir, exampleTextsFile(example.cwe))} has no text for ${id}; rebuild with \`rescue kb build\``);
  return text;
}

/** The id lookups of a KB document: CWEs, examples, and guideline texts by id. */
export function lookupTables(document: KbDocument): { cwes: Map<string, KbCwe>; examples: Map<string, KbExample>; guidelines: Map<string, string> } {
  const cwes = new Map<string, KbCwe>();
  const examples = new Map<string, KbExample>();
  const guidelines = new Map<string, string>();
  for (const cwe of document.cwes) {
    cwes.set(cwe.id, cwe);
    for (const g of cwe.guidelines) guidelines.set(g.id, g.text);
    for (const ex of cwe.examples) examples.set(ex.id, ex);
  }
  return { cwes, examples, guidelines };
}
