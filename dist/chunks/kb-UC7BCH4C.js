#!/usr/bin/env node
import { createRequire as __rescueCreateRequire } from 'node:module';
const require = __rescueCreateRequire(import.meta.url);
import {
  DEFAULT_CACHE_DIR,
  createProgress,
  directoryCache,
  formatReport,
  minePairs,
  readPairs
} from "./chunk-LUKOE3N6.js";
import {
  endpointSettings
} from "./chunk-JAZMMTRO.js";
import "./chunk-CH6YD5QR.js";
import {
  DEFAULT_OVERLAY_DIR
} from "./chunk-RIQ5OP7A.js";
import {
  EXIT_FINDINGS,
  EXIT_OK
} from "./chunk-4KPSJP3U.js";
import {
  applyFix
} from "./chunk-KHVTQXMD.js";
import {
  getExampleText,
  loadKnowledgeBase,
  readManifest
} from "./chunk-W67GOMEU.js";
import {
  buildKnowledgeBase,
  diffBuild,
  formatProblem,
  pdgSlicer,
  readMined,
  readSources,
  serializeMined,
  writeBuild
} from "./chunk-36CMHGC7.js";
import {
  ConfigurationError
} from "./chunk-VWQMS5WY.js";
import "./chunk-RHUYUCDS.js";
import {
  compileRule,
  runRules
} from "./chunk-HY7RJWAB.js";
import {
  parse,
  sha256
} from "./chunk-ZCLPTS52.js";
import "./chunk-7OFN7BBI.js";
import "./chunk-QPWDPIWN.js";

// src/cli/commands/kb.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";
import { parseArgs } from "node:util";

// src/kb/rule-check.ts
var engineRuleChecker = {
  async check(rule) {
    let compiled;
    try {
      compiled = await compileRule(rule);
    } catch (e) {
      return [`does not compile: ${e.message}`];
    }
    const grammar = rule.language;
    const matchesOf = async (source) => {
      const tree = await parse(grammar, source);
      try {
        return runRules([compiled], { grammar, tree, source });
      } finally {
        tree.delete();
      }
    };
    const problems = [];
    const positive = await matchesOf(rule.tests.positive);
    if (positive.length === 0) problems.push("does not fire on tests.positive");
    if ((await matchesOf(rule.tests.negative)).length > 0) problems.push("fires on tests.negative");
    if (rule.fix && rule.tests.fixed !== void 0) {
      if ((await matchesOf(rule.tests.fixed)).length > 0) problems.push("fires on tests.fixed");
      const first = positive[0];
      if (first) {
        const fixed = applyFix(compiled, first, rule.tests.positive);
        if ("error" in fixed) problems.push(`fix fails on tests.positive: ${fixed.error}`);
        else if (fixed.text.trimEnd() !== rule.tests.fixed.trimEnd()) problems.push("the fix applied to tests.positive differs from tests.fixed");
      }
    }
    return problems;
  }
};

