#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  DEFAULT_CACHE_DIR,
  changedLines,
  createProgress,
  directoryCache,
  groupByCwe,
  minePairs,
  parsePairs
} from "./chunk-LUKOE3N6.js";
import {
  endpointSettings
} from "./chunk-JAZMMTRO.js";
import {
  changedFileFromGithub,
  commitReferences,
  createGitHubClient,
  githubAdvisorySource
} from "./chunk-IAYEKO2Q.js";
import {
  touchedLines
} from "./chunk-ATV33OIO.js";
import {
  EXIT_FINDINGS,
  EXIT_OK
} from "./chunk-4KPSJP3U.js";
import {
  extractUnits
} from "./chunk-G3QCSQ4F.js";
import {
  buildKnowledgeBase,
  external_exports,
  pdgSlicer,
  readMined,
  serializeMined,
  silentLogger,
  writeBuild
} from "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import {
  stableStringify
} from "./chunk-ZCLPTS52.js";
import {
  languageOf
} from "./chunk-7OFN7BBI.js";

// src/cli/commands/kb-refresh.ts
import fs3 from "node:fs/promises";
import path3 from "node:path";
import { parseArgs } from "node:util";

// src/kb/refresh/function-pairs.ts
var MAX_FUNCTION_LINES = 150;
var TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testdata|fixtures?)\/|(_test\.go|_test\.py|\.test\.[cm]?[jt]sx?|\.spec\.[cm]?[jt]sx?|Test\.java|Tests\.java)$|(^|\/)test_[^/]*\.py$/;
function fixFileProblem(file) {
  if (!languageOf(file.filename)) return "not a language RESCUE reviews";
  if (TEST_PATH.test(file.filename)) return "a test file";
  if (file.status === "added") return "added by the fix (no vulnerable version)";
  if (file.status === "removed") return "removed by the fix";
  if (!file.patch) return "GitHub sent no patch (binary or too large)";
  return void 0;
}
async function functionPairs(file, before, after) {
  const language = languageOf(file.filename);
  const skipped = [];
  const changed = changedFileFromGithub({ filename: file.filename, status: file.status, patch: file.patch, ...file.previousFilename && { previous_filename: file.previousFilename } });
  if (!changed.file) return { pairs: [], skipped: [{ path: file.filename, reason: changed.skipped?.detail ?? "the patch cannot be read" }] };
  const touched = touchedLines(changed.file);
  const [newUnits, oldUnits] = await Promise.all([
    extractUnits({ path: file.filename, language, text: after, changedLines: touched }),
    extractUnits({ path: file.previousFilename ?? file.filename, language, text: before })
  ]);
  const oldByName = new Map(oldUnits.units.map((u) => [u.name, u]));
  const pairs = [];
  for (const unit of newUnits.units) {
    if (unit.kind === "module") continue;
    const old = oldByName.get(unit.name);
    if (!old) {
      skipped.push({ path: file.filename, name: unit.name, reason: "added by the fix (no vulnerable version)" });
      continue;
    }
    const a = dedent(old.text);
    const b = dedent(unit.text);
    if (normalize(a) === normalize(b)) {
      skipped.push({ path: file.filename, name: unit.name, reason: "only whitespace changed" });
      continue;
    }
    if (Math.max(a.split("\n").length, b.split("\n").length) > MAX_FUNCTION_LINES) {
      skipped.push({ path: file.filename, name: unit.name, reason: `longer than ${MAX_FUNCTION_LINES} lines` });
      continue;
    }
    pairs.push({ path: file.filename, language, name: unit.name, before: a, after: b });
  }
  if (!pairs.length && !skipped.length) skipped.push({ path: file.filename, reason: "the change touches no function" });
  return { pairs, skipped };
}
function dedent(text) {
  const lines = text.replace(/\s+$/, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)[0].length))).join("\n");
}
function normalize(text) {
  return text.replace(/\s+/g, " ").trim();
}

