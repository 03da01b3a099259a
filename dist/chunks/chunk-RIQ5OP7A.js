#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  getExampleText,
  loadKnowledgeBase,
  lookupTables
} from "./chunk-W67GOMEU.js";
import {
  CWE_INDEX_OPTIONS,
  EXAMPLE_INDEX_OPTIONS,
  MANIFEST_FILE,
  MiniSearch,
  compareCweIds,
  cweIndexDoc,
  exampleIndexDoc
} from "./chunk-36CMHGC7.js";

// src/kb/overlay.ts
import fs from "node:fs";
import path from "node:path";
var DEFAULT_OVERLAY_DIR = ".github/rescue/kb";
var OVERLAY_ID_PREFIX = "overlay:";
function overlayLayout(dir) {
  return { sources: path.join(dir, "sources"), mined: path.join(dir, "mined"), build: path.join(dir, "build") };
}
function isOverlayId(id) {
  return id.startsWith(OVERLAY_ID_PREFIX);
}
function loadOverlay(dir) {
  const build = overlayLayout(dir).build;
  if (!fs.existsSync(path.join(build, MANIFEST_FILE))) return void 0;
  return loadKnowledgeBase(build, { prefilters: false });
}
var overlayTexts = /* @__PURE__ */ new WeakMap();
function mergeOverlay(kb, overlay) {
  const relabeled = overlay.document.cwes.map(relabel);
  const byId = new Map(kb.document.cwes.map((c) => [c.id, c]));
  const duplicateGuidelines = [];
  for (const o of relabeled) {
    const base = byId.get(o.id);
    byId.set(o.id, base ? mergeCwe(base, o, duplicateGuidelines) : o);
  }
  const document = { schemaVersion: kb.document.schemaVersion, cwes: [...byId.values()].sort((a, b) => compareCweIds(a.id, b.id)) };
  const { cwes, examples, guidelines } = lookupTables(document);
  const cweIndex = new MiniSearch(CWE_INDEX_OPTIONS);
  cweIndex.addAll(document.cwes.map(cweIndexDoc));
  const ids = new Map(overlay.document.cwes.flatMap((c) => c.examples.map((e) => [prefix(e.id), e.id])));
  const { vectors, dropped } = mergeVectors(kb, overlay, new Set(kb.document.cwes.map((c) => c.id)));
  const counts = {
    cwes: document.cwes.length,
    guidelines: document.cwes.reduce((n, c) => n + c.guidelines.length, 0),
    rules: document.cwes.reduce((n, c) => n + c.rules.length, 0),
    examples: examples.size
  };
  let exampleIndex;
  const merged = {
    dir: kb.dir,
    manifest: { ...kb.manifest, counts },
    document,
    cwes,
    examples,
    guidelines,
    cweIndex,
    get exampleIndex() {
      if (!exampleIndex) {
        exampleIndex = new MiniSearch(EXAMPLE_INDEX_OPTIONS);
        exampleIndex.addAll(document.cwes.flatMap((c) => c.examples.map((e) => exampleIndexDoc(e, getMergedExampleText(merged, e.id)))));
      }
      return exampleIndex;
    },
    ...vectors && { vectors },
    overlay: {
      dir: overlay.dir,
      cwes: relabeled.map((c) => c.id),
      added: relabeled.filter((c) => !kb.cwes.has(c.id)).map((c) => c.id),
      guidelines: relabeled.reduce((n, c) => n + c.guidelines.length, 0) - duplicateGuidelines.length,
      rules: relabeled.reduce((n, c) => n + c.rules.length, 0),
      examples: ids.size,
      duplicateGuidelines,
      ...dropped && { vectorsDropped: dropped }
    }
  };
  overlayTexts.set(merged, { overlay, base: kb, ids });
  return merged;
}
function getMergedExampleText(kb, id) {
  const entry = overlayTexts.get(kb);
  if (!entry) return getExampleText(kb, id);
  const original = entry.ids.get(id);
  if (original !== void 0) {
    const text = getExampleText(entry.overlay, original);
    return text && { ...text, id };
  }
  return getMergedExampleText(entry.base, id);
}
function prefix(id) {
  return isOverlayId(id) ? id : `${OVERLAY_ID_PREFIX}${id}`;
}
function relabel(c) {
  return {
    ...c,
    causeOrigin: "overlay",
    guidelines: c.guidelines.map((g) => ({ ...g, id: prefix(g.id), origin: "overlay" })),
    rules: c.rules.map((r) => ({ ...r, id: prefix(r.id), guideline: prefix(r.guideline) })),
    examples: c.examples.map((e) => ({ ...e, id: prefix(e.id), guidelines: e.guidelines.map(prefix), origin: "overlay" }))
  };
}
function mergeCwe(base, o, duplicates) {
  const known = new Set(base.guidelines.map((g) => normalize(g.text)));
  const guidelines = [...base.guidelines];
  for (const g of o.guidelines) {
    if (known.has(normalize(g.text))) duplicates.push(g.id);
    else guidelines.push(g);
  }
  const apis = { ...base.apis };
  for (const [language, set] of Object.entries(o.apis)) {
    const b = base.apis[language];
    apis[language] = b ? { insecure: union(b.insecure, set.insecure), safe: union(b.safe, set.safe), seen: union(b.seen, set.seen) } : set;
  }
  return {
    ...base,
    parents: union(base.parents, o.parents),
    related: union(base.related, o.related),
    cause: base.cause || o.cause,
    causeOrigin: base.cause ? base.causeOrigin : "overlay",
    guidelines,
    apis,
    allApis: union(base.allApis, o.allApis),
    rules: [...base.rules, ...o.rules].sort((a, b) => a.id.localeCompare(b.id)),
    // Stable sort: within a language, the bundled examples stay first.
    examples: [...base.examples, ...o.examples].sort((a, b) => a.language.localeCompare(b.language))
  };
}
function mergeVectors(kb, overlay, baseCwes) {
  if (!kb.vectors) return {};
  const o = overlay.vectors;
  const overlayRows = overlay.document.cwes.reduce((n, c) => n + c.examples.length, 0);
  if (!o) return { vectors: kb.vectors, ...overlayRows && { dropped: "the overlay has no vectors" } };
  if (o.set.model !== kb.vectors.set.model || o.set.dimensions !== kb.vectors.set.dimensions) {
    return { vectors: kb.vectors, dropped: `the overlay's vectors are for ${o.set.model} (${o.set.dimensions}), the bundled ones for ${kb.vectors.set.model} (${kb.vectors.set.dimensions})` };
  }
  const { dimensions } = kb.vectors.set;
  const extra = [];
  o.set.ids.forEach((id, row) => {
    if (id.startsWith("cwe:")) {
      if (!baseCwes.has(id.slice(4))) extra.push({ id, row });
    } else if (id.startsWith("example:")) extra.push({ id: `example:${prefix(id.slice(8))}`, row });
  });
  const data = new Float32Array((kb.vectors.set.ids.length + extra.length) * dimensions);
  data.set(kb.vectors.set.data);
  extra.forEach((e, i) => data.set(o.set.data.subarray(e.row * dimensions, (e.row + 1) * dimensions), (kb.vectors.set.ids.length + i) * dimensions));
  const ids = [...kb.vectors.set.ids, ...extra.map((e) => e.id)];
  return { vectors: { set: { model: kb.vectors.set.model, dimensions, ids, data }, rows: new Map(ids.map((id, i) => [id, i])) } };
}
function citeOverlayGuidance(book, kb, opts = {}) {
  const max = opts.max ?? 2;
  const cache = /* @__PURE__ */ new Map();
  const info = (ruleId) => {
    if (cache.has(ruleId)) return cache.get(ruleId);
    const base = book.info(ruleId);
    let out = base;
    if (base) {
      const cited = new Set(base.guidelines.map((g) => g.id));
      const cwe = kb.cwes.get(base.rule.cwe);
      const learnedIn = new Set((cwe?.examples ?? []).filter((e) => e.origin === "overlay").map((e) => e.language));
      const applies = (languages) => languages ? languages.includes(base.rule.language) : learnedIn.size === 0 || learnedIn.has(base.rule.language);
      const extra = (cwe?.guidelines ?? []).filter((g) => g.origin === "overlay" && !cited.has(g.id) && applies(g.languages)).slice(0, max).map((g) => ({ id: g.id, text: g.text }));
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
    ruleIds: book.ruleIds
  };
}
function normalize(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])].sort();
}

export {
  DEFAULT_OVERLAY_DIR,
  overlayLayout,
  loadOverlay,
  mergeOverlay,
  citeOverlayGuidance
};