// src/kb/stats.ts
function kbStats(doc) {
  const rows = doc.cwes.map((c) => {
    const languages2 = {};
    const slot = (l) => languages2[l] ??= { rules: 0, examples: 0 };
    for (const r of c.rules) slot(r.language).rules++;
    for (const e of c.examples) slot(e.language).examples++;
    return { cwe: c.id, name: c.name, guidelines: c.guidelines.length, rules: c.rules.length, fixes: c.rules.filter((r) => r.fix).length, examples: c.examples.length, apis: c.allApis.length, languages: languages2 };
  });
  const languages = {};
  for (const row of rows) {
    for (const [l, v] of Object.entries(row.languages)) {
      const t = languages[l] ??= { rules: 0, examples: 0 };
      t.rules += v.rules;
      t.examples += v.examples;
    }
  }
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  return { rows, totals: { cwes: rows.length, guidelines: sum("guidelines"), rules: sum("rules"), fixes: sum("fixes"), examples: sum("examples"), apis: sum("apis"), languages } };
}
function formatStats(stats2) {
  const langs = Object.keys(stats2.totals.languages).sort();
  const header = ["CWE", "guidelines", "rules", "fixes", "examples", "apis", ...langs.map((l) => `${l} r/e`)];
  const body = stats2.rows.map((r) => [r.cwe, r.guidelines, r.rules, r.fixes, r.examples, r.apis, ...langs.map((l) => r.languages[l] ? `${r.languages[l].rules}/${r.languages[l].examples}` : "-")].map(String));
  const t = stats2.totals;
  body.push([`total (${t.cwes})`, t.guidelines, t.rules, t.fixes, t.examples, t.apis, ...langs.map((l) => `${t.languages[l].rules}/${t.languages[l].examples}`)].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  return [header, ...body].map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

// src/kb/verify.ts
import fs from "node:fs/promises";
import path from "node:path";
async function verifyKnowledgeBase(opts) {
  const problems = [];
  const { sources, problems: sourceProblems } = await readSources(opts.sourcesDir);
  problems.push(...sourceProblems.map(formatProblem));
  let rules = 0;
  let examples = 0;
  for (const { file, source } of sources) {
    for (const [i, rule] of source.rules.entries()) {
      rules++;
      for (const p of await opts.rules.check(rule)) problems.push(`${file}: rules[${i}] (${rule.id}): ${p}`);
    }
    if (opts.parseExamples === false) continue;
    for (const [i, ex] of source.examples.entries()) {
      examples++;
      for (const side of ["vulnerable", "secure"]) {
        const error = await parseError(ex.language, ex[side]);
        if (error) problems.push(`${file}: examples[${i}].${side}: does not parse as ${ex.language} (${error})`);
      }
    }
  }
  try {
    const manifest = readManifest(opts.buildDir);
    const minedDir = opts.minedDir ?? path.join(path.dirname(path.resolve(opts.sourcesDir)), "mined");
    const expected = {
      sources: Object.fromEntries(sources.map((s) => [s.name, s.sha256])),
      mined: Object.fromEntries((await readMined(minedDir)).map((m) => [m.name, m.sha256]))
    };
    for (const kind of ["sources", "mined"]) {
      const built = manifest[kind];
      for (const name of /* @__PURE__ */ new Set([...Object.keys(built), ...Object.keys(expected[kind])])) {
        if (built[name] === expected[kind][name]) continue;
        const state = !(name in built) ? "is not in the build" : !(name in expected[kind]) ? "was removed but is still in the build" : "changed since the build";
        problems.push(`${opts.buildDir}: ${kind === "sources" ? "source" : "mined file"} ${name} ${state}; run \`rescue kb build\``);
      }
    }
    for (const [name, hash] of Object.entries(manifest.files)) {
      const text = await fs.readFile(path.join(opts.buildDir, name), "utf8").catch(() => void 0);
      if (text === void 0) problems.push(`${opts.buildDir}: ${name} is missing; run \`rescue kb build\``);
      else if (sha256(text) !== hash) problems.push(`${opts.buildDir}: ${name} differs from the manifest; run \`rescue kb build\``);
    }
    const kb = loadKnowledgeBase(opts.buildDir);
    void kb.exampleIndex;
    for (const id of kb.examples.keys()) getExampleText(kb, id);
  } catch (e) {
    problems.push(e.message);
  }
  return { problems, counts: { sources: sources.length, rules, examples } };
}
async function parseError(language, code) {
  const tree = await parse(language, code);
  try {
    if (!tree.rootNode.hasError) return void 0;
    const stack = [tree.rootNode];
    while (stack.length) {
      const n = stack.pop();
      if (n.isError || n.isMissing) return `line ${n.startPosition.row + 1}`;
      for (const c of n.children) if (c?.hasError || c?.isMissing) stack.push(c);
    }
    return "syntax error";
  } finally {
    tree.delete();
  }
}

// src/cli/commands/kb.ts
var HELP = `rescue kb <build|verify|stats|refresh|learn> [options]

  build    Build kb/build (kb.json, index.json, example-index.json, examples/*.jsonl, manifest.json,
           vectors) from kb/sources and kb/mined; examples are sliced with the PDG slicer.
           --sources DIR          hand-written sources (default kb/sources)
           --mined DIR            mined knowledge (default: mined/ next to the sources)
           --out DIR              build directory (default kb/build)
           --check                build in memory; exit 1 if DIR differs from it (for CI)
           --pairs FILE.jsonl     mine vulnerability-fix pairs (SafeCoder schema) into --mined first:
                                  slice, collect APIs, cluster-then-summarize with the endpoint below
           --base-url URL         OpenAI-compatible endpoint (env OPENAI_BASE_URL; key in OPENAI_API_KEY)
           --model M              chat model for summaries (env RESCUE_MODEL)
           --embeddings-model M   compute vectors for CWE causes and secure examples with this model
           --batch-size N         cases per summary batch (default 10, the paper's b)
           --cache-dir DIR        summary cache, makes --pairs resumable (default ${DEFAULT_CACHE_DIR})
  verify   Check sources, rules (against their tests), examples, and that the build matches the sources.
           --sources DIR  --build DIR
  stats    Counts per CWE and language of the build.
           --build DIR  --format text|json
  refresh  Mine GitHub-reviewed security advisories published or updated since the last refresh: fix
           commits in GitHub repositories -> function-level pairs -> summaries of the CWEs that gained
           pairs (kb/mined) -> kb/build. The cursor is kept in --state; a run with nothing new writes nothing.
           --since DATE           read from this instant instead of the state's cursor
           --initial-days N       without a state file: how far back to read (default 30)
           --max-advisories N     stop after N advisories; the next run goes on (default 300)
           --state FILE           cursor file (default kb/refresh-state.json)
           --sources DIR  --mined DIR  --out DIR     as for build
           --report FILE          also write the report as Markdown (for a pull request body)
           --format text|json     the report on stdout (default text)
           --dry-run              read and report; write nothing and call no model
           --api-url URL          GitHub REST API (env GITHUB_API_URL; token in GITHUB_TOKEN)
           --base-url, --model, --embeddings-model, --batch-size, --cache-dir   as for build --pairs
  learn    Learn from a repository's own merged security fixes into its overlay (loaded on top of the
           bundled KB by the Action and the CLI; citations of its guidelines read overlay:<id>).
           --from-prs QUERY       search terms for merged pull requests, e.g. "label:security"
           --repo OWNER/NAME      the repository (env GITHUB_REPOSITORY)
           --out DIR              the overlay (default ${DEFAULT_OVERLAY_DIR}: sources/, mined/, build/)
           --cwe CWE-N            for pull requests that name no CWE (label cwe-89, or CWE-89 in the text)
           --max-prs N            most pull requests read (default 50)
           --api-url URL          GitHub REST API (env GITHUB_API_URL; token in GITHUB_TOKEN)
           --base-url, --model, --embeddings-model, --batch-size, --cache-dir   as for build --pairs
`;
var kbCommand = {
  name: "kb",
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case "build":
        return build(rest, io);
      case "verify":
        return verify(rest, io);
      case "stats":
        return stats(rest, io);
      // Octokit and the model client are loaded only by the subcommands that mine GitHub.
      case "refresh":
        return (await import("./kb-refresh-DYOVYBUK.js")).kbRefresh(rest, io);
      case "learn":
        return (await import("./kb-learn-KWCTCDPL.js")).kbLearn(rest, io);
      case void 0:
      case "--help":
      case "-h":
        io.stdout.write(HELP);
        return sub === void 0 ? 2 : EXIT_OK;
      default:
        throw new ConfigurationError(`unknown kb subcommand "${sub}"; expected build, verify, stats, refresh or learn`);
    }
  }
};
function parse2(args, options, sub) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new ConfigurationError(`kb ${sub}: ${e.message}`);
  }
}
async function build(args, io) {
  const v = parse2(
    args,
    {
      sources: { type: "string" },
      mined: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean" },
      pairs: { type: "string" },
      "base-url": { type: "string" },
      model: { type: "string" },
      "embeddings-model": { type: "string" },
      "batch-size": { type: "string" },
      "cache-dir": { type: "string" }
    },
    "build"
  );
  const at = (p) => path2.resolve(io.cwd, p);
  const sourcesDir = at(v.sources ?? "kb/sources");
  const minedDir = at(v.mined ?? path2.join(path2.dirname(sourcesDir), "mined"));
  const outDir = at(v.out ?? "kb/build");
  let status = EXIT_OK;
  if (v.pairs) {
    if (v.check) throw new ConfigurationError("kb build: --check cannot be combined with --pairs");
    const endpoint = endpointSettings(v["base-url"], io);
    const model = v.model ?? io.env.RESCUE_MODEL;
    if (!model) throw new ConfigurationError("kb build --pairs needs a chat model: pass --model M or set RESCUE_MODEL");
    const batchSize = v["batch-size"] === void 0 ? void 0 : Number(v["batch-size"]);
    if (batchSize !== void 0 && (!Number.isInteger(batchSize) || batchSize < 2)) throw new ConfigurationError("kb build: --batch-size must be an integer of at least 2");
    const { pairs, skipped } = await readPairs(at(v.pairs));
    const { createOpenAiChatClient } = await import("./openai-client-ZM6D3LVD.js");
    io.logger.info(`${pairs.length} pair(s) from ${v.pairs}${skipped.length ? `, ${skipped.length} skipped (${summarizeSkips(skipped)})` : ""}`);
    const { mined, report, sliceFallbacks } = await minePairs(pairs, {
      client: createOpenAiChatClient(endpoint),
      model,
      slicer: pdgSlicer,
      cache: directoryCache(at(v["cache-dir"] ?? DEFAULT_CACHE_DIR)),
      progress: createProgress(io.stderr),
      batchSize,
      pairsName: path2.basename(v.pairs)
    });
    await fs2.mkdir(minedDir, { recursive: true });
    for (const m of mined) await fs2.writeFile(path2.join(minedDir, `${m.cwe}.json`), serializeMined(m));
    if (sliceFallbacks.length) {
      io.logger.warning(`${sliceFallbacks.length} pair(s) kept their whole functions as slices: ${summarizeSkips(sliceFallbacks)}`);
    }
    io.stderr.write(`${formatReport(report)}
`);
    io.logger.info(`wrote ${mined.length} mined CWE file(s) to ${path2.relative(io.cwd, minedDir) || "."}`);
    if (report.failures.length) status = EXIT_FINDINGS;
  }
  const embeddingsModel = v["embeddings-model"];
  const embeddings = embeddingsModel ? { model: embeddingsModel, embedder: (await import("./openai-client-ZM6D3LVD.js")).createOpenAiEmbedder({ ...endpointSettings(v["base-url"], io), model: embeddingsModel }) } : void 0;
  const result = await buildKnowledgeBase({
    sourcesDir,
    minedDir,
    previousDir: outDir,
    logger: io.logger,
    ...embeddings && { embeddings }
  });
  const rel = path2.relative(io.cwd, outDir) || ".";
  if (result.sliceFallbacks.length && !v.check) {
    io.logger.info(`${result.sliceFallbacks.length} example version(s) not sliced, kept whole:`);
    for (const f of result.sliceFallbacks) io.logger.info(`  ${f.id} (${f.side}): ${f.reason}`);
  }
  if (v.check) {
    const differ = await diffBuild(outDir, result);
    if (differ.length) {
      io.stdout.write(`${rel} is out of date with the sources: ${differ.join(", ")}
run \`rescue kb build\` and commit ${rel}
`);
      return EXIT_FINDINGS;
    }
    io.stdout.write(`${rel} is up to date
`);
    return status;
  }
  await writeBuild(outDir, result);
  const c = result.manifest.counts;
  io.stdout.write(`built ${rel}: ${c.cwes} CWEs, ${c.guidelines} guidelines, ${c.rules} rules, ${c.examples} examples${result.manifest.embeddings ? `, ${result.manifest.embeddings.count} vectors (${result.manifest.embeddings.model})` : ""}
`);
  return status;
}
function summarizeSkips(skipped) {
  const counts = /* @__PURE__ */ new Map();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join("; ");
}
async function verify(args, io) {
  const v = parse2(args, { sources: { type: "string" }, build: { type: "string" }, mined: { type: "string" } }, "verify");
  const sourcesDir = path2.resolve(io.cwd, v.sources ?? "kb/sources");
  const report = await verifyKnowledgeBase({
    sourcesDir,
    buildDir: path2.resolve(io.cwd, v.build ?? "kb/build"),
    ...v.mined && { minedDir: path2.resolve(io.cwd, v.mined) },
    rules: engineRuleChecker
  });
  const { sources, rules, examples } = report.counts;
  const rel = (line) => line.split(`${io.cwd}${path2.sep}`).join("");
  for (const p of report.problems) io.stdout.write(`${rel(p)}
`);
  io.stdout.write(`kb verify: ${sources} source(s), ${rules} rule(s), ${examples} example(s): ${report.problems.length ? `${report.problems.length} problem(s)` : "OK"}
`);
  return report.problems.length ? EXIT_FINDINGS : EXIT_OK;
}
async function stats(args, io) {
  const v = parse2(args, { build: { type: "string" }, format: { type: "string" } }, "stats");
  const format = v.format ?? "text";
  if (format !== "text" && format !== "json") throw new ConfigurationError(`kb stats: --format must be text or json, not ${format}`);
  const kb = loadKnowledgeBase(v.build ? path2.resolve(io.cwd, v.build) : void 0);
  const s = kbStats(kb.document);
  io.stdout.write(format === "json" ? `${JSON.stringify(s, null, 2)}
` : `${formatStats(s)}
`);
  return EXIT_OK;
}
export {
  kbCommand
};