// src/kb/refresh/advisory-pairs.ts
var OTHER_LANGUAGE_ECOSYSTEMS = /* @__PURE__ */ new Set(["rubygems", "composer", "nuget", "rust", "pub", "swift", "erlang", "hex", "packagist", "cargo"]);
var DEFAULT_ADVISORY_LIMITS = { maxCommitsPerAdvisory: 3, maxFilesPerCommit: 20 };
function advisoryProblem(a) {
  if (a.withdrawnAt) return "withdrawn";
  if (!a.cwes.length) return "no CWE";
  if (a.ecosystems.length && a.ecosystems.every((e) => OTHER_LANGUAGE_ECOSYSTEMS.has(e.toLowerCase()))) {
    return `ecosystem ${a.ecosystems.join(", ")}: no language RESCUE reviews`;
  }
  if (!commitReferences(a.references).length) return "no fix commit in a GitHub repository among the references";
  return void 0;
}
async function advisoryPairs(a, api, limits, logger) {
  const problem = advisoryProblem(a);
  if (problem) return { skipped: problem };
  const cwe = a.cwes[0];
  const pairs = [];
  const reasons = [];
  for (const ref of commitReferences(a.references).slice(0, limits.maxCommitsPerAdvisory)) {
    const where = `${ref.owner}/${ref.repo}@${ref.sha.slice(0, 12)}`;
    const commit = await api.commit(ref.owner, ref.repo, ref.sha);
    if (!commit) {
      reasons.push(`${where}: the commit is not readable (deleted, private or not a commit)`);
      continue;
    }
    if (!commit.parentSha) {
      reasons.push(`${where}: a root commit has no vulnerable version`);
      continue;
    }
    const usable = commit.files.filter((f) => !fixFileProblem(f));
    if (!usable.length) {
      const why = [...new Set(commit.files.map((f) => fixFileProblem(f)))];
      reasons.push(`${where}: no changed source file in a reviewed language${why.length ? ` (${why.join("; ")})` : ""}`);
      continue;
    }
    let fromCommit = 0;
    for (const file of usable.slice(0, limits.maxFilesPerCommit)) {
      const [before, after] = await Promise.all([
        api.fileAt(ref.owner, ref.repo, file.previousFilename ?? file.filename, commit.parentSha),
        api.fileAt(ref.owner, ref.repo, file.filename, commit.sha)
      ]);
      if (before === void 0 || after === void 0) {
        reasons.push(`${where} ${file.filename}: not readable at both versions`);
        continue;
      }
      const found = await functionPairs(file, before, after);
      for (const s of found.skipped) logger.debug(`${a.ghsaId} ${where} ${s.path}${s.name ? ` ${s.name}` : ""}: ${s.reason}`);
      for (const p of found.pairs) {
        fromCommit++;
        pairs.push({
          id: `${a.ghsaId}/${ref.owner}/${ref.repo}@${commit.sha.slice(0, 12)}/${p.path}#${p.name}`,
          cwe,
          pair: p,
          link: `github.com/${ref.owner}/${ref.repo}/commit/${commit.sha}`,
          title: `${p.name} in ${ref.owner}/${ref.repo} (${a.ghsaId}${a.summary ? `: ${a.summary}` : ""})`
        });
      }
    }
    if (!fromCommit) reasons.push(`${where}: no function changed in both versions`);
  }
  return pairs.length ? { pairs } : { skipped: reasons.join("; ") || "no usable fix commit" };
}

// src/kb/refresh/fix-pairs.ts
function toFixPairs(pairs, sourceName) {
  const rows = pairs.map(
    (p) => JSON.stringify({
      id: p.id,
      cwe: p.cwe,
      language: p.pair.language,
      vulnerable_code: p.pair.before,
      fixed_code: p.pair.after,
      func_name: p.pair.name,
      commit_link: p.link,
      file_name: p.pair.path
    })
  );
  const parsed = parsePairs(rows.join("\n"), sourceName);
  const titles = new Map(pairs.map((p) => [p.id, p.title.replace(/\s+/g, " ").trim().slice(0, 160)]));
  return { pairs: parsed.pairs.map((p) => ({ ...p, title: titles.get(p.id) || p.title })), skipped: parsed.skipped };
}

