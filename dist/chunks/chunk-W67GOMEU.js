#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_FILE,
  EXAMPLE_INDEX_OPTIONS,
  INDEX_FILE,
  INDEX_OPTIONS_HASH,
  KB_FILE,
  KB_SCHEMA_VERSION,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  exampleTextsFile,
  loadCompactIndex,
  manifestSchema,
  parseVectors
} from "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import {
  PREFILTERS_FILE,
  loadPrefilters
} from "./chunk-ZCLPTS52.js";

// src/kb/load.ts
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var KbLoadError = class extends ConfigurationError {
};
function kbDirCandidates(moduleDir) {
  return [path.join(moduleDir, "..", "kb", "build"), path.join(moduleDir, "..", "..", "kb", "build")];
}
function findKbDir(moduleDir, exists = fs.existsSync) {
  const candidates = kbDirCandidates(moduleDir);
  return candidates.find((dir) => exists(path.join(dir, MANIFEST_FILE))) ?? candidates[candidates.length - 1];
}
function defaultKbDir() {
  return findKbDir(path.dirname(fileURLToPath(import.meta.url)));
}
function readOptionalText(dir, name) {
  try {
    return fs.readFileSync(path.join(dir, name), "utf8");
  } catch {
    return void 0;
  }
}
function readText(dir, name) {
  try {
    return fs.readFileSync(path.join(dir, name), "utf8");
  } catch (e) {
    throw new KbLoadError(`cannot read ${path.join(dir, name)} (${e.code ?? e.message}); run \`rescue kb build\``);
  }
}
function readManifest(dir) {
  let json;
  try {
    json = JSON.parse(readText(dir, MANIFEST_FILE));
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${path.join(dir, MANIFEST_FILE)} is not JSON; rebuild with \`rescue kb build\``);
  }
  const version = json?.manifestVersion;
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
      `${dir}: the index was built with other MiniSearch options (tokenizer ${manifest.index.tokenizer}, options v${manifest.index.optionsVersion}, hash ${manifest.index.optionsHash.slice(0, 12)}; expected ${INDEX_OPTIONS_HASH.slice(0, 12)}); rebuild with \`rescue kb build\``
    );
  }
  return manifest;
}
function loadKnowledgeBase(dir = defaultKbDir(), options = {}) {
  const manifest = readManifest(dir);
  const document = JSON.parse(readText(dir, KB_FILE));
  if (document.schemaVersion !== KB_SCHEMA_VERSION) {
    throw new KbLoadError(`${path.join(dir, KB_FILE)}: schema version ${String(document.schemaVersion)}, expected ${KB_SCHEMA_VERSION}; rebuild with \`rescue kb build\``);
  }
  const prefilters = options.prefilters === false ? void 0 : readOptionalText(dir, PREFILTERS_FILE);
  if (prefilters !== void 0) loadPrefilters(prefilters);
  let cweIndex;
  try {
    cweIndex = loadCompactIndex(readText(dir, INDEX_FILE), CWE_INDEX_OPTIONS);
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${path.join(dir, INDEX_FILE)}: cannot load the index (${e.message}); rebuild with \`rescue kb build\``);
  }
  const { cwes, examples, guidelines } = lookupTables(document);
  if (cweIndex.documentCount !== cwes.size || manifest.counts.examples !== examples.size) {
    throw new KbLoadError(`${dir}: the index, kb.json and the manifest disagree (${cweIndex.documentCount}/${cwes.size} CWEs, ${manifest.counts.examples}/${examples.size} examples); rebuild with \`rescue kb build\``);
  }
  let vectors;
  if (manifest.embeddings) {
    const { model, dimensions, file, count } = manifest.embeddings;
    const set = parseVectors(readText(dir, file));
    if (set.model !== model || set.dimensions !== dimensions || set.ids.length !== count || set.data.length !== count * dimensions) {
      throw new KbLoadError(`${path.join(dir, file)}: vectors do not match the manifest (${model}, ${dimensions} dimensions, ${count} vectors); rebuild with \`rescue kb build --embeddings-model ${model}\``);
    }
    vectors = { set, rows: new Map(set.ids.map((id, i) => [id, i])) };
  }
  let exampleIndex;
  const kb = {
    dir,
    manifest,
    document,
    cwes,
    examples,
    guidelines,
    cweIndex,
    get exampleIndex() {
      return exampleIndex ??= loadExampleIndex(dir, examples.size);
    },
    ...vectors && { vectors }
  };
  return kb;
}
function loadExampleIndex(dir, expected) {
  const file = path.join(dir, EXAMPLE_INDEX_FILE);
  let index;
  try {
    index = loadCompactIndex(readText(dir, EXAMPLE_INDEX_FILE), EXAMPLE_INDEX_OPTIONS);
  } catch (e) {
    if (e instanceof KbLoadError) throw e;
    throw new KbLoadError(`${file}: cannot load the index (${e.message}); rebuild with \`rescue kb build\``);
  }
  if (index.documentCount !== expected) {
    throw new KbLoadError(`${dir}: the example index and kb.json disagree (${index.documentCount}/${expected} examples); rebuild with \`rescue kb build\``);
  }
  return index;
}
var textShards = /* @__PURE__ */ new WeakMap();
function getExampleText(kb, id) {
  const example = kb.examples.get(id);
  if (!example) return void 0;
  let shards = textShards.get(kb);
  if (!shards) textShards.set(kb, shards = /* @__PURE__ */ new Map());
  let shard = shards.get(example.cwe);
  if (!shard) {
    const name = exampleTextsFile(example.cwe);
    const parsed = /* @__PURE__ */ new Map();
    try {
      for (const line of readText(kb.dir, name).split("\n")) {
        if (!line) continue;
        const text2 = JSON.parse(line);
        parsed.set(text2.id, text2);
      }
    } catch (e) {
      if (e instanceof KbLoadError) throw e;
      throw new KbLoadError(`${path.join(kb.dir, name)}: not JSON lines (${e.message}); rebuild with \`rescue kb build\``);
    }
    shards.set(example.cwe, shard = parsed);
  }
  const text = shard.get(id);
  if (!text) throw new KbLoadError(`${path.join(kb.dir, exampleTextsFile(example.cwe))} has no text for ${id}; rebuild with \`rescue kb build\``);
  return text;
}
function lookupTables(document) {
  const cwes = /* @__PURE__ */ new Map();
  const examples = /* @__PURE__ */ new Map();
  const guidelines = /* @__PURE__ */ new Map();
  for (const cwe of document.cwes) {
    cwes.set(cwe.id, cwe);
    for (const g of cwe.guidelines) guidelines.set(g.id, g.text);
    for (const ex of cwe.examples) examples.set(ex.id, ex);
  }
  return { cwes, examples, guidelines };
}

export {
  KbLoadError,
  readManifest,
  loadKnowledgeBase,
  getExampleText,
  lookupTables
};