// src/kb/refresh/mine-into.ts
import fs from "node:fs/promises";
import path from "node:path";
async function mineIntoDirectory(minedDir, pairs, opts) {
  const existing = new Map((await readMined(minedDir)).map((m) => [m.mined.cwe, m.mined]));
  const groups = groupByCwe(pairs);
  const all = [];
  for (const [cwe, fresh] of groups) {
    const ids = new Set(fresh.map((p) => p.id));
    const earlier = (existing.get(cwe)?.examples ?? []).filter((e) => !ids.has(e.pairId)).map((e) => fromMined(cwe, e));
    all.push(...earlier, ...fresh);
  }
  const { sourceName, ...mineOpts } = opts;
  const { mined, report, sliceFallbacks } = all.length ? await minePairs(all, { ...mineOpts, pairsName: sourceName }) : { mined: [], report: emptyReport(), sliceFallbacks: [] };
  await fs.mkdir(minedDir, { recursive: true });
  const written = [];
  const keptEarlier = [];
  for (const m of mined) {
    const before = existing.get(m.cwe);
    const merged = mergeWithEarlier(m, before, sourceName);
    if (before && (!m.cause && before.cause || !m.guidelines.length && before.guidelines.length)) keptEarlier.push(m.cwe);
    const file = path.join(minedDir, `${m.cwe}.json`);
    await fs.writeFile(file, serializeMined(merged));
    written.push(file);
  }
  return { touched: [...groups.keys()], report, sliceFallbacks, written, keptEarlier };
}
function mergeWithEarlier(m, before, sourceName) {
  const names = /* @__PURE__ */ new Set([...before?.provenance.pairs.split(", ").filter(Boolean) ?? [], sourceName]);
  return {
    ...m,
    ...!m.cause && before?.cause && { cause: before.cause },
    guidelines: m.guidelines.length ? m.guidelines : [...before?.guidelines ?? []],
    provenance: { ...m.provenance, pairs: [...names].sort().join(", ") }
  };
}
function fromMined(cwe, e) {
  const { deleted, added } = changedLines(e.vulnerable, e.secure);
  return {
    id: e.pairId,
    cwe,
    language: e.language,
    vulnerable: e.vulnerable,
    secure: e.secure,
    deletedLines: e.vulnerableLines.length ? e.vulnerableLines : deleted,
    addedLines: e.secureLines.length ? e.secureLines : added,
    title: e.title,
    provenance: e.provenance
  };
}
function emptyReport() {
  return { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };
}

// src/kb/refresh/state.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";
var REFRESH_STATE_VERSION = 1;
var refreshStateSchema = external_exports.strictObject({
  version: external_exports.literal(REFRESH_STATE_VERSION),
  cursor: external_exports.iso.datetime({ offset: true }),
  atCursor: external_exports.array(external_exports.string())
});
async function readRefreshState(file) {
  let text;
  try {
    text = await fs2.readFile(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigurationError(`${file}: not JSON (${e.message}); fix it or pass --since DATE`);
  }
  const version = json?.version;
  if (version !== REFRESH_STATE_VERSION) throw new ConfigurationError(`${file}: state version ${String(version)} is not supported (this rescue reads ${REFRESH_STATE_VERSION})`);
  const parsed = refreshStateSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(`${file}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
function serializeRefreshState(state) {
  return `${stableStringify({ ...state, atCursor: [...state.atCursor].sort() }, 2)}
`;
}
async function writeRefreshState(file, state) {
  await fs2.mkdir(path2.dirname(file), { recursive: true });
  await fs2.writeFile(file, serializeRefreshState(state));
}

// src/kb/refresh/refresh.ts
async function refreshKnowledgeBase(opts) {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const limits = { ...DEFAULT_ADVISORY_LIMITS, ...opts.limits };
  const state = await readRefreshState(opts.stateFile);
  const since = opts.since ?? state?.cursor ?? new Date(now().getTime() - (opts.initialDays ?? 30) * 864e5).toISOString();
  const alreadyRead = new Set(state && !opts.since ? state.atCursor.map((id) => `${state.cursor}\0${id}`) : []);
  const max = opts.maxAdvisories ?? 300;
  logger.info(`reading GitHub-reviewed advisories modified since ${since}`);
  let cursor = state?.cursor ?? since;
  let atCursor = new Set(state?.atCursor ?? []);
  let read = 0;
  let truncated = false;
  const used = [];
  const skipped = [];
  const sourced = [];
  const pairKeys = /* @__PURE__ */ new Set();
  for await (const advisory of opts.source.advisories(since)) {
    if (alreadyRead.has(`${advisory.updatedAt}\0${advisory.ghsaId}`)) continue;
    if (read >= max) {
      truncated = true;
      break;
    }
    read++;
    const at = Date.parse(advisory.updatedAt);
    if (at > Date.parse(cursor)) {
      cursor = advisory.updatedAt;
      atCursor = /* @__PURE__ */ new Set();
    }
    if (at === Date.parse(cursor)) atCursor.add(advisory.ghsaId);
    const outcome = await advisoryPairs(advisory, opts.source, limits, logger);
    if ("skipped" in outcome) {
      skipped.push({ ghsaId: advisory.ghsaId, reason: outcome.skipped });
      logger.debug(`${advisory.ghsaId}: skipped: ${outcome.skipped}`);
    } else {
      const fresh = outcome.pairs.filter((p) => {
        const key = `${p.link}\0${p.pair.path}\0${p.pair.name}`;
        if (pairKeys.has(key)) return false;
        pairKeys.add(key);
        return true;
      });
      sourced.push(...fresh);
      used.push({ ghsaId: advisory.ghsaId, cwe: outcome.pairs[0].cwe, pairs: fresh.length });
    }
    if (read % 25 === 0) logger.info(`read ${read} advisories, ${sourced.length} pair(s) so far`);
  }
  const { pairs } = toFixPairs(sourced, "github-advisories");
  const pairsByCwe = {};
  for (const p of pairs) pairsByCwe[p.cwe] = (pairsByCwe[p.cwe] ?? 0) + 1;
  const base = {
    since,
    advisoriesRead: read,
    advisoriesUsed: used,
    skipped,
    pairsMined: pairs.length,
    pairsByCwe,
    truncated
  };
  const nextState = { version: 1, cursor, atCursor: [...atCursor] };
  const noSummary = { calls: 0, retries: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, failures: [] };
  if (opts.dryRun || read === 0) {
    return { ...base, cursor: read ? cursor : state?.cursor ?? since, cwesTouched: Object.keys(pairsByCwe), summary: noSummary, sliceFallbacks: 0, keptEarlier: [], changed: false };
  }
  if (!pairs.length) {
    await writeRefreshState(opts.stateFile, nextState);
    return { ...base, cursor, cwesTouched: [], summary: noSummary, sliceFallbacks: 0, keptEarlier: [], changed: true };
  }
  logger.info(`mining ${pairs.length} pair(s) for ${Object.keys(pairsByCwe).length} CWE(s)`);
  const mined = await mineIntoDirectory(opts.minedDir, pairs, {
    ...opts.summarize,
    slicer: opts.slicer ?? pdgSlicer,
    ...opts.callNames && { callNames: opts.callNames },
    sourceName: "github-advisories"
  });
  const result = await buildKnowledgeBase({
    sourcesDir: opts.sourcesDir,
    minedDir: opts.minedDir,
    previousDir: opts.buildDir,
    logger,
    ...opts.slicer && { slicer: opts.slicer },
    ...opts.embeddings && { embeddings: opts.embeddings }
  });
  await writeBuild(opts.buildDir, result);
  await writeRefreshState(opts.stateFile, nextState);
  return {
    ...base,
    cursor,
    cwesTouched: mined.touched,
    summary: mined.report,
    sliceFallbacks: mined.sliceFallbacks.length,
    keptEarlier: mined.keptEarlier,
    changed: true,
    counts: result.manifest.counts
  };
}

// src/kb/refresh/report.ts
function formatRefreshReport(r, format) {
  const tokens = r.summary.promptTokens + r.summary.completionTokens;
  const cwes = r.cwesTouched.length ? r.cwesTouched.map((c) => `${c} (+${r.pairsByCwe[c] ?? 0})`).join(", ") : "none";
  const headline = [
    `advisories read: ${r.advisoriesRead} (since ${r.since}${r.truncated ? ", stopped at the limit: run again for the rest" : ""})`,
    `advisories with fix pairs: ${r.advisoriesUsed.length}; skipped: ${r.skipped.length}`,
    `pairs mined: ${r.pairsMined}`,
    `CWEs touched: ${cwes}`,
    `summarizer: ${r.summary.calls} call(s), ${r.summary.cacheHits} cached, ${r.summary.promptTokens} prompt + ${r.summary.completionTokens} completion = ${tokens} tokens${r.summary.failures.length ? `, ${r.summary.failures.length} failure(s)` : ""}`,
    ...r.sliceFallbacks ? [`pairs kept whole (not sliced): ${r.sliceFallbacks}`] : [],
    ...r.keptEarlier.length ? [`summaries that failed and kept their earlier text: ${r.keptEarlier.join(", ")}`] : [],
    ...r.counts ? [`knowledge base: ${r.counts.cwes} CWEs, ${r.counts.guidelines} guidelines, ${r.counts.rules} rules, ${r.counts.examples} examples`] : [],
    `cursor: ${r.cursor}${r.changed ? "" : " (nothing changed)"}`
  ];
  if (format === "text") {
    const lines = [...headline];
    for (const f of r.summary.failures) lines.push(`  FAILED ${f.cwe} ${f.output} level ${f.level} batch ${f.batch + 1}: ${f.reason}`);
    return `${lines.join("\n")}
`;
  }
  const md = ["## Knowledge-base refresh", "", ...headline.map((l) => `- ${l}`), ""];
  if (r.advisoriesUsed.length) {
    md.push("### Advisories mined", "", "| advisory | CWE | pairs |", "| --- | --- | --- |");
    for (const a of r.advisoriesUsed) md.push(`| [${a.ghsaId}](https://github.com/advisories/${a.ghsaId}) | ${a.cwe} | ${a.pairs} |`);
    md.push("");
  }
  if (r.skipped.length) {
    md.push("<details><summary>Skipped advisories</summary>", "", "| advisory | reason |", "| --- | --- |");
    for (const s of r.skipped) md.push(`| ${s.ghsaId} | ${s.reason.replace(/\|/g, "\\|")} |`);
    md.push("", "</details>", "");
  }
  if (r.summary.failures.length) {
    md.push("### Summarizer failures", "");
    for (const f of r.summary.failures) md.push(`- ${f.cwe} ${f.output} level ${f.level} batch ${f.batch + 1}: ${f.reason}`);
    md.push("");
  }
  md.push("Review the mined guidelines in `kb/mined/` before merging: they were written by a model from public fix commits.", "");
  return md.join("\n");
}

// src/cli/commands/kb-refresh.ts
function parseKbArgs(args, options, sub) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new ConfigurationError(`kb ${sub}: ${e.message}`);
  }
}
function llmEndpoint(flag, io, sub) {
  return endpointSettings(flag, io, `kb ${sub} needs an OpenAI-compatible endpoint`);
}
function positiveInt(value, flag, min = 1) {
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigurationError(`${flag} must be an integer of at least ${min}, not ${value}`);
  return n;
}
function countingLogger(logger) {
  let waits = 0;
  return {
    debug: (m) => logger.debug(m),
    info: (m) => logger.info(m),
    warning: (m, l) => {
      if (/rate limit/i.test(m)) waits++;
      logger.warning(m, l);
    },
    error: (m, l) => logger.error(m, l),
    group: (name, fn) => logger.group(name, fn),
    get rateLimitWaits() {
      return waits;
    }
  };
}
function gitHubClientFor(io, apiUrl, logger) {
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError("set GITHUB_TOKEN (or GH_TOKEN): the GitHub API is read with it");
  const baseUrl = apiUrl ?? io.env.GITHUB_API_URL;
  return createGitHubClient(token, logger, { ...baseUrl && { baseUrl } });
}
var MINING_OPTIONS = {
  "api-url": { type: "string" },
  "base-url": { type: "string" },
  model: { type: "string" },
  "embeddings-model": { type: "string" },
  "batch-size": { type: "string" },
  "cache-dir": { type: "string" }
};
async function kbRefresh(args, io) {
  const v = parseKbArgs(
    args,
    {
      since: { type: "string" },
      "initial-days": { type: "string" },
      "max-advisories": { type: "string" },
      state: { type: "string" },
      sources: { type: "string" },
      mined: { type: "string" },
      out: { type: "string" },
      report: { type: "string" },
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      ...MINING_OPTIONS
    },
    "refresh"
  );
  const at = (p) => path3.resolve(io.cwd, p);
  const format = v.format ?? "text";
  if (format !== "text" && format !== "json") throw new ConfigurationError(`kb refresh: --format must be text or json, not ${format}`);
  if (v.since !== void 0 && Number.isNaN(Date.parse(v.since))) throw new ConfigurationError(`kb refresh: --since must be a date (2024-05-01 or an ISO date-time), not ${v.since}`);
  const sourcesDir = at(v.sources ?? "kb/sources");
  const dryRun = v["dry-run"] ?? false;
  const model = v.model ?? io.env.RESCUE_MODEL;
  if (!dryRun && !model) throw new ConfigurationError("kb refresh needs a chat model for the summaries: pass --model M or set RESCUE_MODEL (or --dry-run)");
  const endpoint = dryRun ? void 0 : llmEndpoint(v["base-url"], io, "refresh");
  const embeddingsModel = v["embeddings-model"];
  const logger = countingLogger(io.logger);
  const openai = endpoint && await import("./openai-client-ZM6D3LVD.js");
  const report = await refreshKnowledgeBase({
    source: githubAdvisorySource(gitHubClientFor(io, v["api-url"], logger)),
    sourcesDir,
    minedDir: at(v.mined ?? path3.join(path3.dirname(sourcesDir), "mined")),
    buildDir: at(v.out ?? "kb/build"),
    stateFile: at(v.state ?? "kb/refresh-state.json"),
    summarize: {
      client: endpoint && openai ? openai.createOpenAiChatClient(endpoint) : { complete: () => Promise.reject(new Error("dry run")) },
      model: model ?? "none",
      cache: directoryCache(at(v["cache-dir"] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize: positiveInt(v["batch-size"], "--batch-size", 2)
    },
    ...embeddingsModel && endpoint && openai && { embeddings: { model: embeddingsModel, embedder: openai.createOpenAiEmbedder({ ...endpoint, model: embeddingsModel }) } },
    ...v.since && { since: new Date(v.since).toISOString() },
    ...v["initial-days"] && { initialDays: positiveInt(v["initial-days"], "--initial-days") },
    ...v["max-advisories"] && { maxAdvisories: positiveInt(v["max-advisories"], "--max-advisories") },
    dryRun,
    logger
  });
  const waits = logger.rateLimitWaits;
  if (v.report) {
    await fs3.mkdir(path3.dirname(at(v.report)), { recursive: true });
    await fs3.writeFile(at(v.report), formatRefreshReport(report, "markdown") + (waits ? `
Rate-limit waits: ${waits}
` : ""));
  }
  io.stdout.write(format === "json" ? `${JSON.stringify({ ...report, rateLimitWaits: waits }, null, 2)}
` : `${formatRefreshReport(report, "text")}${waits ? `rate-limit waits: ${waits}
` : ""}`);
  return report.summary.failures.length ? EXIT_FINDINGS : EXIT_OK;
}

export {
  fixFileProblem,
  functionPairs,
  toFixPairs,
  mineIntoDirectory,
  parseKbArgs,
  llmEndpoint,
  positiveInt,
  countingLogger,
  gitHubClientFor,
  MINING_OPTIONS,
  kbRefresh
};
